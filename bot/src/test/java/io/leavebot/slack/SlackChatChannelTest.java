package io.leavebot.slack;

import static io.leavebot.testing.SampleLeaves.ADA;
import static io.leavebot.testing.SampleLeaves.GRACE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.leavebot.leave.LeaveStatus;
import io.leavebot.leave.Person;
import io.leavebot.notify.ChatUnavailableException;
import io.leavebot.notify.Notification;
import io.leavebot.notify.Notification.Kind;
import io.leavebot.testing.BlockKitJson;
import io.leavebot.testing.MemoryAddressBook;
import io.leavebot.testing.SampleLeaves;
import io.leavebot.testing.SlackApi;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** DMs, thread replies and updates as the Slack Web API (WireMock) receives them, and every way Slack can fail. */
class SlackChatChannelTest {
    private static final Person ALAN_BY_EMAIL = Person.ofEmail("alan@example.org", "Alan Turing");
    private static final Notification RECEIPT = Notification.of(Kind.RECEIPT, SampleLeaves.pending());
    private static final Notification APPROVAL =
            new Notification(Kind.APPROVAL_REQUEST, SampleLeaves.pending(), SampleLeaves.CALLBACK_ID, 0, List.of());
    private static final Notification REMINDER =
            new Notification(Kind.REMINDER, SampleLeaves.pending(), SampleLeaves.CALLBACK_ID, 1, List.of());

    private final SlackApi slack = new SlackApi().member("U03ALAN", "alan@example.org", "Alan Turing");
    /** Ada's and Grace's Slack user ids are in the address book; Alan is found by e-mail. */
    private final SlackChatChannel chat = slack.chatChannel(MemoryAddressBook.withSlackIdsOf(ADA, GRACE));

    @AfterEach
    void stopSlack() {
        slack.close();
    }

    @Test
    void aMessageGoesToTheDmOpenedWithTheUserIdWithBlocksTextAndTheBotToken() {
        String ref = chat.deliver(ADA, RECEIPT, null);

        assertEquals("U01ADA", slack.calls("conversations.open").get(0).get("users"));
        Map<String, String> posted = slack.calls("chat.postMessage").get(0);
        assertEquals("DU01ADA", posted.get("channel"));
        assertEquals("Bearer " + SlackApi.BOT_TOKEN, posted.get("_authorization"));
        assertTrue(posted.get("text").startsWith("Leave request received: Mon 12 Jan 2026"), posted.get("text"));
        assertEquals("header", SlackApi.json(posted, "blocks").get(0).path("type").asText());
        assertNull(posted.get("thread_ts"));
        assertEquals("DU01ADA/" + slack.answers("chat.postMessage").get(0).path("ts").asText(), ref);
    }

    @Test
    void theDmWithSomeoneIsOpenedOnceForAllTheirMessages() {
        chat.deliver(ADA, RECEIPT, null);
        chat.deliver(ADA, RECEIPT, null);

        assertEquals(1, slack.calls("conversations.open").size());
        assertEquals(List.of("DU01ADA", "DU01ADA"), slack.calls("chat.postMessage").stream().map(c -> c.get("channel")).toList());
    }

    @Test
    void someoneKnownOnlyByEmailIsLookedUpOnceAndReachedByTheirUserId() {
        assertTrue(chat.canReach(ALAN_BY_EMAIL));
        chat.deliver(ALAN_BY_EMAIL, RECEIPT, null);

        assertEquals(1, slack.calls("users.lookupByEmail").size());
        assertEquals("alan@example.org", slack.calls("users.lookupByEmail").get(0).get("email"));
        assertEquals("U03ALAN", slack.calls("conversations.open").get(0).get("users"));
    }

    @Test
    void someoneSlackDoesNotKnowCannotBeReached() {
        assertFalse(chat.canReach(Person.ofEmail("nobody@example.org", "Nobody")));
        assertTrue(slack.calls("conversations.open").isEmpty());
    }

    @Test
    void whenSlackCannotSayWhoSomeoneIsTheDeliveryIsTriedAndFailsWithTheReason() {
        slack.answerStatus("users.lookupByEmail", 503);

        assertTrue(chat.canReach(ALAN_BY_EMAIL), "let the delivery fail, so the reason is logged before the e-mail");
        var failure = assertThrows(ChatUnavailableException.class, () -> chat.deliver(ALAN_BY_EMAIL, RECEIPT, null));
        assertEquals("Slack users.lookupByEmail answered HTTP 503", failure.getMessage());
    }

