package io.leavebot.slack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.slack.api.Slack;
import com.slack.api.methods.SlackApiException;
import io.leavebot.testing.SlackApi;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The Slack SDK, as {@link SlackSettings#sdk} builds it, sends its calls over PlainHttp and sees Slack's answers whole. */
class PlainHttpCallsTest {
    private final SlackApi slackApi = new SlackApi();
    private final Slack slack = slackApi.slack();

    @AfterEach
    void stop() {
        slackApi.close();
    }

    @Test
    void an_sdk_call_goes_out_with_its_token_and_form_and_its_answer_is_parsed() throws Exception {
        slackApi.answer("chat.postMessage", "{\"ok\":true,\"channel\":\"D0ADA\",\"ts\":\"1733220000.000100\"}");

        var answer = slack.methods(SlackApi.BOT_TOKEN).chatPostMessage(r -> r.channel("D0ADA").text("Your leave is approved"));

        assertTrue(answer.isOk());
        assertEquals("1733220000.000100", answer.getTs());
        Map<String, String> call = slackApi.calls("chat.postMessage").get(0);
        assertEquals("D0ADA", call.get("channel"));
        assertEquals("Your leave is approved", call.get("text"));
    }

    @Test
    void a_rate_limit_reaches_the_sdk_with_its_status_and_retry_after() {
        slackApi.answerStatus("views.open", 429);

        var limited = assertThrows(SlackApiException.class,
                () -> slack.methods(SlackApi.BOT_TOKEN).viewsOpen(r -> r.triggerId("1.2.abc").viewAsString("{}")));

        assertEquals(429, limited.getResponse().code());
        assertEquals("30", limited.getResponse().header("Retry-After"));
        assertEquals("ratelimited", limited.getError().getError());
    }

    @Test
    void a_dropped_connection_is_the_io_failure_the_sdk_handles() {
        slackApi.dropConnections("chat.postMessage");

        assertThrows(IOException.class,
                () -> slack.methods(SlackApi.BOT_TOKEN).chatPostMessage(r -> r.channel("D0ADA").text("x")));
        assertEquals(1, slackApi.calls("chat.postMessage").size(), "sent once: no retry behind the caller's back");
    }

    @Test
    void the_client_sets_up_no_tls_of_its_own() {
        var client = PlainHttpCalls.client(Duration.ofSeconds(1), Duration.ofSeconds(1));
        // OkHttp builds a TLS socket factory (reading the JDK's trust store) only for a client that may speak TLS
        assertThrows(IllegalStateException.class, client::sslSocketFactory);
        assertTrue(slack.getHttpClient().getOkHttpClient().interceptors().stream().anyMatch(PlainHttpCalls.class::isInstance));
    }
}
