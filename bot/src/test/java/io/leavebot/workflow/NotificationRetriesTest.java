package io.leavebot.workflow;

import static io.leavebot.testing.LeaveBotHarness.ADA;
import static io.leavebot.testing.LeaveBotHarness.GRACE;
import static io.leavebot.testing.LeaveBotHarness.submission;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.leavebot.durable.model.Event;
import io.leavebot.durable.model.ExecutionStatus;
import io.leavebot.email.MailException;
import io.leavebot.leave.LeaveStatus;
import io.leavebot.notify.ChatUnavailableException;
import io.leavebot.testing.CapturedLogs;
import io.leavebot.testing.LeaveBotHarness;
import io.leavebot.testing.RecordingChat;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The notification steps retry only what may pass: a bug in a chat channel is tried once, logged with its stack,
 * and the message goes by e-mail while the request goes on; an outage, throttling or an unreachable server is
 * retried.
 */
class NotificationRetriesTest {
    private final RecordingChat chat = new RecordingChat().broken();

    @RegisterExtension
    final LeaveBotHarness bot = new LeaveBotHarness(chat);
    @RegisterExtension
    final CapturedLogs logs = new CapturedLogs();

    @Test
    void aBugInTheChatChannelIsTriedOnceLoggedWithItsStackAndTheMessageArrivesByEmail() {
        bot.leaves().submit(submission("r1"));
        bot.settle();

        assertEquals(1, bot.mailTo(ADA, "Leave request received").size());
        assertEquals(1, bot.mailTo(GRACE, "Leave request from Ada Lovelace").size());
        assertEquals(2, chat.attempts.get(), "the receipt and the approval request, each tried once in chat");
        assertTrue(bot.history("r1").stream().map(Event::eventType).noneMatch("StepFailed"::equals),
                "no step failed, so none was retried");
        Throwable logged = logs.failures().stream().filter(IllegalStateException.class::isInstance).findFirst().orElseThrow();
        assertTrue(Arrays.stream(logged.getStackTrace()).anyMatch(f -> f.getClassName().equals(RecordingChat.class.getName())),
                "the stack down to the failing channel is logged");
        assertTrue(logs.lines().stream().anyMatch(l -> l.startsWith("SEVERE io.leavebot.notify.Notifier") && l.contains("a bug")),
                logs.lines().toString());

        bot.leaves().answer("r1", Answer.approve(GRACE, null));
        bot.settle();

        assertEquals(LeaveStatus.APPROVED, bot.leave("r1").status());
        assertEquals(1, bot.mailTo(ADA, "Your leave is approved").size());
        assertEquals(ExecutionStatus.RUNNING, bot.execution("r1").status(), "the approved leave's watch goes on");
    }

    @Test
    void onlyFailuresThatMayPassAreRetried() {
        assertTrue(retried(new ChatUnavailableException("Slack chat.postMessage answered HTTP 503")));
        assertTrue(retried(new MailException("SMTP server down", new ConnectException("Connection refused"), true)));
        assertTrue(retried(new UncheckedIOException(new java.net.SocketTimeoutException("Read timed out"))));

        assertFalse(retried(new NullPointerException()));
        assertFalse(retried(new IllegalStateException("a bug")));
        assertFalse(retried(new MailException("SES refused the message: MessageRejected", null, false)));
        assertFalse(retried(new ChatUnavailableException("Slack chat.postMessage answered channel_not_found", null, false)));
    }

    @Test
    void theChatStatusStepsDecideTheSameWay() {
        IllegalStateException bug = new IllegalStateException("a bug");
        assertFalse(LeaveWorkflow.CHAT_STATUS.retryStrategy().decide(bug, 1).shouldRetry());
        assertTrue(LeaveWorkflow.CHAT_STATUS.retryStrategy().decide(new ChatUnavailableException("down"), 1).shouldRetry());
    }

    /** Whether a notification step that failed this way at its first attempt would try again. */
    private static boolean retried(RuntimeException failure) {
        return LeaveWorkflow.NOTIFY.retryStrategy().decide(failure, 1).shouldRetry();
    }
}
