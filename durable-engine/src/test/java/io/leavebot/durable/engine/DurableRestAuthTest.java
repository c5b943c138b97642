package io.leavebot.durable.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.leavebot.durable.execution.WireJson;
import io.leavebot.durable.model.ExecutionQuery;
import io.leavebot.durable.model.ExecutionStatus;
import io.leavebot.durable.testing.EngineHarness;
import io.leavebot.durable.testing.FunctionHandler;
import io.leavebot.durable.testing.LocalLambda;
import io.leavebot.durable.testing.SignedRequests;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.LambdaException;

/**
 * Only requests signed (SigV4) with the façade's key reach the engine. Everything else is refused with Lambda's
 * 403 answers, which the real SDK turns into a {@link LambdaException} with Lambda's error code, and changes
 * nothing: the approval the attacker tried to give stays pending.
 */
class DurableRestAuthTest {
    static final String LEAVE = "leave";
    static final String APPROVAL = "manager-approval";
    static final String BAD_SIGNATURE = "The request signature we calculated does not match the signature you provided. "
            + "Check your AWS Secret Access Key and signing method. Consult the service documentation for details.";

    @RegisterExtension
    final EngineHarness engine = new EngineHarness();
    LocalLambda local;
    String arn;
    String callbackId;

    @BeforeEach
    void startALeaveWaitingForApproval() {
        engine.register(LEAVE, FunctionHandler.of(String.class,
                (employee, ctx) -> "approved: " + ctx.createCallback(APPROVAL, String.class).get()));
        arn = engine.start(LEAVE, "leave-1", "\"ann\"");
        callbackId = engine.callbackId(arn, APPROVAL);
        local = LocalLambda.serving(engine.engine()); // the engine's test clock is in January 2026; signatures are not
    }

    @AfterEach
    void stop() {
        local.close();
    }

    @Test
    void theSdkSigningWithTheKeyListsReadsAndApproves() {
        LambdaClient lambda = local.lambda();

        var listed = lambda.listDurableExecutionsByFunction(r -> r.functionName(LEAVE));
        var history = lambda.getDurableExecutionHistory(r -> r.durableExecutionArn(arn));
        lambda.sendDurableExecutionCallbackSuccess(r -> r.callbackId(callbackId).result(SdkBytes.fromUtf8String("\"yes\"")));

        assertEquals(arn, listed.durableExecutions().get(0).durableExecutionArn());
        assertTrue(history.events().stream().anyMatch(e -> e.eventTypeAsString().equals("CallbackStarted")));
        assertEquals("\"approved: yes\"", engine.awaitClosed(arn).result());
    }

    @Test
    void aWrongSecretIsAnInvalidSignature() {
        var refused = approveWith(LocalLambda.CREDENTIALS.accessKeyId(), "not-the-secret-0123456789");

        assertEquals("InvalidSignatureException", refused.awsErrorDetails().errorCode());
        assertEquals(BAD_SIGNATURE, refused.awsErrorDetails().errorMessage());
        assertStillPending();
    }

    @Test
    void anUnknownKeyIdIsAnUnrecognizedClient() {
        var refused = approveWith("AKIDSOMEONEELSE", LocalLambda.CREDENTIALS.secretAccessKey());

        assertEquals("UnrecognizedClientException", refused.awsErrorDetails().errorCode());
        assertEquals("The security token included in the request is invalid.", refused.awsErrorDetails().errorMessage());
        assertStillPending();
    }

    @Test
    void aBodyOtherThanTheSignedOneIsRefused() {
        var sent = local.signed().send("POST", succeedUri(), "\"heartbeat only\"", Clock.systemUTC(), "\"yes\"",
                UnaryOperator.identity());

        assertRefused(sent, "InvalidSignatureException");
        assertStillPending();
    }

    @ParameterizedTest
    @CsvSource({"-16, Signature expired: ", "16, Signature not yet current: "})
    void aSignatureMoreThan15MinutesFromNowIsRefused(int minutes, String message) {
        var sent = signedMinutesAway(minutes);

        assertRefused(sent, "InvalidSignatureException");
        assertTrue(field(sent, "message").startsWith(message), sent.body());
        assertStillPending();
    }

    @ParameterizedTest
    @ValueSource(ints = {-14, 14})
    void aSignatureWithin15MinutesOfNowIsAccepted(int minutes) {
        assertEquals(200, signedMinutesAway(minutes).statusCode());
        assertEquals("\"approved: yes\"", engine.awaitClosed(arn).result());
    }