    @Test
    void aReminderIsPostedInTheThreadOfTheApprovalRequestWithButtonsAgain() {
        String approval = chat.deliver(GRACE, APPROVAL, null);

        chat.deliver(GRACE, REMINDER, approval);

        Map<String, String> reminder = slack.calls("chat.postMessage").get(1);
        assertEquals("DU02GRACE", reminder.get("channel"));
        assertEquals(slack.answers("chat.postMessage").get(0).path("ts").asText(), reminder.get("thread_ts"));
        assertTrue(reminder.get("text").startsWith("Reminder: "), reminder.get("text"));
        assertEquals(SampleLeaves.CALLBACK_ID, BlockKitJson.buttonTargets(SlackApi.json(reminder, "blocks")).get(0).callbackId());
    }

    @Test
    void aReplyToAMessageInSomeoneElsesDmIsPostedOnItsOwnInTheReadersDm() {
        String toAda = chat.deliver(ADA, RECEIPT, null);

        chat.deliver(GRACE, REMINDER, toAda);

        Map<String, String> reminder = slack.calls("chat.postMessage").get(1);
        assertEquals("DU02GRACE", reminder.get("channel"));
        assertNull(reminder.get("thread_ts"));
    }

    @Test
    void anUpdateReplacesTheApprovalRequestWithTheOutcomeAndNoButtons() {
        String approval = chat.deliver(GRACE, APPROVAL, null);

        chat.update(approval, Notification.of(Kind.APPROVER_UPDATE, SampleLeaves.decided(LeaveStatus.APPROVED, GRACE, null)));

        Map<String, String> update = slack.calls("chat.update").get(0);
        assertEquals(approval, update.get("channel") + "/" + update.get("ts"));
        assertEquals("Bearer " + SlackApi.BOT_TOKEN, update.get("_authorization"));
        JsonNode blocks = SlackApi.json(update, "blocks");
        assertEquals("You approved Ada Lovelace's leave: Mon 12 Jan 2026 – Fri 16 Jan 2026", blocks.get(0).path("text").path("text").asText());
        assertEquals(List.of(), BlockKitJson.ofType(blocks, "actions"));
        assertTrue(update.get("text").startsWith("You approved"), update.get("text"));
    }

    static Stream<Arguments> slackFailures() {
        return Stream.of(
                failure("chat.postMessage", s -> s.answer("chat.postMessage", error("channel_not_found")),
                        "Slack chat.postMessage answered channel_not_found"),
                failure("conversations.open", s -> s.answer("conversations.open", error("invalid_auth")),
                        "Slack conversations.open answered invalid_auth (check the bot token"),
                failure("conversations.open", s -> s.answer("conversations.open", error("not_authed")),
                        "Slack conversations.open answered not_authed (check the bot token"),
                failure("chat.postMessage", s -> s.answer("chat.postMessage", error("account_inactive")),
                        "Slack chat.postMessage answered account_inactive (check the bot token"),
                failure("conversations.open", s -> s.answer("conversations.open",
                        "{\"ok\":false,\"error\":\"missing_scope\",\"needed\":\"im:write\",\"provided\":\"chat:write\"}"),
                        "Slack conversations.open answered missing_scope (the app needs the scope im:write;"),
                failure("chat.postMessage", s -> s.answerStatus("chat.postMessage", 500),
                        "Slack chat.postMessage answered HTTP 500"),
                failure("chat.postMessage", s -> s.answerStatus("chat.postMessage", 429),
                        "Slack chat.postMessage answered HTTP 429 (rate limited; retry after 30 s)"),
                failure("conversations.open", s -> s.dropConnections("conversations.open"),
                        "Slack conversations.open could not be reached: "));
    }

    @ParameterizedTest(name = "{0}: {2}")
    @MethodSource("slackFailures")
    void everyWaySlackFailsIsAChatUnavailableExceptionThatSaysWhyWithoutTheToken(String method, Consumer<SlackApi> breakSlack,
            String expected) {
        breakSlack.accept(slack);

        var failure = assertThrows(ChatUnavailableException.class, () -> chat.deliver(GRACE, APPROVAL, null));

        assertTrue(failure.getMessage().startsWith(expected), failure.getMessage());
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            assertFalse(String.valueOf(cause).contains(SlackApi.BOT_TOKEN), "the token shows in " + cause);
        }
    }

    @Test
    void anUpdateSlackRefusesOrOfAMessageThatIsNotOursFails() {
        String approval = chat.deliver(GRACE, APPROVAL, null);
        slack.answer("chat.update", error("message_not_found"));
        Notification update = Notification.of(Kind.APPROVER_UPDATE, SampleLeaves.expired());

        assertEquals("Slack chat.update answered message_not_found",
                assertThrows(ChatUnavailableException.class, () -> chat.update(approval, update)).getMessage());
        assertThrows(ChatUnavailableException.class, () -> chat.update("not-a-slack-message", update));
    }

    private static Arguments failure(String method, Consumer<SlackApi> breakSlack, String expected) {
        return Arguments.of(method, breakSlack, expected);
    }

    private static String error(String code) {
        return "{\"ok\":false,\"error\":\"" + code + "\"}";
    }
}
