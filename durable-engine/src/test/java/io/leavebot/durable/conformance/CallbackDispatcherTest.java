package io.leavebot.durable.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.leavebot.durable.DurableClient;
import io.leavebot.durable.model.DurableExecution;
import io.leavebot.durable.model.ErrorObject;
import io.leavebot.durable.model.ExecutionPage;
import io.leavebot.durable.model.ExecutionQuery;
import io.leavebot.durable.model.HistoryPage;
import io.leavebot.durable.model.StartedExecution;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CallbackDispatcherTest {
    private static final Instant STARTED = Instant.parse("2026-01-05T09:00:00Z");

    private final Placeholders placeholders = new Placeholders();
    private final RecordingClient client = new RecordingClient();

    @Test
    void anActionIsSentItsDelayAfterTheCallbackStarted() {
        var dispatcher = dispatcher(new CallbackAction("*", CallbackAction.Operation.SUCCESS,
                SuiteJson.MAPPER.createObjectNode().put("status", "approved"), Duration.ofSeconds(1)));
        dispatcher.schedule(List.of(callbackStarted(3, "cb-1", "approval")));
        assertEquals(Optional.of(STARTED.plusSeconds(1)), dispatcher.nextDue());
        dispatcher.sendDue(STARTED);
        assertEquals(List.of(), client.calls);
        dispatcher.sendDue(STARTED.plusSeconds(1));
        assertEquals(List.of("succeed cb-1 {\"status\": \"approved\"}"), client.calls, "json.dumps spacing, as the suite sends it");
        dispatcher.schedule(List.of(callbackStarted(3, "cb-1", "approval")));
        assertEquals(Optional.empty(), dispatcher.nextDue(), "a callback gets one terminal action");
    }

    @Test
    void aHeartbeatLeavesTheCallbackToTheNextActionCountedFromTheHeartbeat() {
        placeholders.bind("CB_NAME", TextNode.valueOf("x1"));
        var dispatcher = dispatcher(
                new CallbackAction("${CB_NAME}", CallbackAction.Operation.HEARTBEAT, null, Duration.ZERO),
                new CallbackAction("${CB_NAME}", CallbackAction.Operation.SUCCESS, TextNode.valueOf("done"), Duration.ofSeconds(1)));
        var history = List.of(callbackStarted(2, "cb-1", "x1"));
        dispatcher.schedule(history);
        dispatcher.sendDue(STARTED.plusSeconds(4));
        dispatcher.schedule(history);
        assertEquals(Optional.of(STARTED.plusSeconds(5)), dispatcher.nextDue());
        dispatcher.sendDue(STARTED.plusSeconds(5));
        assertEquals(List.of("heartbeat cb-1", "succeed cb-1 \"done\""), client.calls);
    }

    @Test
    void actionsAreUsedOnceEachInOrder() {
        var dispatcher = dispatcher(
                new CallbackAction("*", CallbackAction.Operation.SUCCESS, TextNode.valueOf("one"), Duration.ZERO),
                new CallbackAction("*", CallbackAction.Operation.FAILURE,
                        SuiteJson.MAPPER.createObjectNode().put("ErrorType", "RejectedError").put("ErrorMessage", "not approved"),
                        Duration.ZERO));
        dispatcher.schedule(List.of(callbackStarted(3, "cb-1", "first-callback")));
        dispatcher.sendDue(STARTED);
        dispatcher.schedule(List.of(callbackStarted(3, "cb-1", "first-callback"), callbackStarted(9, "cb-2", "second-callback")));
        dispatcher.sendDue(STARTED);
        assertEquals(List.of("succeed cb-1 \"one\"", "fail cb-2 RejectedError: not approved"), client.calls);
        assertEquals(List.of(), dispatcher.problems());
    }

    @Test
    void aCallbackNoActionMatchesIsAProblemUnlessTheCaseHasNoActions() {
        var dispatcher = dispatcher(new CallbackAction("approval", CallbackAction.Operation.SUCCESS, null, Duration.ZERO));
        dispatcher.schedule(List.of(callbackStarted(2, "cb-1", "rejection")));
        assertTrue(dispatcher.problems().get(0).contains("no CallbackAction left for callback 'rejection'"), dispatcher.problems().toString());
        var waitingForTimeout = dispatcher();
        waitingForTimeout.schedule(List.of(callbackStarted(2, "cb-1", "rejection")));
        assertEquals(List.of(), waitingForTimeout.problems());
        assertEquals(Optional.empty(), waitingForTimeout.nextDue());
    }

    @Test
    void aCallbackNameMatchesStarExactlyOrAsARegex() {
        assertTrue(new CallbackAction("*", CallbackAction.Operation.HEARTBEAT, null, Duration.ZERO).matches(null, placeholders));
        assertTrue(new CallbackAction("approval", CallbackAction.Operation.HEARTBEAT, null, Duration.ZERO).matches("approval", placeholders));
        assertTrue(new CallbackAction("${/-callback$/}", CallbackAction.Operation.HEARTBEAT, null, Duration.ZERO)
                .matches("approval-callback", placeholders));
        assertTrue(new CallbackAction("appr.*", CallbackAction.Operation.HEARTBEAT, null, Duration.ZERO).matches("approval", placeholders));
        assertTrue(!new CallbackAction("approval", CallbackAction.Operation.HEARTBEAT, null, Duration.ZERO)
                .matches("approval-callback", placeholders));
    }

    private CallbackDispatcher dispatcher(CallbackAction... actions) {
        return new CallbackDispatcher(List.of(actions), placeholders, client);
    }

    private static JsonNode callbackStarted(long eventId, String callbackId, String name) {
        var event = SuiteJson.MAPPER.createObjectNode().put("EventId", eventId).put("EventType", "CallbackStarted")
                .put("EventTimestamp", STARTED.toEpochMilli()).put("Name", name);
        event.putObject("CallbackStartedDetails").put("CallbackId", callbackId);
        return event;
    }

    /** Records the callback calls; the rest of the client is not used by the dispatcher. */
    private static final class RecordingClient implements DurableClient {
        final List<String> calls = new ArrayList<>();

        @Override
        public void succeedCallback(String callbackId, String resultJson) {
            calls.add("succeed " + callbackId + " " + resultJson);
        }

        @Override
        public void failCallback(String callbackId, ErrorObject error) {
            calls.add("fail " + callbackId + " " + error.errorType() + ": " + error.errorMessage());
        }

        @Override
        public void heartbeatCallback(String callbackId) {
            calls.add("heartbeat " + callbackId);
        }

        @Override
        public StartedExecution start(String functionName, String executionName, String inputJson) {
            throw new UnsupportedOperationException();
        }

        @Override
        public DurableExecution getExecution(String executionArn) {
            throw new UnsupportedOperationException();
        }

        @Override
        public ExecutionPage listExecutions(String functionName, ExecutionQuery query) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void stopExecution(String executionArn, ErrorObject reason) {
            throw new UnsupportedOperationException();
        }

        @Override
        public HistoryPage getHistory(String executionArn, String marker, int maxItems) {
            throw new UnsupportedOperationException();
        }
    }
}
