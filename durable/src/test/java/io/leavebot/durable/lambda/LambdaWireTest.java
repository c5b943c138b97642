package io.leavebot.durable.lambda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.leavebot.durable.DurableServiceException;
import io.leavebot.durable.execution.WireJson;
import io.leavebot.durable.model.DurableExecution;
import io.leavebot.durable.model.ErrorObject;
import io.leavebot.durable.model.Event;
import io.leavebot.durable.model.ExecutionState;
import io.leavebot.durable.model.ExecutionStatus;
import io.leavebot.durable.model.Operation;
import io.leavebot.durable.model.OperationStatus;
import io.leavebot.durable.model.OperationType;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@link LambdaWire}: the API's JSON read back into our records exactly as they were written. */
class LambdaWireTest {
    static final Instant T0 = Instant.parse("2026-03-02T09:15:30.123Z");
    static final Instant T1 = Instant.parse("2026-03-02T09:16:00.456Z");
    static final ErrorObject ERROR = new ErrorObject("java.lang.IllegalStateException", "no manager", "{\"code\":7}",
            List.of("a.B|run|B.java|12", "a.C|call|C.java|34"));

    @Test
    void eventsOfEveryShapeRoundTrip() {
        List<Event> events = List.of(
                event(1, "ExecutionStarted", details("Input", payload("{\"days\":3}"), "ExecutionTimeout", 3600)),
                event(2, "StepStarted", details()),
                event(3, "StepSucceeded", details("Result", payload("42"), "RetryDetails", details("CurrentAttempt", 1))),
                event(4, "StepFailed", details("Error", error(ERROR),
                        "RetryDetails", details("CurrentAttempt", 2, "NextAttemptDelaySeconds", 5))),
                event(5, "CallbackStarted", details("CallbackId", "abc=", "Timeout", 3600, "HeartbeatTimeout", 0)),
                event(6, "CallbackTimedOut", details("Error", error(ErrorObject.of("Callback.Timeout", "late")))),
                event(7, "InvocationCompleted", details("StartTimestamp", T0, "EndTimestamp", T1, "RequestId", "r-1")),
                event(8, "WaitStarted", details("Duration", 60, "ScheduledEndTimestamp", T1)),
                event(9, "ExecutionStopped", details("Error", error(ErrorObject.of("Stopped", "by the admin")))));

        for (Event event : events) {
            assertEquals(event, LambdaWire.event(WireJson.REST.valueToTree(event)), event.eventType());
        }
    }

    @Test
    void operationsOfEveryKindRoundTrip() throws Exception {
        var base = new Operation("op", null, "manager-approval", OperationType.CALLBACK, "Callback", T0, T1,
                OperationStatus.SUCCEEDED, null, null, null, null, null);
        var state = new ExecutionState(List.of(
                base.withCallbackDetails(new Operation.CallbackDetails("Q2FsbGJhY2s+/w==", "\"yes\"", null)),
                base.withStepDetails(new Operation.StepDetails(2, T1, null, ERROR)).withStatus(OperationStatus.PENDING, null),
                base.withWaitDetails(new Operation.WaitDetails(T1)),
                base.withContextDetails(new Operation.ContextDetails(true, "\"big\"", null)),
                base.withChainedInvokeDetails(new Operation.ChainedInvokeDetails(null, ERROR)),
                new Operation("exec", null, null, OperationType.EXECUTION, null, T0, null, OperationStatus.STARTED,
                        new Operation.ExecutionDetails("{\"days\":3}"), null, null, null, null)), "m1");

        assertEquals(state, WireJson.REST.readValue(WireJson.REST.writeValueAsBytes(state), ExecutionState.class));
    }

    @Test
    void executionsNameTheirFunctionByArn() {
        var execution = new DurableExecution("arn:aws:lambda:us-east-1:000000000000:function:leave:$LATEST/durable-execution/"
                + "leave-1/abc", "leave-1", "leave", ExecutionStatus.FAILED, "{}", null, ERROR, T0, T1);
        ObjectNode wire = WireJson.REST.valueToTree(execution);
        wire.remove("FunctionName");
        wire.put("FunctionArn", "arn:aws:lambda:us-east-1:000000000000:function:leave:$LATEST");
        wire.put("Version", "$LATEST");

        assertEquals(execution, LambdaWire.execution(wire));
    }

    @Test
    void functionArnIsReadAsTheFunctionName() {
        assertEquals("leave", LambdaWire.functionNameOf("arn:aws:lambda:eu-west-1:123456789012:function:leave:live"));
        assertEquals("leave", LambdaWire.functionNameOf("arn:aws:lambda:eu-west-1:123456789012:function:leave"));
        assertEquals("leave", LambdaWire.functionNameOf("leave"));
    }

    @Test
    void unknownEnumValueFromTheServiceIsNamedAndNotRetried() throws Exception {
        JsonNode wire = WireJson.REST.readTree("{\"DurableExecutionArn\":\"a\",\"Status\":\"TELEPORTED\"}");

        var e = assertThrows(DurableServiceException.class, () -> LambdaWire.execution(wire));

        assertTrue(e.getMessage().contains("TELEPORTED"), e.getMessage());
        assertTrue(e.getMessage().endsWith("upgrade LeaveBot's durable module"), e.getMessage());
        assertFalse(e.isRetryable());
    }

    private static Event event(long id, String type, Map<String, Object> details) {
        return new Event(id, T0, type, "op-" + id, "step-" + id, null, "Step", details);
    }

    static Map<String, Object> payload(String payload) {
        return details("Payload", payload, "Truncated", false);
    }

    static Map<String, Object> error(ErrorObject error) {
        return details("Payload", error, "Truncated", false);
    }

    static Map<String, Object> details(Object... keysAndValues) {
        var map = new LinkedHashMap<String, Object>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }
}
