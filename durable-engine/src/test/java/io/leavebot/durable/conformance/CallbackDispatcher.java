package io.leavebot.durable.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import io.leavebot.durable.DurableClient;
import io.leavebot.durable.model.ErrorObject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Plays the outside world of a case: when a {@code CallbackStarted} event appears, the first unused
 * {@code CallbackActions} entry whose name matches is scheduled at the event's time plus its {@code Delay},
 * and sent once the test clock reaches that time. Like the suite's runner, a heartbeat keeps the callback
 * available to the next matching action, which is then scheduled from the time the heartbeat was sent.
 */
final class CallbackDispatcher {
    private final List<CallbackAction> actions;
    private final Placeholders placeholders;
    private final DurableClient client;
    private final Set<Integer> usedActions = new HashSet<>();
    private final Set<String> finishedCallbacks = new HashSet<>();
    private final Map<String, Instant> lastSent = new HashMap<>();
    private final Map<String, Scheduled> scheduled = new HashMap<>();
    private final List<String> problems = new ArrayList<>();

    private record Scheduled(String callbackId, CallbackAction action, Instant due) {
    }

    CallbackDispatcher(List<CallbackAction> actions, Placeholders placeholders, DurableClient client) {
        this.actions = actions;
        this.placeholders = placeholders;
        this.client = client;
    }

    /** Schedules an action for each callback in {@code history} that has none yet. */
    void schedule(List<JsonNode> history) {
        for (JsonNode event : HistoryMatcher.inheritWaitForCallbackNames(history)) {
            String callbackId = event.path("CallbackStartedDetails").path("CallbackId").asText(null);
            if (!event.path("EventType").asText().equals("CallbackStarted") || callbackId == null
                    || finishedCallbacks.contains(callbackId) || scheduled.containsKey(callbackId)) {
                continue;
            }
            String name = event.path("Name").asText(null);
            Optional<Integer> match = firstUnusedMatching(name);
            if (match.isEmpty()) {
                finishedCallbacks.add(callbackId); // left open: with no actions at all, the case waits for a timeout
                if (!actions.isEmpty()) {
                    problems.add("no CallbackAction left for callback '" + name + "' (CallbackStarted EventId "
                            + event.path("EventId") + ")");
                }
                continue;
            }
            usedActions.add(match.get());
            CallbackAction action = actions.get(match.get());
            Instant from = lastSent.getOrDefault(callbackId, Instant.ofEpochMilli(event.path("EventTimestamp").asLong()));
            scheduled.put(callbackId, new Scheduled(callbackId, action, from.plus(action.delay())));
        }
    }

    private Optional<Integer> firstUnusedMatching(String eventName) {
        for (int i = 0; i < actions.size(); i++) {
            if (!usedActions.contains(i) && actions.get(i).matches(eventName, placeholders)) {
                return Optional.of(i);
            }
        }
        return Optional.empty();
    }

    Optional<Instant> nextDue() {
        return scheduled.values().stream().map(Scheduled::due).min(Comparator.naturalOrder());
    }

    /** Sends every scheduled action that is due at {@code now}, earliest first. */
    void sendDue(Instant now) {
        List<Scheduled> due = scheduled.values().stream().filter(s -> !s.due().isAfter(now))
                .sorted(Comparator.comparing(Scheduled::due)).toList();
        for (Scheduled s : due) {
            scheduled.remove(s.callbackId());
            if (s.action().operation() == CallbackAction.Operation.HEARTBEAT) {
                lastSent.put(s.callbackId(), now);
            } else {
                finishedCallbacks.add(s.callbackId());
            }
            try {
                send(s.callbackId(), s.action());
            } catch (RuntimeException e) {
                problems.add("sending " + s.action().operation() + " to callback " + s.callbackId() + " failed: " + e);
            }
        }
    }

    private void send(String callbackId, CallbackAction action) {
        JsonNode payload = action.payload() == null ? null : placeholders.substitute(action.payload());
        switch (action.operation()) {
            // the suite's runner sends json.dumps(payload); no payload means no Result at all
            case SUCCESS -> client.succeedCallback(callbackId, payload == null ? null : SuiteJson.dumps(payload));
            case FAILURE -> client.failCallback(callbackId, payload == null ? null : errorObject(payload));
            case HEARTBEAT -> client.heartbeatCallback(callbackId);
        }
    }

    private static ErrorObject errorObject(JsonNode payload) {
        List<String> stackTrace = null;
        if (payload.has("StackTrace")) {
            stackTrace = new ArrayList<>();
            for (JsonNode frame : payload.get("StackTrace")) {
                stackTrace.add(frame.asText());
            }
        }
        return new ErrorObject(text(payload, "ErrorType"), text(payload, "ErrorMessage"), text(payload, "ErrorData"), stackTrace);
    }

    private static String text(JsonNode payload, String field) {
        return payload.hasNonNull(field) ? payload.get(field).asText() : null;
    }

    List<String> problems() {
        return List.copyOf(problems);
    }
}
