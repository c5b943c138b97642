package io.leavebot.teams;

import static io.leavebot.testing.SampleLeaves.ADA;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.leavebot.notify.ChatUnavailableException;
import io.leavebot.notify.TransientFailures;
import io.leavebot.testing.TeamsApi;
import java.time.Clock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The Bot Connector's and the token endpoint's answers (WireMock), as the notification steps judge them: throttling
 * and server errors may pass and are retried; any other 4xx is a refusal that would recur, and is not.
 */
class TeamsRetriesTest {
    private final TeamsApi teams = new TeamsApi();
    private final JsonHttp http = new JsonHttp();
    private final BotConnector connector = new BotConnector(http, new ConnectorToken(teams.settings(), http, Clock.systemUTC()));
    private final ConversationRef ada = new ConversationRef(teams.serviceUrl(), TeamsApi.conversationId(ADA),
            TeamsApi.userId(ADA), null, TeamsApi.TENANT);

    @AfterEach
    void stopTeams() {
        teams.close();
    }

    @ParameterizedTest(name = "HTTP {0}")
    @ValueSource(ints = {429, 500, 502, 503})
    void throttlingAndServerErrorsAreRetried(int status) {
        teams.answerSendsWith(status);

        var failure = assertThrows(ChatUnavailableException.class, this::sendToAda);

        assertTrue(TransientFailures.mayPass(failure), failure.getMessage());
        assertTrue(failure.getMessage().contains("answered " + status), failure.getMessage());
    }

    @ParameterizedTest(name = "HTTP {0}")
    @ValueSource(ints = {400, 401, 403, 404})
    void aRefusalOfTheConnectorIsNotRetried(int status) {
        teams.answerSendsWith(status); // 403: the user blocked the bot; 404: the conversation is gone

        var failure = assertThrows(ChatUnavailableException.class, this::sendToAda);

        assertFalse(TransientFailures.mayPass(failure), failure.getMessage());
        assertEquals(1, teams.sent(ADA).size(), "tried once");
    }

    @Test
    void aWrongAppSecretIsNotRetried() {
        teams.answerTokensWith(401);

        assertFalse(TransientFailures.mayPass(assertThrows(ChatUnavailableException.class, this::sendToAda)));
        assertEquals(0, teams.sent(ADA).size());
    }

    private String sendToAda() {
        return connector.send(ada, JsonNodeFactory.instance.objectNode().put("type", "message").put("text", "hello"));
    }
}
