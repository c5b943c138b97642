package io.leavebot.slack;

import static io.leavebot.testing.SampleLeaves.GRACE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.leavebot.notify.ChatUnavailableException;
import io.leavebot.notify.Notification;
import io.leavebot.notify.Notification.Kind;
import io.leavebot.notify.TransientFailures;
import io.leavebot.testing.MemoryAddressBook;
import io.leavebot.testing.SampleLeaves;
import io.leavebot.testing.SlackApi;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Slack's outages and rate limits (WireMock) are failures the notification steps retry, and a retry gets through;
 * Slack refusing the call ({@code "ok": false} with a code that is not Slack's own trouble, or a 4xx) is not retried.
 */
class SlackRetriesTest {
    private static final Notification APPROVAL =
            new Notification(Kind.APPROVAL_REQUEST, SampleLeaves.pending(), SampleLeaves.CALLBACK_ID, 0, List.of());

    private final SlackApi slack = new SlackApi();
    private final SlackChatChannel chat = slack.chatChannel(MemoryAddressBook.withSlackIdsOf(GRACE));

    @AfterEach
    void stopSlack() {
        slack.close();
    }

    @ParameterizedTest(name = "HTTP {0}")
    @ValueSource(ints = {429, 500, 502, 503})
    void throttlingAndServerErrorsAreRetried(int status) {
        slack.answerStatus("chat.postMessage", status);

        var failure = assertThrows(ChatUnavailableException.class, () -> chat.deliver(GRACE, APPROVAL, null));

        assertTrue(TransientFailures.mayPass(failure), failure.getMessage());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"ratelimited", "service_unavailable", "internal_error", "fatal_error", "request_timeout"})
    void slacksOwnTroubleIsRetried(String error) {
        slack.answer("chat.postMessage", "{\"ok\":false,\"error\":\"" + error + "\"}");

        var failure = assertThrows(ChatUnavailableException.class, () -> chat.deliver(GRACE, APPROVAL, null));

        assertTrue(TransientFailures.mayPass(failure), failure.getMessage());
        assertTrue(failure.getMessage().contains(error), failure.getMessage());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"channel_not_found", "invalid_auth", "not_in_channel", "missing_scope", "account_inactive",
            "invalid_blocks", "msg_too_long"})
    void aRefusalIsNotRetried(String error) {
        slack.answer("chat.postMessage", "{\"ok\":false,\"error\":\"" + error + "\",\"needed\":\"chat:write\"}");

        var failure = assertThrows(ChatUnavailableException.class, () -> chat.deliver(GRACE, APPROVAL, null));

        assertFalse(TransientFailures.mayPass(failure), failure.getMessage());
        assertFalse(TransientFailures.mayPass(new RuntimeException("the approval step", failure)), "wrapped, too");
        assertTrue(failure.getMessage().contains("chat.postMessage answered " + error), failure.getMessage());
        assertEquals(1, slack.calls("chat.postMessage").size());
    }

    @ParameterizedTest(name = "HTTP {0}")
    @ValueSource(ints = {400, 401, 403, 404})
    void aClientErrorIsNotRetried(int status) {
        slack.answerStatus("conversations.open", status); // e.g. SLACK_API_URL pointing at something that is not Slack

        var failure = assertThrows(ChatUnavailableException.class, () -> chat.deliver(GRACE, APPROVAL, null));

        assertFalse(TransientFailures.mayPass(failure), failure.getMessage());
    }

    @Test
    void aDroppedConnectionIsRetried() {
        slack.dropConnections("conversations.open");

        assertTrue(TransientFailures.mayPass(assertThrows(RuntimeException.class, () -> chat.deliver(GRACE, APPROVAL, null))));
    }

    @Test
    void theRetryAfterARateLimitDelivers() {
        slack.answerStatus("chat.postMessage", 429);
        assertThrows(ChatUnavailableException.class, () -> chat.deliver(GRACE, APPROVAL, null));

        slack.answer("chat.postMessage", "{\"ok\":true,\"channel\":\"DU02GRACE\",\"ts\":\"1700000000.000200\"}");

        assertEquals("DU02GRACE/1700000000.000200", chat.deliver(GRACE, APPROVAL, null));
        assertEquals(2, slack.calls("chat.postMessage").size());
    }
}
