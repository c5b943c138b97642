package io.leavebot.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.leavebot.LeaveBotNames;
import io.leavebot.aws.FunctionUrlEvents.Answer;
import io.leavebot.durable.model.ExecutionQuery;
import io.leavebot.email.DecisionLinks;
import io.leavebot.http.ApiKey;
import io.leavebot.http.ChatApp;
import io.leavebot.http.WebServer;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link ApiFunction} answers Function URL requests as the local {@link WebServer} answers the same HTTP requests:
 * both run one {@code WebApp}, here on the same table, workflow and keys. Events that are not Function URL requests
 * get a bare 400.
 */
class ApiFunctionTest {
    private static final Map<String, String> JSON = AwsFunctionsTest.AUTHORIZED;
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @RegisterExtension
    static final AwsFunctions aws = new AwsFunctions();

    static Stream<Arguments> badRequests() {
        Map<String, String> form = Map.of("content-type", "application/x-www-form-urlencoded");
        return Stream.of(
                Arguments.of("GET", "/admin", Map.of(), null, false),
                Arguments.of("POST", "/api/leaves", JSON, "{\"start_date\": ", false),
                Arguments.of("POST", "/api/leaves", JSON, "{\"start_date\": ", true),
                Arguments.of("POST", "/api/leaves", JSON, "[1, 2]", false),
                Arguments.of("POST", "/api/leaves", JSON, "{\"half_day\": \"yes\", \"type\": 3}", true),
                Arguments.of("POST", "/api/leaves", Map.of("content-type", "application/json"), AwsFunctionsTest.ADA_S_LEAVE, false),
                Arguments.of("POST", "/api/leaves", Map.of("authorization", "Bearer " + AwsFunctions.API_KEY + "x"), "{}", false),
                Arguments.of("POST", "/api/leaves", Map.of("authorization", "Bearer " + AwsFunctions.API_KEY,
                        "content-type", "text/plain"), AwsFunctionsTest.ADA_S_LEAVE, false),
                Arguments.of("POST", "/api/leaves", JSON, "{\"reason\": \"" + "x".repeat(70 * 1024) + "\"}", true),
                Arguments.of("GET", "/api/leaves", JSON, null, false),
                Arguments.of("GET", "/api/leaves/no-such-request", JSON, null, false),
                Arguments.of("POST", "/api/decisions", JSON, "{\"callback_id\": \"cb\", \"decision\": \"maybe\"}", false),
                Arguments.of("POST", "/api/decisions", JSON, "{\"callback_id\": \"no-such-callback\", \"decision\": \"approve\"}", true),
                Arguments.of("POST", "/api/decisions", Map.of(), "{\"callback_id\": \"cb\", \"decision\": \"approve\"}", false),
                Arguments.of("POST", "/api/leaves/no-such-request/decision", JSON, "{\"decision\": \"reject\"}", false),
                Arguments.of("POST", "/api/leaves/no-such-request/withdraw", JSON, null, false),
                Arguments.of("GET", "/decide?token=not-a-token", Map.of(), null, false),
                Arguments.of("GET", "/decide", Map.of(), null, false),
                Arguments.of("DELETE", "/decide", Map.of(), null, false),
                Arguments.of("POST", "/decide", form, "token=bm8.approve.1.forged&comment=ok", true));
    }

    @ParameterizedTest(name = "{0} {1} (base64: {4})")
    @MethodSource("badRequests")
    void badInputGetsTheAnswerTheLocalServerGives(String method, String pathAndQuery, Map<String, String> headers,
            String body, boolean base64) throws IOException, InterruptedException {
        Answer lambda = aws.api(method, pathAndQuery, headers, body, base64);
        HttpResponse<String> local = localAnswer(method, pathAndQuery, headers, body);

        assertEquals(local.statusCode(), lambda.status());
        assertEquals(local.body(), lambda.body());
        lambda.headers().forEach((name, value) -> assertEquals(Optional.of(value), local.headers().firstValue(name), name));
        assertEquals(local.headers().map().size() - 2, lambda.headers().size(), "the same headers, less date and length: "
                + local.headers().map().keySet() + " vs " + lambda.headers().keySet());
        assertEquals(0, aws.engine().listExecutions(AwsFunctions.WORKFLOW, ExecutionQuery.all()).executions().size());
    }

    @ParameterizedTest
    @ValueSource(strings = {"this is not JSON", "{}", "{\"rawPath\": \"/decide\"}",
            "{\"rawPath\": \"/decide\", \"requestContext\": {\"http\": {\"method\": \"POST\"}}, \"body\": \"%%\", \"isBase64Encoded\": true}"})
    void eventThatIsNotAFunctionUrlRequestGetsABare400(String event) {
        Answer answer = FunctionUrlEvents.invoke(aws.apiFunction(), event);
        assertEquals(400, answer.status());
        assertEquals("Bad Request", answer.body());
    }

    @Test
    void withoutAnApiKeyInTheSecretTheApiIsOff() throws IOException {
        String noApi = AwsFunctions.SECRET_ARN + "-no-api";
        aws.secrets().secret(noApi, "{\"decisionLinkKey\": \"" + AwsFunctions.LINK_KEY + "\"}");
        var function = new ApiFunction(aws.settings(Map.of(LeaveBotNames.SECRET_ARN_ENV, noApi)), aws.clients(), aws.time());

        Answer answer = FunctionUrlEvents.invoke(function, FunctionUrlEvents.event("POST", "/api/leaves", JSON,
                AwsFunctionsTest.ADA_S_LEAVE, false));
        assertEquals(404, answer.status());
        assertTrue(answer.body().contains("There is no page at this address"), answer::body);
    }

    @Test
    void headRequestIsAnsweredWithoutABody() throws IOException {
        var out = new ByteArrayOutputStream();
        aws.apiFunction().handleRequest(new ByteArrayInputStream(FunctionUrlEvents.event("HEAD", "/admin", Map.of(), null,
                false).getBytes(StandardCharsets.UTF_8)), out, null);
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("\"body\":\"\""), out::toString);
    }

    /** The same request to a local server on the same table, workflow and keys. */
    private HttpResponse<String> localAnswer(String method, String pathAndQuery, Map<String, String> headers, String body)
            throws IOException, InterruptedException {
        try (WebServer server = WebServer.builder(FrontEnds.leaveRequests(aws.settings(Map.of()), aws.clients(),
                FrontEnds.store(aws.settings(Map.of()), aws.clients()), aws.time()))
                .decisionLinks(new DecisionLinks(AwsFunctions.LINK_KEY, ApiFunction.LINKS_NOT_MADE_HERE))
                .apiKey(ApiKey.of(AwsFunctions.API_KEY)).clock(aws.time()).zone(ZoneOffset.UTC)
                .chatApp(ChatApp.SLACK).start()) { // the secret has a Slack bot token: the pages may point to Slack
            var request = HttpRequest.newBuilder(server.uri().resolve(pathAndQuery)).method(method,
                    body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
            headers.forEach(request::header);
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        }
    }
}
