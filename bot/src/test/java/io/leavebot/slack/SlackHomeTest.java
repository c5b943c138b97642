package io.leavebot.slack;

import io.leavebot.testing.SampleLeaves;
import static io.leavebot.testing.SampleLeaves.slackIdOf;
import static io.leavebot.testing.SampleLeaves.ADA;
import static io.leavebot.testing.SampleLeaves.ALAN;
import static io.leavebot.testing.SampleLeaves.GRACE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.leavebot.leave.LeaveRequest;
import io.leavebot.leave.LeaveStatus;
import io.leavebot.leave.LeaveSubmission;
import io.leavebot.testing.SlackApi;
import io.leavebot.testing.SlackAppHarness;
import io.leavebot.workflow.Answer;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class SlackHomeTest {
    @RegisterExtension
    final SlackAppHarness slack = new SlackAppHarness();

    @Test
    void anEmployeeSeesTheirRequestsAndCanWithdrawTheWaitingOnes() {
        slack.submitted("r1");
        approved("r2", LocalDate.of(2026, 2, 2));
        assertTrue(slack.sendOk(slack.requests().appHomeOpened(slackIdOf(ADA))).isEmpty());

        Map<String, String> published = slack.slack().calls("views.publish").get(0);
        assertEquals(slackIdOf(ADA), published.get("user_id"));
        JsonNode home = SlackApi.json(published, "view");
        assertEquals("home", home.path("type").asText());
        List<JsonNode> requests = sectionsWithFields(home);
        assertEquals(2, requests.size());
        assertTrue(requests.get(0).toString().contains("Approved by Grace Hopper"), "newest first: " + requests);
        assertTrue(requests.get(0).path("accessory").isMissingNode(), "a decided request cannot be withdrawn");
        assertTrue(requests.get(1).toString().contains("Waiting for Grace Hopper's decision"), requests.toString());
        assertEquals(HomeView.WITHDRAW, requests.get(1).path("accessory").path("action_id").asText());
        assertEquals("r1", requests.get(1).path("accessory").path("value").asText());
        assertFalse(home.toString().contains("Waiting for your decision"), "Ada decides nobody's leave");
    }

    @Test
    void homeShowsTheBalancesWithWhatIsWaiting() {
        slack.submitted("r1");
        slack.sendOk(slack.requests().appHomeOpened(slackIdOf(ADA)));

        JsonNode home = slack.publishedHome();
        JsonNode balances = home.path("blocks").findParents("block_id").stream()
                .filter(b -> b.path("block_id").asText().equals(HomeView.BALANCES)).findFirst().orElseThrow();
        assertTrue(balances.path("text").path("text").asText().contains("• 25 of 25 days of annual leave left in 2026 "
                + "(5 days waiting for approval, 20 left after them)"), balances.toString());
    }

    @Test
    void anApproverAlsoSeesWhatWaitsForThemWithTheDecisionButtons() {
        LeaveRequest waiting = slack.submitted("r1");
        slack.sendOk(slack.requests().appHomeOpened(slackIdOf(GRACE)));

        JsonNode home = slack.publishedHome();
        assertTrue(home.toString().contains("Waiting for your decision"), home.toString());
        JsonNode buttons = actionsBlock(home, "decide:r1");
        assertEquals(List.of(DecisionButtons.APPROVE, DecisionButtons.REJECT, DecisionButtons.REJECT_WITH_COMMENT),
                buttons.path("elements").findValuesAsText("action_id"));
        assertEquals(new DecisionButtons.Target("r1", SampleLeaves.callbackOf(waiting)),
                DecisionButtons.decode(buttons.path("elements").get(0).path("value").asText()).orElseThrow());
        assertTrue(home.toString().contains("Leave request from Ada Lovelace: Mon 12 Jan 2026 – Fri 16 Jan 2026"), home.toString());
    }

    @Test
    void aStandInSeesWhatTheyDecideForTheAwayApproverAndItsButtonsAnswerTheirPlace() {
        LocalDate today = LocalDate.ofInstant(slack.bot().now(), ZoneOffset.UTC);
        assertTrue(slack.bot().away().declare(GRACE, today, today.plusDays(20), ALAN).saved());
        LeaveRequest waiting = slack.submitted("r1");
        slack.sendOk(slack.requests().appHomeOpened(slackIdOf(ALAN)));

        JsonNode home = slack.publishedHome();
        assertTrue(home.toString().contains("Leave request from Ada Lovelace: Mon 12 Jan 2026 – Fri 16 Jan 2026 (standing in "
                + "for Grace Hopper)"), home.toString());
        String value = actionsBlock(home, "decide:r1").path("elements").get(0).path("value").asText();
        assertEquals(new DecisionButtons.Target("r1", waiting.callbackFor(ALAN).orElseThrow()), DecisionButtons.decode(value).orElseThrow());
        slack.sendOk(slack.requests().clickOnHome(slackIdOf(ALAN), DecisionButtons.APPROVE, value));
        assertEquals(LeaveStatus.APPROVED, slack.settledStatus("r1"));
    }

    @Test
    void withdrawOnHomeWithdrawsAndSaysSo() {
        slack.submitted("r1");
        slack.sendOk(slack.requests().clickOnHome(slackIdOf(ADA), HomeView.WITHDRAW, "r1"));

        String home = slack.publishedHome().toString();
        assertTrue(home.contains("Your leave request is withdrawn: Mon 12 Jan 2026 – Fri 16 Jan 2026"), home);
        assertFalse(home.contains(HomeView.WITHDRAW), "the request just withdrawn has no button any more");
        assertTrue(home.contains("Withdrawn by Ada Lovelace") && !home.contains("Waiting for"), "its row says so too: " + home);
        assertEquals(LeaveStatus.CANCELLED, slack.settledStatus("r1"));
    }

    @Test
    void withdrawingSomeoneElsesRequestIsRefusedOnHome() {
        slack.submitted("r1");
        slack.sendOk(slack.requests().clickOnHome(slackIdOf(ALAN), HomeView.WITHDRAW, "r1"));
        String home = slack.publishedHome().toString();
        assertTrue(home.contains("request r1 is not yours. Nothing was changed."), home);
        assertEquals(LeaveStatus.PENDING, slack.settledStatus("r1"));
    }

    @Test
    void openingTheMessagesTabPublishesNothing() {
        assertTrue(slack.sendOk(slack.requests().appHomeOpened(slackIdOf(ADA), "messages")).isEmpty());
        assertEquals(List.of(), slack.slack().calls("views.publish"));
    }

    private void approved(String requestId, LocalDate day) {
        var leaves = slack.bot().leaves();
        leaves.submit(new LeaveSubmission(requestId, ADA, "annual", day, day, false, null));
        slack.bot().settle();
        leaves.answer(requestId, Answer.approve(GRACE, null));
        slack.bot().settle();
    }

    private static List<JsonNode> sectionsWithFields(JsonNode view) {
        return view.path("blocks").findParents("fields");
    }

    private static JsonNode actionsBlock(JsonNode view, String blockId) {
        return view.path("blocks").findParents("block_id").stream().filter(b -> blockId.equals(b.path("block_id").asText()))
                .findFirst().orElseThrow(() -> new AssertionError("no block " + blockId + " in " + view));
    }
}
