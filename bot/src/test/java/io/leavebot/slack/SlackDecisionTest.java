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
import io.leavebot.notify.Notification;
import io.leavebot.testing.LeaveBotHarness;
import io.leavebot.testing.SlackApi;
import io.leavebot.testing.SlackAppHarness;
import io.leavebot.testing.SlackRequests;
import io.leavebot.workflow.Answer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class SlackDecisionTest {
    @RegisterExtension
    final SlackAppHarness slack = new SlackAppHarness();

    @Test
    void approveDecidesAndTheWorkflowTellsEveryone() {
        String button = buttonOf(slack.submitted("r1"));
        assertTrue(slack.sendOk(slack.requests().click(slackIdOf(GRACE), DecisionButtons.APPROVE, button)).isEmpty());
        assertEquals(List.of(), slack.slack().responses(), "accepted: the workflow replaces the message, nothing is said here");

        slack.bot().settle();
        LeaveRequest leave = slack.bot().leave("r1");
        assertEquals(LeaveStatus.APPROVED, leave.status());
        assertTrue(GRACE.isSameAs(leave.decision().by()));
        assertEquals(1, outcomesToAda());
        assertEquals(1, slack.chat().updates.size(), "the approval message is replaced once");
    }

    @Test
    void afterAForgedAnswerTheOldMessageLosesItsButtonsAndOnlyTheNewOnesDecide() {
        LeaveRequest asked = slack.submitted("r1");
        String oldButton = buttonOf(asked);
        slack.bot().engine().succeedCallback(SampleLeaves.callbackOf(asked),
                "{\"requestId\":\"r1\",\"outcome\":\"APPROVED\",\"by\":{\"slackUserId\":\"" + slackIdOf(ALAN) + "\"}}");
        slack.bot().settle();
        LeaveRequest askedAgain = slack.bot().leave("r1");
        assertEquals(LeaveStatus.PENDING, askedAgain.status());
        assertEquals(List.of(Notification.Kind.APPROVAL_REPLACED),
                slack.chat().updates.stream().map(u -> u.notification().kind()).toList(), "the old message lost its buttons");
        assertEquals(1, slack.chat().deliveries.stream()
                .filter(d -> d.notification().kind() == Notification.Kind.APPROVAL_REQUEST_AGAIN && GRACE.isSameAs(d.to())).count());

        slack.sendOk(slack.requests().click(slackIdOf(GRACE), DecisionButtons.APPROVE, oldButton));
        assertTrue(slack.slack().responses().get(0).path("text").asText().startsWith("These buttons no longer work"),
                slack.slack().responses().toString());
        slack.sendOk(slack.requests().click(slackIdOf(GRACE), DecisionButtons.REJECT_WITH_COMMENT, oldButton));
        assertEquals(2, slack.slack().responses().size(), "no comment form for a replaced message");
        assertEquals(LeaveStatus.PENDING, slack.settledStatus("r1"));

        assertTrue(slack.sendOk(slack.requests().click(slackIdOf(GRACE), DecisionButtons.APPROVE, buttonOf(askedAgain))).isEmpty());
        slack.bot().settle();
        assertEquals(LeaveStatus.APPROVED, slack.bot().leave("r1").status());
        assertEquals(1, outcomesToAda());
    }

    @Test
    void rejectWithCommentAsksForTheCommentAndRejectsWithIt() {
        String button = buttonOf(slack.submitted("r1"));
        assertTrue(slack.sendOk(slack.requests().click(slackIdOf(GRACE), DecisionButtons.REJECT_WITH_COMMENT, button)).isEmpty());
        JsonNode form = openedForm();
        assertEquals(RejectModal.CALLBACK_ID, form.path("callback_id").asText());
        assertTrue(form.toString().contains("Leave request from Ada Lovelace: Mon 12 Jan 2026 – Fri 16 Jan 2026"), form.toString());

        assertTrue(slack.sendOk(commentSent(form, "  Release week, sorry  ")).isEmpty(), "accepted: the form closes");
        slack.bot().settle();
        LeaveRequest leave = slack.bot().leave("r1");
        assertEquals(LeaveStatus.REJECTED, leave.status());
        assertEquals("Release week, sorry", leave.decision().comment());
        assertEquals(1, outcomesToAda());
    }

    @Test
    void theCommentIsRequiredAndBounded() {
        String button = buttonOf(slack.submitted("r1"));
        slack.sendOk(slack.requests().click(slackIdOf(GRACE), DecisionButtons.REJECT_WITH_COMMENT, button));
        JsonNode form = openedForm();

        assertEquals(Map.of("comment", "Please write a comment, or close this and use Reject to reject the request without one."),
                errors(slack.sendOk(commentSent(form, "   "))));
        assertEquals(Map.of("comment", "Your comment is 1001 characters long; please keep it to 1000 characters or fewer."),
                errors(slack.sendOk(commentSent(form, "x".repeat(1001)))));
        assertEquals(LeaveStatus.PENDING, slack.settledStatus("r1"));
    }

    @Test
    void anyoneButTheApproverIsRefusedAndNothingChanges() {
        String button = buttonOf(slack.submitted("r1"));
        assertTrue(slack.sendOk(slack.requests().click(slackIdOf(ALAN), DecisionButtons.APPROVE, button)).isEmpty());
        JsonNode refusal = slack.slack().responses().get(0);
        assertEquals("ephemeral", refusal.path("response_type").asText());
        assertFalse(refusal.path("replace_original").asBoolean(true), "the approval message stays as it is");
        assertEquals("Only the approver of this request can approve or reject it, and LeaveBot has someone else down as "
                + "its approver. Nothing was changed.", refusal.path("text").asText());

        assertEquals(LeaveStatus.PENDING, slack.settledStatus("r1"));
        assertEquals(0, outcomesToAda());
    }

    @Test
    void aSecondClickSaysWhoDecidedAndChangesNothing() {
        String button = buttonOf(slack.submitted("r1"));
        slack.sendOk(slack.requests().click(slackIdOf(GRACE), DecisionButtons.APPROVE, button));
        slack.bot().settle();
        LeaveRequest decided = slack.bot().leave("r1");

        slack.sendOk(slack.requests().click(slackIdOf(GRACE), DecisionButtons.REJECT, button));
        String text = slack.slack().responses().get(0).path("text").asText();
        assertTrue(text.startsWith("This request is no longer waiting for a decision, so it can no longer be approved or "
                + "rejected. Nothing was changed."), text);
        assertTrue(text.contains("*Status:* Approved by Grace Hopper on Mon 5 Jan 2026, 09:00 UTC"), text);
        slack.bot().settle();
        assertEquals(decided, slack.bot().leave("r1"));
        assertEquals(1, outcomesToAda());
    }

    @Test
    void aDoubleClickDecidesOnce() {
        String button = buttonOf(slack.submitted("r1"));
        slack.sendOk(slack.requests().click(slackIdOf(GRACE), DecisionButtons.APPROVE, button));
        slack.sendOk(slack.requests().click(slackIdOf(GRACE), DecisionButtons.APPROVE, button)); // the workflow may not have run yet
        List<JsonNode> responses = slack.slack().responses();
        assertEquals(1, responses.size(), "only the second click is answered");
        assertTrue(responses.get(0).path("text").asText().contains("Nothing was changed."), responses.toString());
        assertEquals(LeaveStatus.APPROVED, slack.settledStatus("r1"));
        assertEquals(1, outcomesToAda(), "one decision, one message to the employee");
    }

    @Test
    void aClickAfterExpiryChangesNothing() {
        String button = buttonOf(slack.submitted("r1"));
        slack.bot().advance(LeaveBotHarness.TIMEOUT.plus(Duration.ofSeconds(1)));
        assertEquals(LeaveStatus.EXPIRED, slack.bot().leave("r1").status());

        slack.sendOk(slack.requests().click(slackIdOf(GRACE), DecisionButtons.APPROVE, button));
        String text = slack.slack().responses().get(0).path("text").asText();
        assertTrue(text.contains("*Status:* Expired on Mon 5 Jan 2026, 09:01 UTC without a decision"), text);
        slack.sendOk(slack.requests().click(slackIdOf(GRACE), DecisionButtons.REJECT_WITH_COMMENT, button));
        assertEquals(List.of(), slack.slack().calls("views.open"), "no form for a request that no longer waits");
        assertEquals(2, slack.slack().responses().size());
        assertEquals(LeaveStatus.EXPIRED, slack.settledStatus("r1"));
    }

    @Test
    void aClickAfterTheEmployeeWithdrewChangesNothing() {
        String button = buttonOf(slack.submitted("r1"));
        slack.bot().leaves().answer("r1", Answer.cancel(ADA));
        slack.bot().settle();

        slack.sendOk(slack.requests().click(slackIdOf(GRACE), DecisionButtons.APPROVE, button));
        String text = slack.slack().responses().get(0).path("text").asText();
        assertTrue(text.contains("*Status:* Withdrawn by Ada Lovelace on Mon 5 Jan 2026, 09:00 UTC"), text);
        assertEquals(LeaveStatus.CANCELLED, slack.settledStatus("r1"));
    }

    @Test
    void aButtonThatIsNotOursChangesNothing() {
        slack.submitted("r1");
        slack.sendOk(slack.requests().click(slackIdOf(GRACE), DecisionButtons.APPROVE, "r1"));
        assertTrue(slack.slack().responses().get(0).path("text").asText().startsWith("LeaveBot cannot read this button."));
        assertEquals(LeaveStatus.PENDING, slack.settledStatus("r1"));
    }

    @Test
    void onHomeTheTabIsPublishedAgainWithWhatTheClickDid() {
        String button = buttonOf(slack.submitted("r1"));
        assertTrue(slack.sendOk(slack.requests().clickOnHome(slackIdOf(GRACE), DecisionButtons.APPROVE, button)).isEmpty());

        Map<String, String> published = slack.slack().calls("views.publish").get(0);
        assertEquals(slackIdOf(GRACE), published.get("user_id"));
        String home = SlackApi.json(published, "view").toString();
        assertTrue(home.contains("You approved Ada Lovelace's leave: Mon 12 Jan 2026 – Fri 16 Jan 2026"), home);
        assertFalse(home.contains(DecisionButtons.APPROVE), "the request just decided has no buttons any more");
        assertEquals(List.of(), slack.slack().responses(), "Home has no response_url");
        assertEquals(LeaveStatus.APPROVED, slack.settledStatus("r1"));
    }

    @Test
    void rejectWithCommentFromHomePublishesHomeOnceSent() {
        String button = buttonOf(slack.submitted("r1"));
        slack.sendOk(slack.requests().clickOnHome(slackIdOf(GRACE), DecisionButtons.REJECT_WITH_COMMENT, button));
        JsonNode form = openedForm();
        slack.sendOk(commentSent(form, "Release week"));

        String home = slack.publishedHome().toString();
        assertTrue(home.contains("You rejected Ada Lovelace's leave request"), home);
        assertEquals(LeaveStatus.REJECTED, slack.settledStatus("r1"));
    }

    private SlackRequests.Signed commentSent(JsonNode form, String comment) {
        return slack.requests().viewSubmission(slackIdOf(GRACE), "V0REJECT1", form.path("callback_id").asText(),
                form.path("private_metadata").asText(), SlackRequests.text(SlackRequests.values(), RejectModal.COMMENT, comment));
    }

    private JsonNode openedForm() {
        return SlackApi.json(slack.slack().calls("views.open").get(0), "view");
    }

    private static String buttonOf(LeaveRequest leave) {
        return new DecisionButtons.Target(leave.id(), SampleLeaves.callbackOf(leave)).encode();
    }

    private static Map<String, String> errors(JsonNode ack) {
        assertEquals("errors", ack.path("response_action").asText(), ack.toString());
        return Map.of("comment", ack.path("errors").path("comment").asText());
    }

    private long outcomesToAda() {
        return slack.chat().deliveries.stream()
                .filter(d -> d.notification().kind() == Notification.Kind.OUTCOME && ADA.isSameAs(d.to())).count();
    }
}
