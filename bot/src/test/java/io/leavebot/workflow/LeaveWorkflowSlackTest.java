package io.leavebot.workflow;

import io.leavebot.testing.SampleLeaves;
import static io.leavebot.testing.LeaveBotHarness.ADA;
import static io.leavebot.testing.LeaveBotHarness.GRACE;
import static io.leavebot.testing.LeaveBotHarness.submission;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.leavebot.durable.model.Event;
import io.leavebot.leave.LeaveStatus;
import io.leavebot.notify.ChatUnavailableException;
import io.leavebot.slack.DecisionButtons.Target;
import io.leavebot.testing.BlockKitJson;
import io.leavebot.testing.CapturedLogs;
import io.leavebot.testing.LeaveBotHarness;
import io.leavebot.testing.SlackApi;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The real workflow on the embedded engine, telling people through the real Slack channel, with Slack's Web API
 * served by WireMock: DMs, buttons that resolve this execution's callback, reminders in the approval message's
 * thread, the approval message updated after the decision, and e-mail whenever Slack fails.
 */
class LeaveWorkflowSlackTest {
    /** Reminders fall due 50 s and 90 s into the harness's 100 s approval timeout. */
    private static final Duration FIRST_REMINDER = Duration.ofSeconds(50);
    private static final Duration SECOND_REMINDER = Duration.ofSeconds(40);

    private final SlackApi slack = new SlackApi();

    @RegisterExtension
    final LeaveBotHarness bot = new LeaveBotHarness(slack.chatChannel());
    @RegisterExtension
    final CapturedLogs logs = new CapturedLogs();

    @AfterEach
    void stopSlack() {
        slack.close();
    }

    @Test
    void theEmployeeGetsAReceiptAndTheApproverButtonsThatResolveThisExecutionsCallback() {
        bot.leaves().submit(submission("r1"));
        bot.settle();

        assertEquals(List.of("U01ADA", "U02GRACE"), slack.calls("conversations.open").stream().map(c -> c.get("users")).toList());
        Map<String, String> receipt = post(0);
        assertEquals("DU01ADA", receipt.get("channel"));
        assertTrue(receipt.get("text").startsWith("Leave request received: "), receipt.get("text"));
        assertEquals(List.of(), BlockKitJson.buttonTargets(SlackApi.json(receipt, "blocks")));
        Map<String, String> approval = post(1);
        assertEquals("DU02GRACE", approval.get("channel"));
        Target clicked = BlockKitJson.buttonTargets(SlackApi.json(approval, "blocks")).get(0);
        assertEquals(new Target("r1", SampleLeaves.callbackOf(bot.leave("r1"))), clicked);
        assertTrue(bot.mail().isEmpty());
    }

    @Test
    void remindersAreRepliesInTheApprovalMessagesThread() {
        bot.leaves().submit(submission("r1"));
        bot.settle();

        bot.advance(FIRST_REMINDER);
        bot.advance(SECOND_REMINDER);

        String approvalTs = slack.answers("chat.postMessage").get(1).path("ts").asText();
        for (Map<String, String> reminder : List.of(post(2), post(3))) {
            assertEquals("DU02GRACE", reminder.get("channel"));
            assertEquals(approvalTs, reminder.get("thread_ts"));
            assertTrue(reminder.get("text").startsWith("Reminder: "), reminder.get("text"));
            assertEquals(SampleLeaves.callbackOf(bot.leave("r1")), BlockKitJson.buttonTargets(SlackApi.json(reminder, "blocks")).get(0).callbackId());
        }
        assertEquals(4, slack.calls("chat.postMessage").size());
    }

    @Test
    void afterTheApprovalTheApprovalMessageLosesItsButtonsAndTheEmployeeIsToldOnce() {
        bot.leaves().submit(submission("r1"));
        bot.settle();

        bot.leaves().answer("r1", Answer.approve(GRACE, null));
        bot.settle();

        assertEquals(LeaveStatus.APPROVED, bot.leave("r1").status());
        Map<String, String> update = slack.calls("chat.update").get(0);
        assertEquals("DU02GRACE", update.get("channel"));
        assertEquals(slack.answers("chat.postMessage").get(1).path("ts").asText(), update.get("ts"));
        JsonNode blocks = SlackApi.json(update, "blocks");
        assertEquals(List.of(), BlockKitJson.ofType(blocks, "actions"));
        assertTrue(update.get("text").startsWith("You approved Ada Lovelace's leave: "), update.get("text"));
        assertEquals(3, slack.calls("chat.postMessage").size(), "receipt, approval request, outcome");
        Map<String, String> outcome = post(2);
        assertEquals("DU01ADA", outcome.get("channel"));
        assertTrue(outcome.get("text").startsWith("Your leave is approved: "), outcome.get("text"));
    }

