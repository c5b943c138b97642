package io.leavebot.slack;

import static io.leavebot.testing.SampleLeaves.ADA;
import static io.leavebot.testing.SampleLeaves.ALAN;
import static io.leavebot.testing.SampleLeaves.GRACE;
import static io.leavebot.testing.SampleLeaves.HANA;
import static io.leavebot.testing.SampleLeaves.slackIdOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.leavebot.leave.ApprovalChain;
import io.leavebot.leave.ApproverRouting;
import io.leavebot.leave.Decision;
import io.leavebot.leave.LeaveRequest;
import io.leavebot.leave.LeaveStatus;
import io.leavebot.leave.Person;
import io.leavebot.testing.SampleLeaves;
import io.leavebot.testing.SlackAppHarness;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code /leave whosout} and App Home's team calendar. Ada and Alan are in "platform" (Grace approves), Hana in
 * "support", sixty others in a team each; Grace is an admin. The clock is on Mon 5 Jan 2026: Ada asks for Wed 7 Jan (pending) and has Thu 15 –
 * Mon 19 Jan approved ("Wedding"); Hana has Tue 13 Jan approved.
 */
class SlackCalendarTest {
    private static final LocalDate JAN_5 = LocalDate.of(2026, 1, 5);
    /** Sixty more teams of one each, whom only the test of many teams gives leave. */
    private static final List<String> MANY = IntStream.range(0, 60).mapToObj(i -> "p" + i + "@example.org").toList();

    @RegisterExtension
    final SlackAppHarness slack = new SlackAppHarness();

    {
        slack.bot().withAdmins(GRACE).withRouting(ApproverRouting.fromJson(routing(MANY), "routing.json"));
    }

    @Test
    void whosOutShowsAColleagueOutWithoutTypeOrReasonAndNotAnotherTeam() {
        recordTheMonth();

        JsonNode reply = slack.sendOk(slack.requests().command(slackIdOf(ALAN), "whosout 2026-01-13"));

        assertEquals("ephemeral", reply.path("response_type").asText());
        JsonNode blocks = reply.path("blocks");
        assertEquals("Who is out on Tue 13 Jan 2026", blocks.get(0).path("text").path("text").asText());
        assertEquals("*platform*\n_Later this week_\n• Ada Lovelace — out from Thu 15 Jan, back Tue 20 Jan",
                blocks.get(1).path("text").path("text").asText());
        assertEquals(2, blocks.size(), "support's leave is not Alan's to see");
        assertFalse(reply.toString().contains("Wedding"));
        assertTrue(reply.path("text").asText().startsWith("Who is out on Tue 13 Jan 2026"), "the fallback text");
    }

    @Test
    void whosOutShowsAnAdminEveryTeamWithTypesAndPendingMarked() {
        recordTheMonth();

        JsonNode reply = slack.sendOk(slack.requests().command(slackIdOf(GRACE), "whosout 2026-01-07"));

        assertEquals("*platform*\n• Ada Lovelace — annual leave (pending), back Thu 8 Jan",
                reply.path("blocks").get(1).path("text").path("text").asText());
        JsonNode today = slack.sendOk(slack.requests().command(slackIdOf(GRACE), "whosout 2026-01-13"));
        assertEquals(List.of("Who is out on Tue 13 Jan 2026", "*platform*\n_Later this week_\n• Ada Lovelace — annual leave from "
                + "Thu 15 Jan, back Tue 20 Jan", "*support*\n• Hana HR — annual leave, back Wed 14 Jan"), texts(today.path("blocks")));
    }

    @Test
    void whosOutOfSixtyTeamsStaysWithinSlacksFiftyBlocks() {
        for (String member : MANY) {
            approved(leave(member, Person.ofEmail(member, "Person " + member), JAN_5, JAN_5));
        }

        JsonNode blocks = slack.sendOk(slack.requests().command(slackIdOf(GRACE), "whosout")).path("blocks");

        assertEquals(CalendarBlocks.MESSAGE_BLOCKS, blocks.size());
        assertEquals("context", blocks.get(blocks.size() - 1).path("type").asText());
    }

