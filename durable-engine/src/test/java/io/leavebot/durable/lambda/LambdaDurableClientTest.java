package io.leavebot.durable.lambda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.leavebot.durable.DurableServiceException.CallbackClosedException;
import io.leavebot.durable.DurableServiceException.ExecutionAlreadyStartedException;
import io.leavebot.durable.DurableServiceException.InvalidParameterException;
import io.leavebot.durable.DurableServiceException.ResourceNotFoundException;
import io.leavebot.durable.model.DurableExecution;
import io.leavebot.durable.model.ErrorObject;
import io.leavebot.durable.model.Event;
import io.leavebot.durable.model.ExecutionPage;
import io.leavebot.durable.model.ExecutionQuery;
import io.leavebot.durable.model.ExecutionStatus;
import io.leavebot.durable.model.HistoryPage;
import io.leavebot.durable.model.StartedExecution;
import io.leavebot.durable.testing.LocalLambda;
import io.leavebot.durable.testing.RecordingPorts;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@link LambdaDurableClient} through our Lambda caller and the REST façade, over hand-written ports. */
class LambdaDurableClientTest {
    static final String ALIAS = "arn:aws:lambda:us-east-1:000000000000:function:leave:live";
    static final String ARN = "arn:aws:lambda:us-east-1:000000000000:function:leave:$LATEST/durable-execution/leave-1/e1";
    static final Instant T0 = Instant.parse("2026-03-02T09:15:30.123Z");
    static final Instant T1 = Instant.parse("2026-03-02T10:00:00Z");

    RecordingPorts ports;
    LocalLambda local;
    LambdaDurableClient client;

    @BeforeEach
    void start() {
        ports = new RecordingPorts();
        local = LocalLambda.serving(ports, ports, ports::awaitClosed);
        client = new LambdaDurableClient(local.caller(), ALIAS);
    }

    @AfterEach
    void stop() {
        local.close();
    }

    @Test
    void startInvokesTheConfiguredFunctionAsynchronously() {
        StartedExecution started = client.start("leave", "leave-1", "{\"days\":2}");

        assertEquals(new StartedExecution(ARN, false), started);
        assertEquals(List.of("leave", "leave-1", "{\"days\":2}"), ports.last().args());
    }

    @Test
    void callbacksCarryResultErrorAndHeartbeat() {
        client.succeedCallback("cb+/1=", "{\"approved\":true}");
        client.failCallback("cb+/1=", new ErrorObject("Rejected", "not now", "{}", List.of("a|b|c|1")));
        client.heartbeatCallback("cb+/1=");

        assertEquals(List.of(
                new RecordingPorts.Call("succeedCallback", List.of("cb+/1=", "{\"approved\":true}")),
                new RecordingPorts.Call("failCallback", List.of("cb+/1=", new ErrorObject("Rejected", "not now", "{}",
                        List.of("a|b|c|1")))),
                new RecordingPorts.Call("heartbeatCallback", List.of("cb+/1="))), ports.calls);
    }

    @Test
    void executionRoundTrips() {
        ports.executionAnswer = new DurableExecution(ARN, "leave-1", "leave", ExecutionStatus.SUCCEEDED, "{\"days\":2}",
                "\"APPROVED\"", null, T0, T1);

        assertEquals(ports.executionAnswer, client.getExecution(ARN));
    }

    @Test
    void listingRoundTripsEveryFilterAndThePage() {
        var query = new ExecutionQuery("leave-1", Set.of(ExecutionStatus.RUNNING, ExecutionStatus.TIMED_OUT), T0, T1,
                true, "m1", 25);
        ports.listAnswer = new ExecutionPage(List.of(new DurableExecution(ARN, "leave-1", "leave", ExecutionStatus.RUNNING,
                null, null, null, T0, null)), "m2");

        ExecutionPage page = client.listExecutions("leave", query);

        assertEquals(List.of("leave", query), ports.last().args());
        assertEquals(ports.listAnswer, page);
    }

    @Test
    void historyRoundTrips() {
        ports.historyAnswer = new HistoryPage(List.of(
                new Event(1, T0, "ExecutionStarted", "e1", null, null, null,
                        LambdaWireTest.details("Input", LambdaWireTest.payload("{}"), "ExecutionTimeout", 3600)),
                new Event(2, T1, "CallbackFailed", "2", "manager-approval", null, "Callback",
                        LambdaWireTest.details("Error", LambdaWireTest.error(ErrorObject.of("Rejected", "no")))),
                new Event(3, T1, "ExecutionStopped", "e1", null, null, null, LambdaWireTest.details())), "3");

        assertEquals(ports.historyAnswer, client.getHistory(ARN, "0", 3));
        assertEquals(List.of(ARN, "0", 3), ports.last().args());
    }

    @Test
    void stopCarriesTheReason() {
        ports.executionAnswer = new DurableExecution(ARN, "leave-1", "leave", ExecutionStatus.STOPPED, null, null, null, T0, T1);

        client.stopExecution(ARN, ErrorObject.of("Withdrawn", "the employee withdrew"));

        assertEquals(List.of(ARN, ErrorObject.of("Withdrawn", "the employee withdrew")), ports.calls.get(0).args());
    }

    @Test
    void serviceRefusalsBecomeTheMatchingExceptions() {
        ports.failure = new ExecutionAlreadyStartedException("leave-1 is running with a different input");
        var started = assertThrows(ExecutionAlreadyStartedException.class, () -> client.start("leave", "leave-1", "{}"));
        ports.failure = new CallbackClosedException("callback cb1 already succeeded");
        var closed = assertThrows(CallbackClosedException.class, () -> client.succeedCallback("cb1", "1"));
        ports.failure = new ResourceNotFoundException("no callback has the id cb2");
        var missing = assertThrows(ResourceNotFoundException.class, () -> client.heartbeatCallback("cb2"));

        assertEquals("leave-1 is running with a different input", started.getMessage());
        assertEquals("callback cb1 already succeeded", closed.getMessage());
        assertEquals("no callback has the id cb2", missing.getMessage());
    }

    @Test
    void missingIdsAreRefusedBeforeAnythingIsSent() {
        var arn = assertThrows(InvalidParameterException.class, () -> client.getExecution(" "));
        var callback = assertThrows(InvalidParameterException.class, () -> client.heartbeatCallback(null));

        assertEquals("the durable execution's ARN must be given", arn.getMessage());
        assertEquals("the callback id must be given", callback.getMessage());
        assertTrue(ports.calls.isEmpty());
    }

    @Test
    void functionReferencesAreReadAsLambdaDoes() {
        assertEquals("leave", LambdaDurableClient.bareName(ALIAS));
        assertEquals("leave", LambdaDurableClient.bareName("leave:live"));
        assertEquals("leave", LambdaDurableClient.bareName("000000000000:function:leave:live"));
        assertEquals("arn:aws:lambda:us-east-1:000000000000:function:leave", LambdaDurableClient.unqualified(ALIAS));
        assertEquals("leave", LambdaDurableClient.unqualified("leave:7"));
    }
}
