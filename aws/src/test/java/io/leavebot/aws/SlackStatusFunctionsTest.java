package io.leavebot.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.leavebot.leave.Person;
import io.leavebot.slack.TokenSeal;
import io.leavebot.store.DynamoDbLeaveStore;
import io.leavebot.testing.SecretsManagerStub;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code /leave connect} on AWS, offline: the Slack function's answer links to Slack's authorize page with a
 * redirect to the API function's URL; the API function's {@code /slack/oauth/callback} exchanges the code with
 * Slack (WireMock) and keeps the token sealed in the leave table (dynalite); {@code /leave disconnect} in the Slack
 * function revokes and deletes it.
 */
class SlackStatusFunctionsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CLIENT_SECRET = "client-secret-from-the-secret-5e1f";
    private static final String USER_TOKEN = "xoxp-ada-5555-6666-secret";
    private static final Person ADA = Person.ofEmail("ada@example.org", null);

    @RegisterExtension
    static final AwsFunctions aws = AwsFunctions.inSlack();

    private final SecretsManagerStub secrets = new SecretsManagerStub();
    private SlackFunction slack;
    private ApiFunction api;
    private DynamoDbLeaveStore table;

    @BeforeEach
    void start() {
        String secret = AwsFunctions.SECRET.substring(0, AwsFunctions.SECRET.length() - 1) + ", \"slackClientId\": \"1111.2222\", "
                + "\"slackClientSecret\": \"" + CLIENT_SECRET + "\", \"tokenKey\": \"" + TokenSeal.newKey() + "\"}";
        secrets.secret(AwsFunctions.SECRET_ARN, secret);
        AwsClients direct = aws.clients();
        var clients = new AwsClients(direct.region(), direct.credentials(), direct.dynamoDbEndpoint(), direct.sesEndpoint(),
                direct.lambdaEndpoint(), secrets.endpoint());
        slack = new SlackFunction(aws.settings(Map.of()), clients, aws.time(), aws.slackApi().config());
        api = new ApiFunction(aws.settings(Map.of()), clients, aws.time(), aws.slackApi().webApi());
        table = new DynamoDbLeaveStore(clients.dynamoDb(), aws.settings(Map.of()).leavesTable());
        aws.slackApi().answer("oauth.v2.access", "{\"ok\":true,\"app_id\":\"A0LEAVEBOT\",\"authed_user\":{\"id\":\"U01ADA\","
                + "\"scope\":\"users.profile:write\",\"access_token\":\"" + USER_TOKEN + "\",\"token_type\":\"user\"},"
                + "\"team\":{\"id\":\"T0LEAVE\",\"name\":\"LeaveBot Test\"},\"enterprise\":null,\"is_enterprise_install\":false}");
        aws.slackApi().answer("auth.revoke", "{\"ok\":true,\"revoked\":true}");
    }

    @AfterEach
    void stop() {
        secrets.close();
    }

    @Test
    void adaConnectsThroughBothFunctionsAndDisconnects() throws Exception {
        var answer = FunctionUrlEvents.invoke(slack, AwsFunctions.slackEvent(aws.slackRequests().command("U01ADA", "connect"), false));
        assertEquals(200, answer.status(), answer.body());
        URI authorize = URI.create(buttonUrl(JSON.readTree(answer.body())));
        Map<String, String> query = query(authorize);
        assertEquals("slack.com", authorize.getHost());
        assertEquals(AwsFunctions.PUBLIC_URL + "slack/oauth/callback", query.get("redirect_uri"));

        var page = FunctionUrlEvents.invoke(api, FunctionUrlEvents.event("GET", "/slack/oauth/callback?code=code-1&state="
                + URLEncoder.encode(query.get("state"), StandardCharsets.UTF_8), Map.of(), null, false));

        assertEquals(200, page.status(), page.body());
        assertTrue(page.body().contains("Connected: your status will show when you are on leave."), page.body());
        Map<String, String> exchange = aws.slackApi().calls("oauth.v2.access").get(0);
        assertEquals(AwsFunctions.PUBLIC_URL + "slack/oauth/callback", exchange.get("redirect_uri"));
        var stored = table.userTokenOf(ADA).orElseThrow();
        assertFalse(stored.sealedToken().contains(USER_TOKEN));

        var tampered = FunctionUrlEvents.invoke(api, FunctionUrlEvents.event("GET", "/slack/oauth/callback?code=code-2&state=x.y",
                Map.of(), null, false));
        assertEquals(400, tampered.status());
        assertTrue(tampered.body().contains("This link does not work"), tampered.body());

        var bye = FunctionUrlEvents.invoke(slack, AwsFunctions.slackEvent(aws.slackRequests().command("U01ADA", "disconnect"), false));
        assertTrue(bye.body().contains("Disconnected"), bye.body());
        assertTrue(table.userTokenOf(ADA).isEmpty());
        assertEquals("Bearer " + USER_TOKEN, aws.slackApi().calls("auth.revoke").get(0).get("_authorization"));
    }

    private static String buttonUrl(JsonNode ack) {
        return StreamSupport.stream(ack.path("blocks").spliterator(), false)
                .flatMap(b -> StreamSupport.stream(b.path("elements").spliterator(), false))
                .filter(e -> e.hasNonNull("url")).map(e -> e.path("url").asText()).findFirst().orElseThrow(() -> new AssertionError(ack));
    }

    private static Map<String, String> query(URI uri) {
        Map<String, String> query = new java.util.HashMap<>();
        for (String pair : uri.getRawQuery().split("&")) {
            String[] kv = pair.split("=", 2);
            query.put(kv[0], URLDecoder.decode(kv.length > 1 ? kv[1] : "", StandardCharsets.UTF_8));
        }
        return query;
    }
}
