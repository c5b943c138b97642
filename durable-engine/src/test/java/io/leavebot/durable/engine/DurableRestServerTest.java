package io.leavebot.durable.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.leavebot.durable.model.DurableExecution;
import io.leavebot.durable.model.ErrorObject;
import io.leavebot.durable.model.Event;
import io.leavebot.durable.model.ExecutionQuery;
import io.leavebot.durable.model.ExecutionState;
import io.leavebot.durable.model.ExecutionStatus;
import io.leavebot.durable.model.HistoryPage;
import io.leavebot.durable.model.Operation;
import io.leavebot.durable.model.OperationAction;
import io.leavebot.durable.model.OperationStatus;
import io.leavebot.durable.model.OperationType;
import io.leavebot.durable.model.OperationUpdate;
import io.leavebot.durable.testing.LocalLambda;
import io.leavebot.durable.testing.RecordingPorts;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.CallbackTimeoutException;
import software.amazon.awssdk.services.lambda.model.InvalidParameterValueException;
import software.amazon.awssdk.services.lambda.model.InvocationType;
import software.amazon.awssdk.services.lambda.model.WaitOptions;

/** The REST routes as the real AWS SDK calls them, over hand-written ports. */
class DurableRestServerTest {
    static final String ARN = "arn:aws:lambda:us-east-1:000000000000:function:leave:$LATEST/durable-execution/leave-1/e1";
    static final String ALIAS = "arn:aws:lambda:us-east-1:000000000000:function:leave:live";
    static final Instant T0 = Instant.parse("2026-03-02T09:15:30.123Z");
    static final Instant T1 = Instant.parse("2026-03-02T09:16:30.500Z");

    RecordingPorts ports;
    LocalLambda local;
    LambdaClient lambda;

    @BeforeEach
    void start() {
        ports = new RecordingPorts();
        local = LocalLambda.serving(ports, ports, ports::awaitClosed);
        lambda = local.lambda();
    }

    @AfterEach
    void stop() {
        local.close();
    }

    @Test
    void servesOnLoopbackOnAFreePort() {
        assertEquals("127.0.0.1", local.uri().getHost());
        assertTrue(local.uri().getPort() > 0);
    }

    @Test
    void boundToAllAddressesItIsNamedByTheLoopbackAddress() throws Exception {
        for (String all : List.of("0.0.0.0", "::")) {
            try (var server = DurableRestServer.builder(ports, ports, ports::awaitClosed, LocalLambda.CREDENTIALS).address(InetAddress.getByName(all)).start()) {
                assertEquals("127.0.0.1", server.uri().getHost(), "bound to " + all);
                var answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(server.uri().resolve("/nothing-here")).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertEquals(403, answer.statusCode(), "the server itself refused the unsigned request, at " + server.uri());
            }
        }
    }

    @Test
    void checkpointArrivesWithTheDecodedArnAndUpdates() {
        var wait = new Operation("2", null, "reminder-1", OperationType.WAIT, "Wait", T0, null, OperationStatus.STARTED,
                null, null, null, new Operation.WaitDetails(T1), null);
        ports.checkpointAnswer = new io.leavebot.durable.model.CheckpointResponse("t2", new ExecutionState(List.of(wait), null));

        var response = lambda.checkpointDurableExecution(r -> r.durableExecutionArn(ARN).checkpointToken("t1")
                .updates(software.amazon.awssdk.services.lambda.model.OperationUpdate.builder().id("2").name("reminder-1")
                        .type("WAIT").subType("Wait").action("START").waitOptions(WaitOptions.builder().waitSeconds(60).build())
                        .build()));

        var expected = OperationUpdate.builder("2", OperationType.WAIT, OperationAction.START).name("reminder-1")
                .subType("Wait").waitOptions(new OperationUpdate.WaitOptions(60)).build();
        assertEquals(List.of(ARN, "t1", List.of(expected)), ports.last().args());
        assertEquals("t2", response.checkpointToken());
        assertEquals(T1, response.newExecutionState().operations().get(0).waitDetails().scheduledEndTimestamp());
    }

    @Test
    void checkpointWithoutUpdatesIsAnEmptyList() {
        lambda.checkpointDurableExecution(r -> r.durableExecutionArn(ARN).checkpointToken("t1"));

        assertEquals(List.of(ARN, "t1", List.of()), ports.last().args());
    }

    @Test
    void timestampsAreWrittenAsPlainEpochSeconds() throws Exception {
        ports.executionAnswer = new DurableExecution(ARN, "leave-1", "leave", ExecutionStatus.RUNNING, null, null, null,
                Instant.parse("2026-01-05T09:00:00Z"), null);
        String path = "/2025-12-01/durable-executions/" + URLEncoder.encode(ARN, StandardCharsets.UTF_8);

        String body = local.signed().send("GET", URI.create(local.uri() + path), null).body();

        assertTrue(body.contains("\"StartTimestamp\":1767603600"), body);
        assertFalse(body.contains("E+"), body);
    }