    @Test
    void whenSlackFailsTheSameNotificationsGoByEmail() {
        slack.answer("conversations.open", "{\"ok\":false,\"error\":\"invalid_auth\"}");
        bot.leaves().submit(submission("r1"));
        bot.settle();

        bot.advance(FIRST_REMINDER);
        bot.leaves().answer("r1", Answer.approve(GRACE, null));
        bot.settle();

        assertEquals(1, bot.mailTo(ADA, "Leave request received: ").size());
        assertEquals(1, bot.mailTo(GRACE, "Leave request from Ada Lovelace: ").size());
        assertEquals(1, bot.mailTo(GRACE, "Reminder: ").size());
        assertEquals(1, bot.mailTo(ADA, "Your leave is approved: ").size());
        assertEquals(1, bot.mailTo(GRACE, "You approved ").size());
        assertEquals(5, bot.mail().size());
        assertEquals(List.of(), slack.calls("chat.postMessage"));
        assertEquals(List.of(), slack.calls("chat.update"));
    }

    @Test
    void aReminderSlackCannotTakeGoesByEmailAndTheApprovalMessageIsStillUpdated() {
        bot.leaves().submit(submission("r1"));
        bot.settle();

        slack.answerStatus("chat.postMessage", 500);
        bot.advance(FIRST_REMINDER);
        bot.leaves().answer("r1", Answer.approve(GRACE, null));
        bot.settle();

        assertEquals(1, bot.mailTo(GRACE, "Reminder: ").size());
        assertEquals(1, bot.mailTo(ADA, "Your leave is approved: ").size());
        assertEquals(2, bot.mail().size());
        assertEquals(1, slack.calls("chat.update").size());
    }

    @Test
    void aSlackRefusalIsTriedOnceLoggedWithItsStackAndTheMessagesArriveByEmail() {
        slack.answer("chat.postMessage", "{\"ok\":false,\"error\":\"not_in_channel\"}");

        bot.leaves().submit(submission("r1"));
        bot.settle();

        assertEquals(1, bot.mailTo(ADA, "Leave request received").size());
        assertEquals(1, bot.mailTo(GRACE, "Leave request from Ada Lovelace").size());
        assertEquals(2, slack.calls("chat.postMessage").size(), "the receipt and the approval request, each tried once");
        assertTrue(bot.history("r1").stream().map(Event::eventType).noneMatch("StepFailed"::equals), "no step retried");
        Throwable logged = logs.failures().stream().filter(ChatUnavailableException.class::isInstance).findFirst().orElseThrow();
        assertTrue(logged.getMessage().contains("chat.postMessage answered not_in_channel"), logged.getMessage());
        assertTrue(logs.lines().stream().anyMatch(l -> l.startsWith("SEVERE io.leavebot.notify.Notifier")
                && l.contains("not_in_channel") && l.contains("would not help")), logs.lines().toString());
    }

    @Test
    void aSlackOutageIsLoggedAsAWarningWithoutAStack() {
        slack.answer("chat.postMessage", "{\"ok\":false,\"error\":\"service_unavailable\"}");

        bot.leaves().submit(submission("r1"));
        bot.settle();

        assertEquals(1, bot.mailTo(GRACE, "Leave request from Ada Lovelace").size());
        assertTrue(logs.lines().stream().anyMatch(l -> l.startsWith("WARNING io.leavebot.notify.Notifier")
                && l.contains("service_unavailable")), logs.lines().toString());
        assertTrue(logs.failures().stream().noneMatch(ChatUnavailableException.class::isInstance), logs.failures().toString());
    }

    private Map<String, String> post(int index) {
        return slack.calls("chat.postMessage").get(index);
    }
}