    @Test
    void anUnsignedRequestIsMissingAuthentication() throws Exception {
        var sent = HttpClient.newHttpClient().send(HttpRequest.newBuilder(succeedUri())
                .POST(HttpRequest.BodyPublishers.ofString("\"yes\"")).build(), HttpResponse.BodyHandlers.ofString());

        assertRefused(sent, "MissingAuthenticationTokenException");
        assertEquals("{\"Type\":\"User\",\"message\":\"Missing Authentication Token\"}", sent.body());
        assertStillPending();
    }

    @Test
    void aSignatureThatLeavesTheHostUnsignedIsIncomplete() {
        var sent = local.signed().send("POST", succeedUri(), "\"yes\"", Clock.systemUTC(), "\"yes\"",
                authorization -> authorization.replace(";host;", ";").replace("=host;", "="));

        assertRefused(sent, "IncompleteSignatureException");
        assertStillPending();
    }

    @ParameterizedTest
    @CsvSource({
            "GET, /2025-12-01/functions/leave/durable-executions",
            "GET, /2025-12-01/durable-executions/{arn}",
            "GET, /2025-12-01/durable-executions/{arn}/state?CheckpointToken=t",
            "GET, /2025-12-01/durable-executions/{arn}/history",
            "POST, /2025-12-01/durable-executions/{arn}/checkpoint",
            "POST, /2025-12-01/durable-executions/{arn}/stop",
            "POST, /2025-12-01/durable-execution-callbacks/{callback}/fail",
            "POST, /2025-12-01/durable-execution-callbacks/{callback}/heartbeat",
            "POST, /2015-03-31/functions/leave/invocations",
            "GET, /2025-12-01/no-such-route"})
    void everyRouteRefusesAWrongSignature(String method, String path) {
        var wrongKey = new SignedRequests(
                new DurableCredentials(LocalLambda.CREDENTIALS.accessKeyId(), "not-the-secret-0123456789"));
        URI uri = URI.create(local.uri() + path.replace("{arn}", encoded(arn)).replace("{callback}", encoded(callbackId)));

        var sent = wrongKey.send(method, uri, method.equals("POST") ? "{}" : null);

        assertRefused(sent, "InvalidSignatureException");
        assertStillPending();
        assertEquals(1, engine.engine().listExecutions(LEAVE, ExecutionQuery.all()).executions().size());
    }

    private LambdaException approveWith(String accessKeyId, String secret) {
        try (var stranger = LocalLambda.client(local.uri(), accessKeyId, secret)) {
            var refused = assertThrows(LambdaException.class, () -> stranger.sendDurableExecutionCallbackSuccess(
                    r -> r.callbackId(callbackId).result(SdkBytes.fromUtf8String("\"yes\""))));
            assertEquals(403, refused.statusCode());
            return refused;
        }
    }

    private HttpResponse<String> signedMinutesAway(int minutes) {
        Clock away = Clock.offset(Clock.systemUTC(), Duration.ofMinutes(minutes));
        return local.signed().send("POST", succeedUri(), "\"yes\"", away, "\"yes\"", UnaryOperator.identity());
    }

    private URI succeedUri() {
        return URI.create(local.uri() + "/2025-12-01/durable-execution-callbacks/" + encoded(callbackId) + "/succeed");
    }

    private static String encoded(String segment) {
        return URLEncoder.encode(segment, StandardCharsets.UTF_8);
    }

    private static void assertRefused(HttpResponse<String> sent, String errorType) {
        assertEquals(403, sent.statusCode(), sent.body());
        assertEquals(errorType, sent.headers().firstValue("x-amzn-ErrorType").orElseThrow(), sent.body());
        assertEquals("User", field(sent, "Type"));
    }

    private static String field(HttpResponse<String> sent, String name) {
        try {
            return WireJson.REST.readTree(sent.body()).get(name).asText();
        } catch (IOException e) {
            throw new AssertionError("the answer is not JSON: " + sent.body(), e);
        }
    }

    private void assertStillPending() {
        engine.runUntilIdle();
        assertEquals(ExecutionStatus.RUNNING, engine.status(arn));
        assertFalse(engine.history(arn).contains("CallbackSucceeded"), engine.history(arn).toString());
        assertFalse(engine.history(arn).contains("CallbackFailed"), engine.history(arn).toString());
    }
}