    @Test
    void stateQueryParametersArrive() {
        lambda.getDurableExecutionState(r -> r.durableExecutionArn(ARN).checkpointToken("t1").marker("m 1+2").maxItems(50));

        assertEquals(new RecordingPorts.Call("getExecutionState", List.of(ARN, "t1", "m 1+2", 50)), ports.last());
    }

    @Test
    void executionAnswersWithFunctionArnAndVersion() {
        ports.executionAnswer = new DurableExecution(ARN, "leave-1", "leave", ExecutionStatus.FAILED, "{\"days\":2}", null,
                ErrorObject.of("Rejected", "no"), T0, T1);

        var response = lambda.getDurableExecution(r -> r.durableExecutionArn(ARN));

        assertEquals("arn:aws:lambda:us-east-1:000000000000:function:leave:$LATEST", response.functionArn());
        assertEquals("$LATEST", response.version());
        assertEquals("FAILED", response.statusAsString());
        assertEquals("{\"days\":2}", response.inputPayload());
        assertEquals("Rejected", response.error().errorType());
        assertEquals(T1, response.endTimestamp());
    }

    @Test
    void historyEventsArriveWithTypedDetails() {
        ports.historyAnswer = new HistoryPage(List.of(new Event(4, T0, "WaitStarted", "2", "reminder-1", null, "Wait",
                Map.of("Duration", 60, "ScheduledEndTimestamp", T1))), "5");

        var response = lambda.getDurableExecutionHistory(r -> r.durableExecutionArn(ARN).maxItems(1).marker("3"));

        assertEquals(List.of(ARN, "3", 1), ports.last().args());
        assertEquals(60, response.events().get(0).waitStartedDetails().duration());
        assertEquals(T1, response.events().get(0).waitStartedDetails().scheduledEndTimestamp());
        assertEquals("5", response.nextMarker());
    }

    @Test
    void historyNewestFirstPagesBackwards() {
        ports.historyAnswer = new HistoryPage(List.of(event(1), event(2), event(3)), null);

        var first = lambda.getDurableExecutionHistory(r -> r.durableExecutionArn(ARN).reverseOrder(true).maxItems(2));
        var second = lambda.getDurableExecutionHistory(r -> r.durableExecutionArn(ARN).reverseOrder(true).maxItems(2)
                .marker(first.nextMarker()));

        assertEquals(List.of(3, 2), first.events().stream().map(e -> e.eventId()).toList());
        assertEquals(List.of(1), second.events().stream().map(e -> e.eventId()).toList());
        assertNull(second.nextMarker());
    }

    @Test
    void historyWithoutExecutionDataLeavesPayloadsOut() {
        ports.historyAnswer = new HistoryPage(List.of(new Event(2, T0, "StepSucceeded", "1", "record-leave", null, "Step",
                Map.of("Result", Map.of("Payload", "{\"secret\":1}", "Truncated", false)))), null);

        var response = lambda.getDurableExecutionHistory(r -> r.durableExecutionArn(ARN).includeExecutionData(false));

        assertNull(response.events().get(0).stepSucceededDetails().result().payload());
    }

    @Test
    void listingPassesEveryFilter() {
        lambda.listDurableExecutionsByFunction(r -> r.functionName(ALIAS).durableExecutionName("leave-1")
                .statusesWithStrings("RUNNING", "FAILED").startedAfter(T0).startedBefore(T1).reverseOrder(true)
                .marker("10").maxItems(20));

        var expected = new ExecutionQuery("leave-1", Set.of(ExecutionStatus.RUNNING, ExecutionStatus.FAILED),
                Instant.parse("2026-03-02T09:15:30.123Z"), T1, true, "10", 20);
        assertEquals(List.of("leave", expected), ports.last().args());
    }

    @Test
    void stopPassesTheReasonAndAnswersTheStopTime() {
        ports.executionAnswer = new DurableExecution(ARN, "leave-1", "leave", ExecutionStatus.STOPPED, null, null, null, T0, T1);

        var response = lambda.stopDurableExecution(r -> r.durableExecutionArn(ARN)
                .error(e -> e.errorType("Withdrawn").errorMessage("the employee withdrew")));

        assertEquals(new RecordingPorts.Call("stopExecution", List.of(ARN, ErrorObject.of("Withdrawn", "the employee withdrew"))),
                ports.calls.get(0));
        assertEquals(T1, response.stopTimestamp());
    }

