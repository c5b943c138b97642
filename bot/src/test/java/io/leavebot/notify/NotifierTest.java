package io.leavebot.notify;

import static io.leavebot.testing.SampleLeaves.ADA;
import static io.leavebot.testing.SampleLeaves.GRACE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.leavebot.email.DecisionLinks;
import io.leavebot.email.EmailRenderer;
import io.leavebot.email.OutboxMailer;
import io.leavebot.leave.LeaveRequest;
import io.leavebot.leave.LeaveStatus;
import io.leavebot.leave.Person;
import io.leavebot.notify.SentNotification;
import io.leavebot.store.SqliteLeaveStore;
import io.leavebot.notify.Notification.Kind;
import io.leavebot.testing.MemoryAddressBook;
import io.leavebot.testing.RecordingChat;
import io.leavebot.testing.SampleLeaves;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Chat first, e-mail as the fallback, once per key: on a SQLite notification log and an outbox folder. */
class NotifierTest {
    private static final Clock CLOCK = Clock.fixed(SampleLeaves.CREATED, ZoneOffset.UTC);
    private static final LeaveRequest LEAVE = SampleLeaves.pending();
    private static final Notification RECEIPT = Notification.of(Kind.RECEIPT, LEAVE);

    @TempDir
    Path dir;
    private SqliteLeaveStore store;

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void chatComesFirstAndItsMessageIsRecorded() throws IOException {
        RecordingChat chat = new RecordingChat();

        SentNotification sent = notifier(chat).notify("leave-1/send-receipt", ADA, RECEIPT);

        assertEquals("slack", sent.channel());
        assertEquals("C0DM/1", sent.messageRef());
        assertEquals(ADA, chat.deliveries.get(0).to());
        assertEquals(0, outboxFiles());
    }

    @Test
    void whenChatFailsTheMessageGoesByEmail() throws IOException {
        SentNotification sent = notifier(new RecordingChat().down()).notify("leave-1/send-receipt", ADA, RECEIPT);

        assertEquals(Notifier.EMAIL, sent.channel());
        assertNull(sent.messageRef());
        assertEquals(1, outboxFiles());
    }

    @Test
    void someoneChatCannotReachGetsEmail() throws IOException {
        RecordingChat chat = new RecordingChat(new MemoryAddressBook()); // a Slack that knows nobody's user id
        Person emailOnly = Person.ofEmail("ada@example.org", "Ada Lovelace");

        assertEquals(Notifier.EMAIL, notifier(chat).notify("leave-1/send-receipt", emailOnly, RECEIPT).channel());
        assertTrue(chat.deliveries.isEmpty());
        assertEquals(1, outboxFiles());
    }

    @Test
    void withoutChatEverythingGoesByEmail() throws IOException {
        assertEquals(Notifier.EMAIL, emailOnly().notify("leave-1/send-receipt", ADA, RECEIPT).channel());
        assertEquals(1, outboxFiles());
    }

    @Test
    void aKeyIsDeliveredOnceAndTheFirstRecordIsReturnedAfter() {
        RecordingChat chat = new RecordingChat();
        Notifier notifier = notifier(chat);

        SentNotification first = notifier.notify("leave-1/send-receipt", ADA, RECEIPT);
        SentNotification again = notifier.notify("leave-1/send-receipt", ADA, RECEIPT);

        assertEquals(first, again);
        assertEquals(1, chat.deliveries.size());
        assertEquals(first, store.sent("leave-1/send-receipt").orElseThrow());
    }

    @Test
    void chatDownAndNoEmailAddressFailsSoTheStepRetriesAndNothingIsRecorded() {
        Person slackOnly = Person.ofChatUser("slack", "U01ADA", "Ada");

        assertThrows(ChatUnavailableException.class,
                () -> notifier(new RecordingChat().down()).notify("leave-1/send-receipt", slackOnly, RECEIPT));
        assertTrue(store.sent("leave-1/send-receipt").isEmpty());
    }

    @Test
    void someoneNoChannelCanEverReachIsRecordedAsNone() {
        Person slackOnly = Person.ofChatUser("slack", "U01ADA", "Ada");

        assertEquals(Notifier.NONE, emailOnly().notify("leave-1/send-receipt", slackOnly, RECEIPT).channel());
    }

    @Test
    void theApprovalMessageIsUpdatedInChatOnly() {
        RecordingChat chat = new RecordingChat();
        Notifier notifier = notifier(chat);
        notifier.notify("leave-1/ask-approver", GRACE, new Notification(Kind.APPROVAL_REQUEST, LEAVE, "cb-1", 0, null));
        Notification update = Notification.of(Kind.APPROVER_UPDATE, SampleLeaves.decided(LeaveStatus.APPROVED, GRACE, null));

        assertTrue(notifier.updateApprovalMessage("leave-1/ask-approver", update));
        assertEquals(new RecordingChat.Update("C0DM/1", update), chat.updates.get(0));

        Notifier byEmail = emailOnly();
        byEmail.notify("leave-2/ask-approver", GRACE, new Notification(Kind.APPROVAL_REQUEST, LEAVE, "cb-2", 0, null));
        assertFalse(byEmail.updateApprovalMessage("leave-2/ask-approver", update));
        assertFalse(notifier(new RecordingChat().down()).updateApprovalMessage("leave-1/ask-approver", update));
    }

