package io.leavebot.durable.lambda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.leavebot.durable.DurableServiceException;
import io.leavebot.durable.DurableServiceException.InvalidCheckpointTokenException;
import io.leavebot.durable.DurableServiceException.InvalidParameterException;
import io.leavebot.durable.DurableServiceException.ServiceUnavailableException;
import io.leavebot.durable.model.CheckpointResponse;
import io.leavebot.durable.model.ErrorObject;
import io.leavebot.durable.model.ExecutionState;
import io.leavebot.durable.model.Operation;
import io.leavebot.durable.model.OperationAction;
import io.leavebot.durable.model.OperationStatus;
import io.leavebot.durable.model.OperationType;
import io.leavebot.durable.model.OperationUpdate;
import io.leavebot.durable.testing.LocalLambda;
import io.leavebot.durable.testing.RecordingPorts;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@link LambdaDurableService} through our Lambda caller and the REST façade, over hand-written ports. */
class LambdaDurableServiceTest {
    static final String ARN = "arn:aws:lambda:us-east-1:000000000000:function:leave:$LATEST/durable-execution/leave-1/e1";
    static final Instant T0 = Instant.parse("2026-03-02T09:15:30.123Z");

    RecordingPorts ports;
    LocalLambda local;
    LambdaDurableService service;

    @BeforeEach
    void start() {
        ports = new RecordingPorts();
        local = LocalLambda.serving(ports, ports, ports::awaitClosed);
        service = new LambdaDurableService(local.caller());
    }

    @AfterEach
    void stop() {
        local.close();
    }

    @Test
    void checkpointCarriesUpdatesAndAnswersChangedOperations() {
        var updates = List.of(
                OperationUpdate.builder("1", OperationType.STEP, OperationAction.START).name("record-leave").subType("Step").build(),
                OperationUpdate.builder("1", OperationType.STEP, OperationAction.SUCCEED).payload("{\"id\":7}").build(),
                OperationUpdate.builder("2", OperationType.CALLBACK, OperationAction.START).name("manager-approval")
                        .callbackOptions(new OperationUpdate.CallbackOptions(86400, null)).build());
        var callback = new Operation("2", null, "manager-approval", OperationType.CALLBACK, "Callback", T0, null,
                OperationStatus.STARTED, null, null, null, null, new Operation.CallbackDetails("Y2I=", null, null));
        ports.checkpointAnswer = new CheckpointResponse("t2", new ExecutionState(List.of(callback), null));

        CheckpointResponse response = service.checkpoint(ARN, "t1", updates);

        assertEquals(List.of(ARN, "t1", updates), ports.last().args());
        assertEquals(ports.checkpointAnswer, response);
    }

    @Test
    void emptyCheckpointOnlyReadsFreshState() {
        service.checkpoint(ARN, "t1", List.of());

        assertEquals(List.of(ARN, "t1", List.of()), ports.last().args());
    }

    @Test
    void stateIsReadOnePageAtATime() {
        var step = new Operation("1", null, "record-leave", OperationType.STEP, "Step", T0, T0, OperationStatus.FAILED,
                null, null, new Operation.StepDetails(3, null, null, ErrorObject.of("Boom", "down")), null, null);
        ports.stateAnswer = new ExecutionState(List.of(step), "1");

        ExecutionState state = service.getExecutionState(ARN, "t1", null, 1);

        assertEquals(List.of(ARN, "t1", 1), List.of(ports.last().arg(0), ports.last().arg(1), ports.last().arg(3)));
        assertEquals(ports.stateAnswer, state);
    }

    @Test
    void staleTokenIsARetryableInvalidCheckpointToken() {
        ports.failure = new InvalidCheckpointTokenException("Invalid Checkpoint Token: it was already used");

        var e = assertThrows(InvalidCheckpointTokenException.class, () -> service.checkpoint(ARN, "old", List.of()));

        assertEquals("Invalid Checkpoint Token: it was already used", e.getMessage());
        assertTrue(e.isRetryable());
    }

    @Test
    void malformedUpdateIsNotRetryable() {
        ports.failure = new InvalidParameterException("Updates[0]: WaitOptions.WaitSeconds must be 1-31622400 for wait 2");

        var e = assertThrows(InvalidParameterException.class, () -> service.checkpoint(ARN, "t1", List.of()));

        assertEquals("Updates[0]: WaitOptions.WaitSeconds must be 1-31622400 for wait 2", e.getMessage());
        assertFalse(e.isRetryable());
    }

    @Test
    void throttlingAndServiceFaultsAreRetryable() {
        ports.failure = new ServiceUnavailableException("database busy", null);
        var throttled = assertThrows(ServiceUnavailableException.class, () -> service.checkpoint(ARN, "t1", List.of()));

        ports.failure = new IllegalStateException("bug");
        var fault = assertThrows(ServiceUnavailableException.class, () -> service.checkpoint(ARN, "t1", List.of()));

        assertEquals("database busy", throttled.getMessage());
        assertTrue(throttled.isRetryable() && fault.isRetryable());
    }

    @Test
    void unreachableServiceIsRetryable() throws Exception {
        int closedPort;
        try (var socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        var lambda = LocalLambda.caller(URI.create("http://127.0.0.1:" + closedPort), "AKIDNOBODY", "secret");

        var e = assertThrows(ServiceUnavailableException.class,
                () -> new LambdaDurableService(lambda).checkpoint(ARN, "t1", List.of()));

        assertTrue(e.getMessage().startsWith("could not reach the Lambda API for CheckpointDurableExecution"), e.getMessage());
    }

    @Test
    void missingRegionFailsFastNamingAwsRegion() {
        var e = assertThrows(IllegalStateException.class, () -> LambdaDurableService.callerFor(Map.of()));

        assertTrue(e.getMessage().startsWith("AWS_REGION is not set"), e.getMessage());
    }

    @Test
    void regionComesFromAwsRegion() {
        AwsHttpCaller lambda = LambdaDurableService.callerFor(Map.of("AWS_REGION", "eu-west-1")).build();

        assertEquals("eu-west-1", lambda.region());
        assertEquals(URI.create("https://lambda.eu-west-1.amazonaws.com"), lambda.endpoint());
    }

    @Test
    void everyServiceFailureIsADurableServiceException() {
        ports.failure = new DurableServiceException.ResourceNotFoundException("no durable execution has the ARN x");

        assertThrows(DurableServiceException.ResourceNotFoundException.class, () -> service.getExecutionState("x", "t", null, 0));
    }
}