    @Test
    void stopAndFailWithoutAnErrorPassNone() {
        ports.executionAnswer = new DurableExecution(ARN, "leave-1", "leave", ExecutionStatus.STOPPED, null, null, null, T0, T1);

        lambda.stopDurableExecution(r -> r.durableExecutionArn(ARN));
        lambda.sendDurableExecutionCallbackFailure(r -> r.callbackId("abc"));

        assertEquals(Arrays.asList(ARN, null), ports.calls.get(0).args());
        assertEquals(Arrays.asList("abc", null), ports.last().args());
    }

    @Test
    void callbackIdsWithBase64CharactersArriveIntact() {
        String id = "ab+/cd==";

        lambda.sendDurableExecutionCallbackSuccess(r -> r.callbackId(id).result(SdkBytes.fromUtf8String("\"approved\"")));
        lambda.sendDurableExecutionCallbackFailure(r -> r.callbackId(id).error(e -> e.errorType("Rejected").errorMessage("no")));
        lambda.sendDurableExecutionCallbackHeartbeat(r -> r.callbackId(id));

        assertEquals(List.of(
                new RecordingPorts.Call("succeedCallback", List.of(id, "\"approved\"")),
                new RecordingPorts.Call("failCallback", List.of(id, ErrorObject.of("Rejected", "no"))),
                new RecordingPorts.Call("heartbeatCallback", List.of(id))), ports.calls);
    }

    @Test
    void eventInvokeAnswers202WithTheArnAtOnce() {
        var response = lambda.invoke(r -> r.functionName(ALIAS).invocationType(InvocationType.EVENT)
                .durableExecutionName("leave-1").payload(SdkBytes.fromUtf8String("{\"days\":2}")));

        assertEquals(202, response.statusCode());
        assertEquals(ARN, response.durableExecutionArn());
        assertEquals("$LATEST", response.executedVersion());
        assertEquals(List.of("leave", "leave-1", "{\"days\":2}"), ports.last().args());
    }

    @Test
    void requestResponseInvokeAnswersTheResult() {
        ports.executionAnswer = new DurableExecution(ARN, "leave-1", "leave", ExecutionStatus.SUCCEEDED, null,
                "\"APPROVED\"", null, T0, T1);

        var response = lambda.invoke(r -> r.functionName("leave").durableExecutionName("leave-1")
                .payload(SdkBytes.fromUtf8String("{}")));

        assertEquals(200, response.statusCode());
        assertNull(response.functionError());
        assertEquals("\"APPROVED\"", response.payload().asUtf8String());
        assertEquals("awaitClosed", ports.last().method());
    }

    @Test
    void requestResponseInvokeOfAFailedExecutionFlagsAFunctionError() {
        ports.executionAnswer = new DurableExecution(ARN, "leave-1", "leave", ExecutionStatus.FAILED, null, null,
                ErrorObject.of("Rejected", "not enough days"), T0, T1);

        var response = lambda.invoke(r -> r.functionName("leave").payload(SdkBytes.fromUtf8String("{}")));

        assertEquals("Unhandled", response.functionError());
        assertEquals("{\"errorType\":\"Rejected\",\"errorMessage\":\"not enough days\"}", response.payload().asUtf8String());
    }

    @Test
    void oversizeCallbackResultIsRefusedNamingTheLimit() {
        var big = SdkBytes.fromUtf8String("\"" + "x".repeat(256 * 1024) + "\"");

        var e = assertThrows(InvalidParameterValueException.class,
                () -> lambda.sendDurableExecutionCallbackSuccess(r -> r.callbackId("abc").result(big)));

        assertEquals(400, e.statusCode());
        assertTrue(e.awsErrorDetails().errorMessage().contains("262144 bytes (256 KiB)"), e.getMessage());
        assertTrue(ports.calls.isEmpty());
    }

    @Test
    void oversizeEventInputIsRefusedNamingTheLimit() {
        var big = SdkBytes.fromUtf8String("\"" + "x".repeat(256 * 1024) + "\"");

        var e = assertThrows(InvalidParameterValueException.class,
                () -> lambda.invoke(r -> r.functionName("leave").invocationType(InvocationType.EVENT).payload(big)));

        assertTrue(e.awsErrorDetails().errorMessage().contains("262144 bytes (256 KiB), the limit for asynchronous"),
                e.getMessage());
    }

    @Test
    void closedCallbackIsTheSdksCallbackTimeoutException() {
        ports.failure = new io.leavebot.durable.DurableServiceException.CallbackClosedException("callback abc already succeeded");

        var e = assertThrows(CallbackTimeoutException.class, () -> lambda.sendDurableExecutionCallbackHeartbeat(r -> r.callbackId("abc")));

        assertEquals(400, e.statusCode());
        assertEquals("callback abc already succeeded", e.awsErrorDetails().errorMessage());
    }

    private static Event event(long id) {
        return new Event(id, T0, "StepStarted", "op" + id, null, null, "Step", Map.of());
    }
}