    @Test
    void aFollowUpOfAChatMessageIsAReplyInItsThread() {
        RecordingChat chat = new RecordingChat();
        Notifier notifier = notifier(chat);
        notifier.notify("leave-1/ask-approver", GRACE, new Notification(Kind.APPROVAL_REQUEST, LEAVE, "cb-1", 0, null));

        notifier.followUp("leave-1/reminder-1", "leave-1/ask-approver", GRACE, reminder());

        assertEquals("C0DM/1", chat.deliveries.get(1).replyTo());
        assertNull(chat.deliveries.get(0).replyTo());
    }

    @Test
    void aFollowUpOfAnEmailIsAMessageOfItsOwn() throws IOException {
        emailOnly().notify("leave-1/ask-approver", GRACE, new Notification(Kind.APPROVAL_REQUEST, LEAVE, "cb-1", 0, null));
        RecordingChat chat = new RecordingChat();

        SentNotification sent = notifier(chat).followUp("leave-1/reminder-1", "leave-1/ask-approver", GRACE, reminder());

        assertEquals("slack", sent.channel());
        assertNull(chat.deliveries.get(0).replyTo());
        assertEquals(1, outboxFiles(), "only the approval request went by e-mail");
    }

    @Test
    void theFirstChatChannelThatReachesThePersonCarriesTheMessage() {
        RecordingChat slack = new RecordingChat("slack", person -> false);
        RecordingChat teams = new RecordingChat("teams", person -> true);

        SentNotification sent = notifier(List.of(slack, teams)).notify("leave-1/send-receipt", ADA, RECEIPT);

        assertEquals("teams", sent.channel());
        assertEquals("teams/1", sent.messageRef());
        assertTrue(slack.deliveries.isEmpty());
    }

    @Test
    void whenOneChatChannelFailsTheNextOneThatReachesThePersonIsTried() throws IOException {
        RecordingChat teams = new RecordingChat("teams", person -> true);

        SentNotification sent = notifier(List.of(new RecordingChat().down(), teams)).notify("leave-1/send-receipt", ADA, RECEIPT);

        assertEquals("teams", sent.channel());
        assertEquals(0, outboxFiles());
    }

    @Test
    void theApprovalMessageIsUpdatedByTheChannelThatCarriedIt() {
        RecordingChat slack = new RecordingChat("slack", person -> person.isSameAs(ADA));
        RecordingChat teams = new RecordingChat("teams", person -> person.isSameAs(GRACE));
        Notifier notifier = notifier(List.of(slack, teams));
        notifier.notify("leave-1/ask-approver", GRACE, new Notification(Kind.APPROVAL_REQUEST, LEAVE, "cb-1", 0, null));
        notifier.followUp("leave-1/reminder-1", "leave-1/ask-approver", GRACE, reminder());
        Notification update = Notification.of(Kind.APPROVER_UPDATE, SampleLeaves.decided(LeaveStatus.APPROVED, GRACE, null));

        assertTrue(notifier.updateApprovalMessage("leave-1/ask-approver", update));

        assertEquals(List.of(new RecordingChat.Update("teams/1", update)), teams.updates);
        assertEquals("teams/1", teams.deliveries.get(1).replyTo());
        assertTrue(slack.updates.isEmpty());
    }

    @Test
    void aFollowUpByAnotherChannelIsAMessageOfItsOwn() {
        RecordingChat slack = new RecordingChat();
        notifier(slack).notify("leave-1/ask-approver", GRACE, new Notification(Kind.APPROVAL_REQUEST, LEAVE, "cb-1", 0, null));
        RecordingChat teams = new RecordingChat("teams", person -> true);

        notifier(List.of(teams)).followUp("leave-1/reminder-1", "leave-1/ask-approver", GRACE, reminder());

        assertNull(teams.deliveries.get(0).replyTo(), "a Slack message is nothing to reply to in Teams");
    }

    @Test
    void twoChatChannelsMayNotShareAName() {
        assertThrows(IllegalArgumentException.class, () -> notifier(List.of(new RecordingChat(), new RecordingChat())));
    }

    @Test
    void atLeastOneChannelMustBeConfigured() {
        store = new SqliteLeaveStore(dir.resolve("leaves.db"));
        assertThrows(IllegalArgumentException.class, () -> new Notifier(store, List.of(), null, null, CLOCK));
    }

    private static Notification reminder() {
        return new Notification(Kind.REMINDER, LEAVE, "cb-1", 1, null);
    }

    private Notifier notifier(RecordingChat chat) {
        return notifier(List.of(chat));
    }

    private Notifier emailOnly() {
        return notifier(List.of());
    }

    private Notifier notifier(List<ChatChannel> chats) {
        if (store == null) {
            store = new SqliteLeaveStore(dir.resolve("leaves.db"));
        }
        var links = new DecisionLinks("a-test-secret-that-is-long-enough-for-hmac", "http://127.0.0.1:3000/decide");
        var emails = new EmailRenderer(new NotificationTexts(ZoneOffset.UTC), links, "LeaveBot <leavebot@example.org>",
                Duration.ofDays(3));
        return new Notifier(store, chats, new OutboxMailer(dir.resolve("outbox")), emails, CLOCK);
    }

    private long outboxFiles() throws IOException {
        try (Stream<Path> files = Files.list(dir.resolve("outbox"))) {
            return files.filter(f -> f.toString().endsWith(".eml")).count();
        }
    }
}
