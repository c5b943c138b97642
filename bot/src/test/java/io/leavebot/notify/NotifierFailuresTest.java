package io.leavebot.notify;

import static io.leavebot.testing.SampleLeaves.ADA;
import static io.leavebot.testing.SampleLeaves.GRACE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.leavebot.email.DecisionLinks;
import io.leavebot.email.EmailRenderer;
import io.leavebot.email.MailException;
import io.leavebot.email.Mailer;
import io.leavebot.leave.LeaveStatus;
import io.leavebot.leave.Person;
import io.leavebot.notify.Notification.Kind;
import io.leavebot.store.SqliteLeaveStore;
import io.leavebot.testing.CapturedLogs;
import io.leavebot.testing.RecordingChat;
import io.leavebot.testing.SampleLeaves;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the notifier throws when no channel delivered, so that the step retries what may pass and only that: a bug
 * in a channel is never what decides, while a channel that may come back is.
 */
class NotifierFailuresTest {
    private static final Clock CLOCK = Clock.fixed(SampleLeaves.CREATED, ZoneOffset.UTC);
    private static final Notification RECEIPT = Notification.of(Kind.RECEIPT, SampleLeaves.pending());
    private static final MailException REFUSED = new MailException("SES refused the message: MessageRejected", null, false);
    private static final MailException UNREACHABLE = new MailException("SMTP server down", null, true);

    @RegisterExtension
    final CapturedLogs logs = new CapturedLogs();
    @TempDir
    Path dir;
    private SqliteLeaveStore store;

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void aChatBugForSomeoneWithoutEmailFailsTheStepAtOnceAndIsLoggedWithItsStack() {
        Person slackOnly = Person.ofChatUser("slack", "U01ADA", "Ada");

        var failure = assertThrows(IllegalStateException.class,
                () -> notifier(new RecordingChat().broken(), null).notify("leave-1/send-receipt", slackOnly, RECEIPT));

        assertFalse(TransientFailures.mayPass(failure));
        assertSame(failure, logs.failures().get(0));
        assertTrue(store.sent("leave-1/send-receipt").isEmpty());
    }

    @Test
    void chatDownAndMailRefusedForGoodRetriesForChatAndLogsTheMailFailure() {
        var failure = assertThrows(ChatUnavailableException.class,
                () -> notifier(new RecordingChat().down(), failing(REFUSED)).notify("leave-1/send-receipt", ADA, RECEIPT));

        assertTrue(TransientFailures.mayPass(failure), "chat may come back: the step tries again");
        assertTrue(logs.failures().contains(REFUSED), logs.lines().toString());
        assertTrue(store.sent("leave-1/send-receipt").isEmpty());
    }

    @Test
    void aChatBugAndMailRefusedForGoodFailTheStepAtOnce() {
        var failure = assertThrows(MailException.class,
                () -> notifier(new RecordingChat().broken(), failing(REFUSED)).notify("leave-1/send-receipt", ADA, RECEIPT));

        assertFalse(TransientFailures.mayPass(failure));
        assertInstanceOf(IllegalStateException.class, failure.getSuppressed()[0], "the chat bug travels with it");
    }

    @Test
    void aChatBugAndMailThatMayPassRetryForMail() {
        var failure = assertThrows(MailException.class,
                () -> notifier(new RecordingChat().broken(), failing(UNREACHABLE)).notify("leave-1/send-receipt", ADA, RECEIPT));

        assertTrue(TransientFailures.mayPass(failure));
    }

    @Test
    void aBugWhileUpdatingTheApprovalMessageIsLoggedWithItsStackAndNotThrown() {
        notifier(new RecordingChat(), null).notify("leave-1/ask-approver", GRACE,
                new Notification(Kind.APPROVAL_REQUEST, SampleLeaves.pending(), "cb-1", 0, null));
        Notification update = Notification.of(Kind.APPROVER_UPDATE, SampleLeaves.decided(LeaveStatus.APPROVED, GRACE, null));

        assertFalse(notifier(new RecordingChat().broken(), null).updateApprovalMessage("leave-1/ask-approver", update));

        assertEquals(1, logs.failures().stream().filter(IllegalStateException.class::isInstance).count());
    }

    private static Mailer failing(MailException failure) {
        return email -> {
            throw failure;
        };
    }

    /** @param mailer null for chat only */
    private Notifier notifier(RecordingChat chat, Mailer mailer) {
        if (store == null) {
            store = new SqliteLeaveStore(dir.resolve("leaves.db"));
        }
        var links = new DecisionLinks("a-test-secret-that-is-long-enough-for-hmac", "http://127.0.0.1:3000/decide");
        var emails = mailer == null ? null : new EmailRenderer(new NotificationTexts(ZoneOffset.UTC), links,
                "LeaveBot <leavebot@example.org>", Duration.ofDays(3));
        return new Notifier(store, List.of(chat), mailer, emails, CLOCK);
    }
}
