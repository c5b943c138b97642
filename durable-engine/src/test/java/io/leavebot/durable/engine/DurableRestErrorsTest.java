package io.leavebot.durable.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.leavebot.durable.DurableServiceException;
import io.leavebot.durable.execution.WireJson;
import io.leavebot.durable.testing.LocalLambda;
import io.leavebot.durable.testing.RecordingPorts;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.services.lambda.model.CallbackTimeoutException;
import software.amazon.awssdk.services.lambda.model.DurableExecutionAlreadyStartedException;
import software.amazon.awssdk.services.lambda.model.InvalidParameterValueException;
import software.amazon.awssdk.services.lambda.model.LambdaException;
import software.amazon.awssdk.services.lambda.model.ResourceNotFoundException;
import software.amazon.awssdk.services.lambda.model.ServiceException;
import software.amazon.awssdk.services.lambda.model.TooManyRequestsException;

/** Error answers: Lambda's status, code header and body, as the SDK parses them; never internals. */
class DurableRestErrorsTest {
    static final String CHECKPOINT = "/2025-12-01/durable-executions/arn%3Aaws%3Alambda%3Aus-east-1%3A000000000000%3A"
            + "function%3Aleave%3A%24LATEST%2Fdurable-execution%2Fleave-1%2Fe1/checkpoint";

    RecordingPorts ports;
    LocalLambda local;

    @BeforeEach
    void start() {
        ports = new RecordingPorts();
        local = LocalLambda.serving(ports, ports, ports::awaitClosed);
    }

    @AfterEach
    void stop() {
        local.close();
    }

    static Stream<Arguments> portFailures() {
        return Stream.of(
                Arguments.of(new DurableServiceException.InvalidParameterException("MaxItems must be 0-1000"),
                        InvalidParameterValueException.class, 400, "MaxItems must be 0-1000"),
                Arguments.of(new DurableServiceException.InvalidCheckpointTokenException("it was already used"),
                        InvalidParameterValueException.class, 400, "Invalid Checkpoint Token: it was already used"),
                Arguments.of(new DurableServiceException.ResourceNotFoundException("no durable execution has the ARN x"),
                        ResourceNotFoundException.class, 404, "no durable execution has the ARN x"),
                Arguments.of(new DurableServiceException.CallbackClosedException("callback already succeeded"),
                        CallbackTimeoutException.class, 400, "callback already succeeded"),
                Arguments.of(new DurableServiceException.ExecutionAlreadyStartedException("leave-1 runs with other input"),
                        DurableExecutionAlreadyStartedException.class, 409, "leave-1 runs with other input"),
                Arguments.of(new DurableServiceException.ServiceUnavailableException("database busy", null),
                        TooManyRequestsException.class, 429, "database busy"),
                Arguments.of(new IllegalArgumentException("execution name must be 1-64 letters"),
                        InvalidParameterValueException.class, 400, "execution name must be 1-64 letters"));
    }

    @ParameterizedTest
    @MethodSource("portFailures")
    void portFailuresBecomeTheMatchingSdkException(RuntimeException failure, Class<? extends LambdaException> sdkType,
            int status, String message) {
        ports.failure = failure;

        var e = assertThrows(LambdaException.class, () -> local.lambda().getDurableExecution(r -> r.durableExecutionArn("x")));

        assertInstanceOf(sdkType, e);
        assertEquals(status, e.statusCode());
        assertEquals(message, e.awsErrorDetails().errorMessage());
    }

    @Test
    void unexpectedFailureIsAServiceExceptionWithoutInternals() {
        ports.failure = new IllegalStateException("boom at row 7 of table operations");

        var e = assertThrows(ServiceException.class, () -> local.lambda().getDurableExecution(r -> r.durableExecutionArn("x")));

        assertEquals(500, e.statusCode());
        String message = e.awsErrorDetails().errorMessage();
        assertTrue(message.startsWith("the embedded durable service failed unexpectedly"), message);
        assertFalse(message.contains("boom") || message.contains("IllegalStateException"), message);
    }

    @Test
    void malformedJsonIsA400InLambdasErrorShape() throws Exception {
        HttpResponse<String> response = post(CHECKPOINT, "{\"CheckpointToken\": \"t1\", \"Updates\": [");

        assertEquals(400, response.statusCode());
        assertEquals("InvalidParameterValueException", response.headers().firstValue("X-Amzn-ErrorType").orElseThrow());
        JsonNode body = WireJson.REST.readTree(response.body());
        assertEquals("User", body.get("Type").asText());
        assertTrue(body.get("message").asText().startsWith("the CheckpointDurableExecution request body is not valid: "
                + "malformed JSON at line 1"), body.toString());
    }

    @Test
    void unknownEnumValueNamesTheMemberAndTheChoices() throws Exception {
        HttpResponse<String> response = post(CHECKPOINT,
                "{\"CheckpointToken\":\"t1\",\"Updates\":[{\"Id\":\"1\",\"Type\":\"TELEPORT\",\"Action\":\"START\"}]}");

        String message = WireJson.REST.readTree(response.body()).get("message").asText();
        assertEquals("the CheckpointDurableExecution request body is not valid: 'TELEPORT' is not a valid Updates[0].Type;"
                + " expected one of [EXECUTION, CONTEXT, STEP, WAIT, CALLBACK, CHAINED_INVOKE]", message);
    }

    @Test
    void missingCheckpointTokenIsNamed() throws Exception {
        HttpResponse<String> response = post(CHECKPOINT, "{\"Updates\":[]}");

        assertEquals(400, response.statusCode());
        assertEquals("CheckpointToken is required", WireJson.REST.readTree(response.body()).get("message").asText());
    }

    @Test
    void unknownRouteAndWrongMethodAreNamed() throws Exception {
        HttpResponse<String> unknown = post("/2025-12-01/nothing-here", "");
        HttpResponse<String> wrongMethod = post("/2025-12-01/durable-executions/arn%3Ax/state", "");

        assertEquals(404, unknown.statusCode());
        assertEquals("UnknownOperationException", unknown.headers().firstValue("X-Amzn-ErrorType").orElseThrow());
        assertEquals(405, wrongMethod.statusCode());
        assertTrue(wrongMethod.body().contains("GetDurableExecutionState is called with GET, not POST"), wrongMethod.body());
    }

    @Test
    void badQueryValuesAreNamed() throws Exception {
        var response = local.signed().send("GET", URI.create(local.uri()
                + "/2025-12-01/durable-executions/arn%3Ax/history?MaxItems=5000"), null);

        assertEquals(400, response.statusCode());
        assertTrue(response.body().contains("MaxItems must be an integer from 0 to 1000, but was '5000'"), response.body());
    }

    private HttpResponse<String> post(String path, String body) {
        return local.signed().send("POST", URI.create(local.uri() + path), body);
    }
}