    @Test
    void aDayThatIsNoDateIsExplainedAndNothingElseHappens() {
        JsonNode reply = slack.sendOk(slack.requests().command(slackIdOf(ALAN), "whosout someday"));

        assertTrue(reply.path("blocks").isMissingNode(), reply.toString());
        assertTrue(reply.path("text").asText().contains("someday"), reply.toString());
    }

    @Test
    void homeShowsThisWeekAndItsButtonTheNextFourWeeksApprovedAndPendingApart() {
        recordTheMonth();
        slack.sendOk(slack.requests().appHomeOpened(slackIdOf(ALAN)));

        String week = calendarSection(slack.publishedHome());
        assertTrue(week.contains("*This week* (Mon 5 Jan – Sun 11 Jan 2026)"), week);
        assertTrue(week.contains(CalendarBlocks.PENDING + " Ada Lovelace · Wed 7 Jan · out _(pending)_"), week);
        assertFalse(week.contains("Thu 15 Jan"), week);
        assertEquals("4", button(slack.publishedHome()).path("value").asText());

        slack.sendOk(slack.requests().clickOnHome(slackIdOf(ALAN), CalendarBlocks.WEEKS, "4"));

        String weeks = calendarSection(slack.publishedHome());
        assertTrue(weeks.contains("*The next 4 weeks* (Mon 5 Jan – Sun 1 Feb 2026)"), weeks);
        assertTrue(weeks.contains(CalendarBlocks.APPROVED + " Ada Lovelace · Thu 15 Jan – Mon 19 Jan · out"), weeks);
        assertFalse(weeks.contains("Hana"), weeks);
        assertEquals("1", button(slack.publishedHome()).path("value").asText());
    }

    private void recordTheMonth() {
        slack.bot().store().create(leave("ada-pending", ADA, JAN_5.plusDays(2), JAN_5.plusDays(2)));
        approved(leave("ada-approved", ADA, JAN_5.plusDays(10), JAN_5.plusDays(14)));
        approved(leave("hana-approved", HANA, JAN_5.plusDays(8), JAN_5.plusDays(8)));
    }

    private static String routing(List<String> moreTeams) {
        List<String> teams = new ArrayList<>(List.of(
                "\"platform\": {\"members\": [\"ada@example.org\", \"alan@example.org\"], \"approvers\": {\"email\": \"grace@example.org\"}}",
                "\"support\": {\"members\": [\"hana@example.org\"], \"approvers\": {\"email\": \"ivan@example.org\"}}"));
        moreTeams.forEach(m -> teams.add("\"team " + m + "\": {\"members\": [\"" + m + "\"], \"approvers\": {\"email\": \"grace@example.org\"}}"));
        return "{\"default\": {\"email\": \"grace@example.org\"}, \"teams\": {" + String.join(", ", teams) + "}}";
    }

    private void approved(LeaveRequest leave) {
        slack.bot().store().create(leave);
        slack.bot().store().decide(leave.id(), LeaveStatus.APPROVED, new Decision(GRACE, Instant.EPOCH, null), Instant.EPOCH);
    }

    private static LeaveRequest leave(String id, Person employee, LocalDate start, LocalDate end) {
        return SampleLeaves.request(id, employee, start, end, false, "Wedding").withChain(ApprovalChain.single(GRACE));
    }

    private static List<String> texts(JsonNode blocks) {
        List<String> texts = new ArrayList<>();
        blocks.forEach(b -> texts.add(b.path("text").path("text").asText()));
        return texts;
    }

    /** The team calendar's section on Home: its text and fields. */
    private static String calendarSection(JsonNode home) {
        JsonNode blocks = home.path("blocks");
        for (int i = 0; i < blocks.size(); i++) {
            if (blocks.get(i).path("text").path("text").asText().equals("Team calendar")) {
                return blocks.get(i + 1).toString().replace("\\n", "\n");
            }
        }
        throw new AssertionError("no team calendar on Home: " + home);
    }

    private static JsonNode button(JsonNode home) {
        for (JsonNode block : home.path("blocks")) {
            for (JsonNode element : block.path("elements")) {
                if (CalendarBlocks.WEEKS.equals(element.path("action_id").asText())) {
                    return element;
                }
            }
        }
        throw new AssertionError("no calendar button on Home: " + home);
    }
}
