package io.leavebot.teams;

import static io.leavebot.testing.SampleLeaves.ADA;
import static io.leavebot.testing.SampleLeaves.ALAN;
import static io.leavebot.testing.SampleLeaves.GRACE;
import static io.leavebot.testing.SampleLeaves.HANA;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import io.leavebot.leave.ApprovalChain;
import io.leavebot.leave.ApproverRouting;
import io.leavebot.leave.Decision;
import io.leavebot.leave.LeaveRequest;
import io.leavebot.leave.LeaveStatus;
import io.leavebot.testing.SampleLeaves;
import io.leavebot.testing.TeamsApi;
import io.leavebot.testing.TeamsHarness;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code leave whosout} in Teams: Ada and Alan are in "platform", Hana in "support"; Grace is an admin. Ada has
 * Thu 15 – Mon 19 Jan 2026 approved ("Wedding"), Hana Tue 13 Jan.
 */
class TeamsWhosOutTest {
    private static final String ROUTING = """
            {"default": {"email": "grace@example.org"},
             "teams": {"platform": {"members": ["ada@example.org", "alan@example.org"], "approvers": {"email": "grace@example.org"}},
                       "support": {"members": ["hana@example.org"], "approvers": {"email": "ivan@example.org"}}}}""";

    @RegisterExtension
    final TeamsHarness teams = new TeamsHarness();

    {
        teams.bot().withAdmins(GRACE).withRouting(ApproverRouting.fromJson(ROUTING, "routing.json"));
    }

    @Test
    void aColleagueSeesTheirTeamOutWithoutTypeOrReasonAndNotAnotherTeam() {
        recordLeave();
        teams.joinsTeams(ALAN);

        teams.send(teams.requests().message(ALAN, "leave whosout 2026-01-13"));

        JsonNode card = TeamsApi.card(teams.teams().replies(ALAN).get(0));
        assertEquals(List.of("Who is out on Tue 13 Jan 2026", "platform",
                "Later this week:\n- Ada Lovelace — out from Thu 15 Jan, back Tue 20 Jan"), texts(card));
        assertEquals("Bolder", card.path("body").get(1).path("weight").asText());
        assertFalse(card.toString().contains("Wedding"));
    }

    @Test
    void anAdminSeesEveryTeamWithTypes() {
        recordLeave();
        teams.joinsTeams(GRACE);

        teams.send(teams.requests().message(GRACE, "leave whosout 2026-01-13"));

        assertEquals(List.of("Who is out on Tue 13 Jan 2026", "platform",
                "Later this week:\n- Ada Lovelace — annual leave from Thu 15 Jan, back Tue 20 Jan", "support",
                "- Hana HR — annual leave, back Wed 14 Jan"), texts(TeamsApi.card(teams.teams().replies(GRACE).get(0))));
    }

    @Test
    void aWeekWithNobodyOutSaysSo() {
        teams.joinsTeams(ALAN);

        teams.send(teams.requests().message(ALAN, "leave whosout 2026-02-02"));

        assertEquals(List.of("Who is out on Mon 2 Feb 2026", "Nobody you can see is out on Mon 2 Feb 2026 or later that week."),
                texts(TeamsApi.card(teams.teams().replies(ALAN).get(0))));
    }

    private void recordLeave() {
        approved(SampleLeaves.request("ada-1", ADA, LocalDate.of(2026, 1, 15), LocalDate.of(2026, 1, 19), false, "Wedding"));
        approved(SampleLeaves.request("hana-1", HANA, LocalDate.of(2026, 1, 13), LocalDate.of(2026, 1, 13), false, "Wedding"));
    }

    private void approved(LeaveRequest leave) {
        teams.bot().store().create(leave.withChain(ApprovalChain.single(GRACE)));
        teams.bot().store().decide(leave.id(), LeaveStatus.APPROVED, new Decision(GRACE, Instant.EPOCH, null), Instant.EPOCH);
    }

    private static List<String> texts(JsonNode card) {
        List<String> texts = new ArrayList<>();
        card.path("body").forEach(block -> texts.add(block.path("text").asText()));
        return texts;
    }
}
