package io.leavebot.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.slack.api.methods.SlackApiException;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The Slack stand-in itself answers like Slack, so tests built on it mean something. */
class SlackApiTest {
    @Test
    void answersTheMethodsLeaveBotCallsInSlacksShapes() throws Exception {
        try (SlackApi api = new SlackApi().member("U0ADA", "ada@example.com", "Ada Lovelace")) {
            var methods = api.slack().methods(SlackApi.BOT_TOKEN);
            assertEquals(SlackApi.BOT_USER, methods.authTest(r -> r).getUserId());
            var dm = methods.conversationsOpen(r -> r.users(java.util.List.of("U0ADA")));
            assertEquals("DU0ADA", dm.getChannel().getId());
            var posted = methods.chatPostMessage(r -> r.channel("DU0ADA").text("hello"));
            assertTrue(posted.isOk());
            assertEquals("DU0ADA", posted.getChannel());
            assertTrue(posted.getTs().matches("\\d+\\.\\d{6}"), posted.getTs());
            assertEquals(posted.getTs(), methods.chatUpdate(r -> r.channel("DU0ADA").ts(posted.getTs()).text("bye")).getTs());
            assertEquals("ada@example.com", methods.usersInfo(r -> r.user("U0ADA")).getUser().getProfile().getEmail());
            assertEquals("U0ADA", methods.usersLookupByEmail(r -> r.email("ada@example.com")).getUser().getId());
            var unknown = methods.usersLookupByEmail(r -> r.email("nobody@example.com"));
            assertFalse(unknown.isOk());
            assertEquals("users_not_found", unknown.getError());
            assertEquals("hello", api.calls("chat.postMessage").get(0).get("text"));
            assertEquals("Bearer " + SlackApi.BOT_TOKEN, api.calls("chat.postMessage").get(0).get("_authorization"));
        }
    }

    @Test
    void keepsItsAnswersInOrderAndFailsAsSlackDoesWhenTold() throws Exception {
        try (SlackApi api = new SlackApi()) {
            var methods = api.slack().methods(SlackApi.BOT_TOKEN);
            String first = methods.chatPostMessage(r -> r.channel("D1").text("one")).getTs();
            String second = methods.chatPostMessage(r -> r.channel("D1").text("two")).getTs();
            assertEquals(List.of(first, second), api.answers("chat.postMessage").stream().map(a -> a.get("ts").asText()).toList());

            api.answerStatus("chat.update", 429);
            var limited = assertThrows(SlackApiException.class, () -> methods.chatUpdate(r -> r.channel("D1").ts(first).text("x")));
            assertEquals(429, limited.getResponse().code());
            assertEquals("30", limited.getResponse().header("Retry-After"));
            api.answerStatus("chat.update", 503);
            assertEquals(503, assertThrows(SlackApiException.class,
                    () -> methods.chatUpdate(r -> r.channel("D1").ts(first).text("x"))).getResponse().code());
            api.dropConnections("chat.update");
            assertThrows(IOException.class, () -> methods.chatUpdate(r -> r.channel("D1").ts(first).text("x")));
        }
    }
}
