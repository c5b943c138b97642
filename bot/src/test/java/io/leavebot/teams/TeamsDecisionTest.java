package io.leavebot.teams;

import io.leavebot.testing.SampleLeaves;
import static io.leavebot.testing.SampleLeaves.ADA;
import static io.leavebot.testing.SampleLeaves.ALAN;
import static io.leavebot.testing.SampleLeaves.GRACE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.leavebot.leave.LeaveRequest;
import io.leavebot.leave.LeaveStatus;
import io.leavebot.testing.LeaveBotHarness;
import io.leavebot.testing.TeamsApi;
import io.leavebot.testing.TeamsHarness;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Approve and Reject on the approver's Adaptive Card, and every click that must change nothing. */
class TeamsDecisionTest {
    @RegisterExtension
    final TeamsHarness teams = new TeamsHarness();

    @BeforeEach
    void everyoneUsesTeams() {
        teams.joinsTeams(ADA);
        teams.joinsTeams(GRACE);
        teams.joinsTeams(ALAN);
    }

    @Test
    void theApproverGetsAnAdaptiveCardWithExecuteActionsCarryingTheRequestAndItsCallback() {
        LeaveRequest leave = teams.bot().submitted("r1");
        JsonNode activity = teams.teams().sent(GRACE).get(0);

        assertEquals("message", activity.path("type").asText());
        assertEquals("application/vnd.microsoft.card.adaptive", activity.path("attachments").path(0).path("contentType").asText());
        JsonNode card = TeamsApi.card(activity);
        assertEquals("AdaptiveCard", card.path("type").asText());
        assertEquals("1.5", card.path("version").asText());
        assertEquals("Leave request from Ada Lovelace: Mon 12 Jan 2026 – Fri 16 Jan 2026", card.path("body").path(0).path("text").asText());
        JsonNode approve = TeamsApi.execute(card, TeamsCards.APPROVE);
        assertEquals("Approve", approve.path("title").asText());
        assertEquals("r1", approve.path("data").path("request").asText());
        assertEquals(SampleLeaves.callbackOf(leave), approve.path("data").path("callback").asText());
        JsonNode reject = TeamsApi.execute(card, TeamsCards.REJECT);
        assertEquals(SampleLeaves.callbackOf(leave), reject.path("data").path("callback").asText());
        assertEquals("Action.ShowCard", card.path("actions").path(1).path("type").asText(), "Reject first asks for a comment");
        assertEquals("comment", card.path("actions").path(1).path("card").path("body").path(0).path("id").asText());
        assertTrue(TeamsApi.card(teams.teams().sent(ADA).get(0)).path("actions").isMissingNode(), "the receipt has no buttons");
        assertEquals("Bearer " + TeamsApi.ACCESS_TOKEN, teams.teams().connectorAuthorizations().get(0));
        assertEquals(1, teams.teams().tokenRequests(), "the token is kept until it expires");
    }

    @Test
    void approveAnswersWithTheOutcomeCardAndTheWorkflowTellsEveryone() {
        teams.bot().submitted("r1");
        JsonNode answer = teams.invoke(click(GRACE, TeamsCards.APPROVE, null));

        assertEquals(200, answer.path("statusCode").asInt());
        assertEquals("application/vnd.microsoft.card.adaptive", answer.path("type").asText());
        assertEquals("1.5", answer.path("value").path("version").asText());
        assertTrue(answer.path("value").path("actions").isMissingNode(), "no buttons once decided");
        assertTrue(answer.path("value").toString().contains("You approved Ada Lovelace's leave"), answer.toString());
        assertEquals(LeaveStatus.APPROVED, teams.settledStatus("r1"));
        assertTrue(GRACE.isSameAs(teams.bot().leave("r1").decision().by()));
        assertEquals(2, teams.teams().sent(ADA).size(), "receipt and outcome");
        assertTrue(TeamsApi.card(teams.teams().sent(ADA).get(1)).toString().contains("Your leave is approved"));
        JsonNode replaced = TeamsApi.card(teams.teams().updates(GRACE).get(0));
        assertTrue(replaced.path("actions").isMissingNode(), "the approval card loses its buttons");
    }

