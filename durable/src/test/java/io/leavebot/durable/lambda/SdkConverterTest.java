package io.leavebot.durable.lambda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.leavebot.durable.model.DurableExecution;
import io.leavebot.durable.model.ErrorObject;
import io.leavebot.durable.model.Event;
import io.leavebot.durable.model.ExecutionStatus;
import io.leavebot.durable.model.Operation;
import io.leavebot.durable.model.OperationAction;
import io.leavebot.durable.model.OperationStatus;
import io.leavebot.durable.model.OperationType;
import io.leavebot.durable.model.OperationUpdate;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SdkConverterTest {
    static final Instant T0 = Instant.parse("2026-03-02T09:15:30.123Z");
    static final Instant T1 = Instant.parse("2026-03-02T09:16:00.456Z");
    static final ErrorObject ERROR = new ErrorObject("java.lang.IllegalStateException", "no manager", "{\"code\":7}",
            List.of("a.B|run|B.java|12", "a.C|call|C.java|34"));

    @Test
    void operationUpdateWithEveryMemberRoundTrips() {
        var update = new OperationUpdate("step-1", "ctx-1", "record-leave", OperationType.STEP, "Step",
                OperationAction.RETRY, "{\"n\":1}", ERROR, new OperationUpdate.StepOptions(5),
                new OperationUpdate.WaitOptions(60), new OperationUpdate.CallbackOptions(3600, 600),
                new OperationUpdate.ContextOptions(true));

        var sdk = SdkConverter.toSdk(update);

        assertEquals("RETRY", sdk.actionAsString());
        assertEquals(600, sdk.callbackOptions().heartbeatTimeoutSeconds());
        assertEquals(update, SdkConverter.fromSdk(sdk));
    }

    @Test
    void chainedInvokeStartAndOutcomeRoundTrip() {
        var start = OperationUpdate.builder("9", OperationType.CHAINED_INVOKE, OperationAction.START).name("ask-greeter")
                .subType("ChainedInvoke").payload("\"ann\"")
                .chainedInvokeOptions(new OperationUpdate.ChainedInvokeOptions("greeter:live", "team-a")).build();
        var failed = new Operation("9", null, "ask-greeter", OperationType.CHAINED_INVOKE, "ChainedInvoke", T0, T1,
                OperationStatus.FAILED, null, null, null, null, null).withChainedInvokeDetails(new Operation.ChainedInvokeDetails(null, ERROR));

        assertEquals("team-a", SdkConverter.toSdk(start).chainedInvokeOptions().tenantId());
        assertEquals(start, SdkConverter.fromSdk(SdkConverter.toSdk(start)));
        assertEquals(failed, SdkConverter.fromSdk(SdkConverter.toSdk(failed)));
    }

    @Test
    void sparseOperationUpdateStaysSparse() {
        var update = OperationUpdate.builder("7", OperationType.WAIT, OperationAction.START)
                .waitOptions(new OperationUpdate.WaitOptions(30)).build();

        assertEquals(update, SdkConverter.fromSdk(SdkConverter.toSdk(update)));
    }

    @Test
    void operationsOfEveryKindRoundTrip() {
        var base = new Operation("op", null, "manager-approval", OperationType.CALLBACK, "Callback", T0, T1,
                OperationStatus.SUCCEEDED, null, null, null, null, null);
        List<Operation> operations = List.of(
                base.withCallbackDetails(new Operation.CallbackDetails("Q2FsbGJhY2s+/w==", "\"yes\"", null)),
                base.withStepDetails(new Operation.StepDetails(2, T1, null, ERROR)).withStatus(OperationStatus.PENDING, null),
                base.withWaitDetails(new Operation.WaitDetails(T1)),
                base.withContextDetails(new Operation.ContextDetails(true, "\"big\"", null)),
                new Operation("exec", null, null, OperationType.EXECUTION, null, T0, null, OperationStatus.STARTED,
                        new Operation.ExecutionDetails("{\"days\":3}"), null, null, null, null));

        for (Operation op : operations) {
            assertEquals(op, SdkConverter.fromSdk(SdkConverter.toSdk(op)));
        }
    }

    @Test
    void errorWithoutStackTraceKeepsItAbsent() {
        var error = ErrorObject.of("Callback.Timeout", "nobody answered");

        assertNull(SdkConverter.fromSdk(SdkConverter.toSdk(error)).stackTrace());
    }

    @Test
    void eventsRoundTripWithTypedSdkDetails() {
        var waitStarted = event(3, "WaitStarted", details("Duration", 60, "ScheduledEndTimestamp", T1));

        var sdk = SdkConverter.toSdk(waitStarted);

        assertEquals(60, sdk.waitStartedDetails().duration());
        assertEquals(T1, sdk.waitStartedDetails().scheduledEndTimestamp());
        assertEquals(waitStarted, SdkConverter.fromSdk(sdk));
    }

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
                event(8, "ContextSucceeded", details("Result", payload("\"ok\""))),
                event(9, "ExecutionStopped", details("Error", error(ErrorObject.of("Stopped", "by the admin")))));

        for (Event event : events) {
            assertEquals(event, SdkConverter.fromSdk(SdkConverter.toSdk(event)), event.eventType());
        }
    }

    @Test
    void executionsRoundTripByFunctionName() {
        var execution = new DurableExecution("arn:aws:lambda:us-east-1:000000000000:function:leave:$LATEST/durable-execution/"
                + "leave-1/abc", "leave-1", "leave", ExecutionStatus.SUCCEEDED, null, null, null, T0, T1);

        assertEquals(execution, SdkConverter.fromSdk(SdkConverter.toSdk(execution)));
    }

    @Test
    void functionArnIsReadAsTheFunctionName() {
        assertEquals("leave", SdkConverter.functionNameOf("arn:aws:lambda:eu-west-1:123456789012:function:leave:live"));
        assertEquals("leave", SdkConverter.functionNameOf("arn:aws:lambda:eu-west-1:123456789012:function:leave"));
        assertEquals("leave", SdkConverter.functionNameOf("leave"));
    }

    @Test
    void unknownEnumValueFromTheServiceIsNamed() {
        var sdk = software.amazon.awssdk.services.lambda.model.Operation.builder().id("1").type("TELEPORT")
                .status("STARTED").startTimestamp(T0).build();

        var e = assertThrows(IllegalStateException.class, () -> SdkConverter.fromSdk(sdk));

        assertTrue(e.getMessage().contains("OperationType 'TELEPORT'"), e.getMessage());
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
