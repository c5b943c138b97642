package io.leavebot.slack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.leavebot.notify.ChatUnavailableException;
import io.leavebot.notify.TransientFailures;
import io.leavebot.testing.SlackApi;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** LeaveBot's own Web API client against the WireMock Slack: each method's request and answer, and each way to fail. */
class SlackWebApiTest {
    private final SlackApi slack = new SlackApi().member("U01ADA", "ada@example.org", "Ada Lovelace");
    private final SlackWebApi bot = slack.botApi();

    @AfterEach
    void stopSlack() {
        slack.close();
    }

    @Test
    void postMessageSendsTheFormWithTheBotTokenAndReturnsWhereTheMessageIs() {
        var blocks = List.of(BlockKit.header("Leave request"), BlockKit.section(BlockKit.markdownText("*Dates* & <more>")));

        var posted = bot.postMessage("DU01ADA", "1700000000.000100", "Leave request", blocks);

        Map<String, String> sent = slack.calls("chat.postMessage").get(0);
        assertEquals(Map.of("channel", "DU01ADA", "thread_ts", "1700000000.000100", "text", "Leave request", "link_names", "0",
                "mrkdwn", "1", "unfurl_links", "0", "unfurl_media", "0", "reply_broadcast", "0",
                "_authorization", "Bearer " + SlackApi.BOT_TOKEN), without(sent, "blocks"));
        assertEquals(BlockKit.array(blocks), SlackApi.json(sent, "blocks"));
        assertEquals("DU01ADA", posted.path("channel").asText());
        assertEquals(slack.answers("chat.postMessage").get(0).path("ts").asText(), posted.path("ts").asText());
    }

    @Test
    void everyCharacterOfTheFormArrivesAsWritten() {
        String text = "Ünïcödé ✈️ 😀 a+b=c&d%e f/g?h#i~j'k\"l\n\t*-._ 100% \u00a0€ 日本";

        bot.postMessage("DU01ADA", null, text, List.of(BlockKit.section(BlockKit.markdownText(text))));

        Map<String, String> sent = slack.calls("chat.postMessage").get(0);
        assertEquals(text, sent.get("text"));
        assertEquals(BlockKit.array(List.of(BlockKit.section(BlockKit.markdownText(text)))), SlackApi.json(sent, "blocks"));
    }

    @Test
    void aSurrogateWithoutItsOtherHalfArrivesAsAQuestionMarkAsTheSdkSentIt() {
        bot.postMessage("DU01ADA", null, "a\uD83D b \uDE00c \uD83D", null);

        assertEquals("a? b ?c ?", slack.calls("chat.postMessage").get(0).get("text")); // what getBytes(UTF_8) makes of them
    }

    @Test
    void updateConversationsOpenAndTheUserMethodsSendWhatSlackExpects() {
        bot.update("DU01ADA", "1700000000.000100", "Approved", List.of(BlockKit.header("Approved")));
        assertEquals("DU01ADA", bot.openDirectMessage("U01ADA"));
        assertEquals("ada@example.org", bot.userInfo("U01ADA").path("profile").path("email").asText());
        assertEquals("U01ADA", bot.userByEmail("ada@example.org").path("id").asText());

        assertEquals(Map.of("ts", "1700000000.000100", "channel", "DU01ADA", "text", "Approved", "link_names", "0",
                "_authorization", "Bearer " + SlackApi.BOT_TOKEN), without(slack.calls("chat.update").get(0), "blocks"));
        assertEquals(Map.of("return_im", "0", "users", "U01ADA"), without(slack.calls("conversations.open").get(0), "_authorization"));
        assertEquals(Map.of("user", "U01ADA", "include_locale", "0"), without(slack.calls("users.info").get(0), "_authorization"));
        assertEquals(Map.of("email", "ada@example.org"), without(slack.calls("users.lookupByEmail").get(0), "_authorization"));
    }

    @Test
    void aPersonsOwnTokenReadsAndSetsTheirProfileAndIsRevoked() {
        slack.answer("users.profile.get", "{\"ok\":true,\"profile\":{\"status_text\":\"On leave\",\"status_emoji\":\":palm_tree:\"}}");
        slack.answer("users.profile.set", "{\"ok\":true,\"profile\":{}}");
        slack.answer("auth.revoke", "{\"ok\":true,\"revoked\":true}");
        var ada = slack.webApi().withToken("xoxp-ada");

        assertEquals("On leave", ada.ownProfile().path("status_text").asText());
        ada.setOwnProfile(JsonNodeFactory.instance.objectNode().put("status_text", "").put("status_emoji", ""));
        ada.revoke();

        assertEquals(Map.of("include_labels", "0", "_authorization", "Bearer xoxp-ada"), slack.calls("users.profile.get").get(0));
        assertEquals("{\"status_text\":\"\",\"status_emoji\":\"\"}", slack.calls("users.profile.set").get(0).get("profile"));
        assertEquals(Map.of("test", "0", "_authorization", "Bearer xoxp-ada"), slack.calls("auth.revoke").get(0));
    }