    @Test
    void rejectCarriesTheCommentToTheEmployee() {
        teams.bot().submitted("r1");
        JsonNode answer = teams.invoke(click(GRACE, TeamsCards.REJECT, "  Release week, sorry  "));

        assertTrue(answer.path("value").toString().contains("You rejected Ada Lovelace's leave request"), answer.toString());
        assertEquals(LeaveStatus.REJECTED, teams.settledStatus("r1"));
        assertEquals("Release week, sorry", teams.bot().leave("r1").decision().comment());
        assertTrue(TeamsApi.card(teams.teams().sent(ADA).get(1)).toString().contains("Release week, sorry"));
    }

    @Test
    void aCommentTooLongIsRefusedAndNothingChanges() {
        teams.bot().submitted("r1");
        JsonNode answer = teams.invoke(click(GRACE, TeamsCards.REJECT, "x".repeat(1001)));

        assertEquals("application/vnd.microsoft.activity.message", answer.path("type").asText());
        assertEquals("Your comment is 1001 characters long; please keep it to 1000 characters or fewer.", answer.path("value").asText());
        assertEquals(LeaveStatus.PENDING, teams.settledStatus("r1"));
    }

    @Test
    void anyoneButTheApproverIsRefusedWithAMessageAndTheCardStays() {
        teams.bot().submitted("r1");
        JsonNode answer = teams.invoke(click(ALAN, TeamsCards.APPROVE, null));

        assertEquals("application/vnd.microsoft.activity.message", answer.path("type").asText());
        assertEquals("Only the approver of this request can approve or reject it, and LeaveBot has someone else down as "
                + "its approver. Nothing was changed.", answer.path("value").asText());
        assertEquals(LeaveStatus.PENDING, teams.settledStatus("r1"));
        assertEquals(1, teams.teams().sent(ADA).size(), "only the receipt");
    }

    @Test
    void aDoubleClickDecidesOnce() {
        teams.bot().submitted("r1");
        teams.invoke(click(GRACE, TeamsCards.APPROVE, null));
        JsonNode second = teams.invoke(click(GRACE, TeamsCards.REJECT, null)); // the workflow may not have run yet

        assertTrue(second.path("value").toString().contains("Nothing was changed."), second.toString());
        assertEquals(LeaveStatus.APPROVED, teams.settledStatus("r1"));
        assertEquals(2, teams.teams().sent(ADA).size(), "one decision, one outcome for the employee");
    }

    @Test
    void aClickAfterExpirySaysSoAndChangesNothing() {
        teams.bot().submitted("r1");
        teams.bot().advance(LeaveBotHarness.TIMEOUT.plus(Duration.ofSeconds(1)));
        LeaveRequest expired = teams.bot().leave("r1");
        assertEquals(LeaveStatus.EXPIRED, expired.status());

        JsonNode answer = teams.invoke(click(GRACE, TeamsCards.APPROVE, null));
        assertEquals("application/vnd.microsoft.card.adaptive", answer.path("type").asText(), "the stale card shows where things stand");
        assertTrue(answer.path("value").toString().contains("This request is no longer waiting for a decision"), answer.toString());
        assertFalse(answer.path("value").has("actions"));
        teams.bot().settle();
        assertEquals(expired, teams.bot().leave("r1"));
    }

    /** {@code person} clicks {@code verb} on the approval card Grace got (with a comment typed, for Reject). */
    private io.leavebot.testing.TeamsRequests.Signed click(io.leavebot.leave.Person person, String verb, String comment) {
        JsonNode card = teams.teams().cardWith(GRACE, verb);
        ObjectNode data = TeamsApi.execute(card, verb).path("data").deepCopy();
        if (comment != null) {
            data.put(TeamsCards.COMMENT, comment);
        }
        return teams.requests().click(person, verb, data);
    }
}
