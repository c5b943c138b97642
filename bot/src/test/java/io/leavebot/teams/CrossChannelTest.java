package io.leavebot.teams;

import static io.leavebot.testing.SampleLeaves.slackIdOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.leavebot.leave.LeaveRequest;
import io.leavebot.leave.LeaveStatus;
import io.leavebot.leave.Person;
import io.leavebot.slack.DecisionButtons;
import io.leavebot.testing.SampleLeaves;
import io.leavebot.testing.TeamsApi;
import io.leavebot.testing.TeamsHarness;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Slack and Teams in front of one bot, driving the same workflow: people are matched by e-mail, so whoever asks
 * in one and whoever decides in the other take part in the same request, each told on the channel they use.
 */
class CrossChannelTest {
    /** Known to the routing by e-mail only; which chat she uses depends on the test. */
    private static final Person GRACE = Person.ofEmail("grace@example.org", "Grace Hopper");
    private static final Person ADA = SampleLeaves.ADA;

    @RegisterExtension
    final TeamsHarness bot = TeamsHarness.withSlack().withApprover(GRACE);

    @Test
    void aRequestMadeInSlackIsApprovedByAnApproverWhoOnlyUsesTeams() {
        bot.slack().member(slackIdOf(ADA), ADA.email(), ADA.displayName());
        bot.joinsTeams(GRACE);

        assertEquals(200, bot.sendToSlack(bot.slackRequests().command(slackIdOf(ADA), "2026-01-12 2026-01-16 Family trip")).status());
        bot.bot().settle();
        LeaveRequest leave = bot.bot().leaves().requestsOf(ADA).get(0);
        assertEquals(TeamsCards.APPROVE, TeamsApi.APPROVE);
        JsonNode answer = bot.invoke(bot.requests().clickOnCardOf(GRACE, GRACE, TeamsApi.APPROVE));

        assertTrue(answer.path("value").toString().contains("You approved"), answer.toString());
        assertEquals(LeaveStatus.APPROVED, bot.settledStatus(leave.id()));
        assertEquals(List.of("Leave request received: Mon 12 Jan 2026 – Fri 16 Jan 2026",
                "Your leave is approved: Mon 12 Jan 2026 – Fri 16 Jan 2026"),
                bot.slack().calls("chat.postMessage").stream().map(c -> c.get("text").split("\n")[0]).toList(),
                "Ada hears in Slack");
        assertTrue(bot.bot().mail().isEmpty(), "nobody needed e-mail");
    }

    @Test
    void aRequestMadeInTeamsIsApprovedByAnApproverWhoOnlyUsesSlack() {
        Person teamsAda = Person.ofEmail(ADA.email(), ADA.displayName());
        bot.joinsTeams(teamsAda);
        bot.slack().member("U02GRACE", GRACE.email(), GRACE.displayName());

        assertEquals(200, bot.send(bot.requests().message(teamsAda, "leave 2026-01-12 2026-01-16 Family trip")).status());
        bot.bot().settle();
        LeaveRequest leave = bot.bot().leaves().requestsOf(teamsAda).get(0);
        String button = bot.slack().buttonValue("DU02GRACE", DecisionButtons.APPROVE).orElseThrow();
        assertEquals(200, bot.sendToSlack(bot.slackRequests().click("U02GRACE", DecisionButtons.APPROVE, button)).status());

        assertEquals(LeaveStatus.APPROVED, bot.settledStatus(leave.id()));
        List<JsonNode> toAda = bot.teams().sent(teamsAda);
        assertTrue(toAda.stream().anyMatch(a -> TeamsApi.card(a).toString().contains("Your leave is approved")), toAda.toString());
        assertTrue(bot.bot().mail().isEmpty(), "nobody needed e-mail");
    }
}