    @Test
    void theOauthExchangeAuthenticatesTheAppWithBasicAndNoToken() {
        slack.answer("oauth.v2.access", "{\"ok\":true,\"authed_user\":{\"id\":\"U01ADA\",\"access_token\":\"xoxp-new\"}}");

        var access = slack.webApi().oauthV2Access("1111.2222", "client-secret", "code-1", "https://leavebot.example/cb");

        assertEquals("xoxp-new", access.path("authed_user").path("access_token").asText());
        assertEquals(Map.of("code", "code-1", "redirect_uri", "https://leavebot.example/cb",
                "_authorization", "Basic MTExMS4yMjIyOmNsaWVudC1zZWNyZXQ="), slack.calls("oauth.v2.access").get(0));
    }

    @Test
    void okFalseIsRefusedWithSlacksErrorAndTheOperatorsHint() {
        slack.answer("chat.postMessage", "{\"ok\":false,\"error\":\"missing_scope\",\"needed\":\"chat:write\"}");

        var refused = assertThrows(SlackCalls.Refused.class, () -> bot.postMessage("DU01ADA", null, "hi", List.of()));

        assertEquals("missing_scope", refused.error());
        assertEquals("Slack chat.postMessage answered missing_scope (the app needs the scope chat:write; add it to the "
                + "manifest and reinstall)", refused.getMessage());
        assertEquals("user_not_found", assertThrows(SlackCalls.Refused.class, () -> bot.userInfo("U0NOBODY")).error());
    }

    @Test
    void aRateLimitSaysWhenToComeBackAndIsTransient() {
        slack.answerStatus("chat.update", 429);

        var limited = assertThrows(ChatUnavailableException.class, () -> bot.update("D1", "1.2", "x", List.of()));

        assertEquals("Slack chat.update answered HTTP 429 (rate limited; retry after 30 s)", limited.getMessage());
        assertTrue(TransientFailures.mayPass(limited));
    }

    @Test
    void aServerErrorADroppedConnectionAndASlowAnswerAreChatUnavailable() {
        slack.answerStatus("users.info", 503);
        assertEquals("Slack users.info answered HTTP 503", assertThrows(ChatUnavailableException.class,
                () -> bot.userInfo("U01ADA")).getMessage());

        slack.dropConnections("conversations.open");
        var dropped = assertThrows(ChatUnavailableException.class, () -> bot.openDirectMessage("U01ADA"));
        assertTrue(dropped.getMessage().startsWith("Slack conversations.open could not be reached: "), dropped.getMessage());

        slack.answerAfter("users.lookupByEmail", 2_000);
        var slow = assertThrows(ChatUnavailableException.class,
                () -> bot.withTimeout(Duration.ofMillis(200)).userByEmail("ada@example.org"));
        assertEquals("Slack users.lookupByEmail could not be reached: no answer within 200 ms", slow.getMessage());
        assertTrue(TransientFailures.mayPass(slow));
    }

    @Test
    void anAnswerThatIsNotAJsonObjectIsChatUnavailableWithoutItsBody() {
        slack.answer("chat.postMessage", "<html>Slack is down for maintenance, ada@example.org</html>");
        slack.answer("chat.update", "[\"ok\"]");

        var html = assertThrows(ChatUnavailableException.class, () -> bot.postMessage("D1", null, "x", List.of()));
        assertTrue(html.getMessage().startsWith("Slack chat.postMessage answered HTTP 200 with something that is not a JSON object ("),
                html.getMessage());
        assertFalse(html.getMessage().contains("ada@"));
        assertThrows(ChatUnavailableException.class, () -> bot.update("D1", "1.2", "x", List.of()));
    }

    @Test
    void theTokenIsNeverInAMessageAndACallWithoutOneOrABadUrlIsRefusedClearly() {
        slack.answerStatus("chat.postMessage", 500);
        var failed = assertThrows(ChatUnavailableException.class, () -> bot.postMessage("D1", null, "x", List.of()));
        assertFalse(failed.getMessage().contains(SlackApi.BOT_TOKEN));

        assertEquals("Slack users.info needs a token: use withToken(…)",
                assertThrows(IllegalStateException.class, () -> slack.webApi().userInfo("U01ADA")).getMessage());
        assertEquals("Slack's Web API URL must be http(s)://host/…, like https://slack.com/api/; it is slack.com/api",
                assertThrows(IllegalArgumentException.class, () -> SlackWebApi.at("slack.com/api")).getMessage());
        assertEquals(SlackWebApi.SLACK_COM, SlackWebApi.slackCom().endpoint());
        assertEquals(slack.baseUrl() + "/api/", SlackWebApi.at(slack.baseUrl() + "/api").endpoint());
    }

    private static Map<String, String> without(Map<String, String> fields, String name) {
        var rest = new java.util.LinkedHashMap<>(fields);
        rest.remove(name);
        return rest;
    }
}
