package io.leavebot.durable.engine;

import static io.leavebot.durable.engine.HistoryEvents.details;
import static io.leavebot.durable.engine.HistoryEvents.error;
import static io.leavebot.durable.engine.HistoryEvents.payload;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import io.leavebot.durable.DurableServiceException.CallbackClosedException;
import io.leavebot.durable.DurableServiceException.ExecutionAlreadyStartedException;
import io.leavebot.durable.DurableServiceException.InvalidParameterException;
import io.leavebot.durable.DurableServiceException.ResourceNotFoundException;
import io.leavebot.durable.Validation;
import io.leavebot.durable.execution.WireJson;
import io.leavebot.durable.model.DurableExecution;
import io.leavebot.durable.model.ErrorObject;
import io.leavebot.durable.model.Event;
import io.leavebot.durable.model.ExecutionPage;
import io.leavebot.durable.model.ExecutionQuery;
import io.leavebot.durable.model.ExecutionStatus;
import io.leavebot.durable.model.HistoryPage;
import io.leavebot.durable.model.Operation;
import io.leavebot.durable.model.OperationStatus;
import io.leavebot.durable.model.OperationType;
import io.leavebot.durable.model.StartedExecution;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;

/** What callers outside an execution ask of the engine: start, complete callbacks, stop, read. */
final class ExecutionCommands {
    /** Asynchronous starts and callback results are limited to 256 KiB, as on Lambda. */
    static final int MAX_INPUT_BYTES = 256 * 1024;
    /** A synchronous invocation (the REST façade's RequestResponse Invoke) may pass up to 6 MB, as on Lambda. */
    static final int MAX_SYNC_INPUT_BYTES = 6 * 1024 * 1024;

    private final EngineStore store;
    private final EngineClock clock;
    private final Set<String> functions;
    private final Consumer<String> schedule;

    ExecutionCommands(EngineStore store, EngineClock clock, Set<String> functions, Consumer<String> schedule) {
        this.store = store;
        this.clock = clock;
        this.functions = functions;
        this.schedule = schedule;
    }

    StartedExecution start(String functionName, String executionName, String inputJson) {
        return start(functionName, executionName, inputJson, MAX_INPUT_BYTES);
    }

    /** @param maxInputBytes {@link #MAX_INPUT_BYTES}, or {@link #MAX_SYNC_INPUT_BYTES} for a synchronous invocation */
    StartedExecution start(String functionName, String executionName, String inputJson, int maxInputBytes) {
        if (functionName == null || !functions.contains(functionName)) {
            throw new ResourceNotFoundException("no function named '" + functionName + "' is registered with the engine");
        }
        String name = executionName == null ? UUID.randomUUID().toString() : executionName;
        try {
            Validation.executionName(name);
        } catch (IllegalArgumentException e) {
            throw new InvalidParameterException(e.getMessage());
        }
        checkInput(inputJson, maxInputBytes);
        StartedExecution started = store.inTransaction(() -> {
            ExecutionRow existing = store.executionByName(functionName, name);
            if (existing != null) {
                if (Objects.equals(existing.input, inputJson)) {
                    return new StartedExecution(existing.arn, true);
                }
                throw new ExecutionAlreadyStartedException("execution '" + name + "' of function '" + functionName
                        + "' was already started with a different input; choose another name");
            }
            return new StartedExecution(create(store, clock.now(), functionName, name, inputJson).arn, false);
        });
        if (!started.alreadyStarted()) {
            schedule.accept(started.durableExecutionArn());
        }
        return started;
    }

    /** Records a new execution, RUNNING and runnable, with its EXECUTION operation and ExecutionStarted event. */
    static ExecutionRow create(EngineStore store, Instant now, String functionName, String name, String inputJson) {
        String executionId = UUID.randomUUID().toString();
        var row = new ExecutionRow();
        row.arn = Ids.executionArn(functionName, name, executionId);
        row.functionName = functionName;
        row.name = name;
        row.input = inputJson;
        row.status = ExecutionStatus.RUNNING;
        row.startMs = now.toEpochMilli();
        row.runnable = true;
        row.nextEventId = 1;
        var change = new ExecutionChange(store, row, now);
        change.put(new Operation(executionId, null, null, OperationType.EXECUTION, null, now, null, OperationStatus.STARTED,
                new Operation.ExecutionDetails(inputJson), null, null, null, null));
        change.event("ExecutionStarted", null, details("Input", payload(inputJson)));
        change.save();
        return row;
    }

    void succeedCallback(String callbackId, String resultJson) {
        if (resultJson != null && resultJson.getBytes(StandardCharsets.UTF_8).length > MAX_INPUT_BYTES) {
            throw new InvalidParameterException("the callback result is larger than the 256 KiB limit");
        }
        complete(callbackId, OperationStatus.SUCCEEDED, resultJson == null || resultJson.isEmpty() ? null : resultJson, null);
    }

    void failCallback(String callbackId, ErrorObject error) {
        ErrorObject given = error != null ? error : ErrorObject.of("CallbackFailed", null);
        if (EngineStore.json(given).length() > CheckpointRules.MAX_ERROR_BYTES) {
            throw new InvalidParameterException("the callback error is larger than the 1 MiB limit");
        }
        complete(callbackId, OperationStatus.FAILED, null, given);
    }

    private void complete(String callbackId, OperationStatus status, String result, ErrorObject error) {
        String arn = store.inTransaction(() -> {
            var open = openCallback(callbackId);
            var change = new ExecutionChange(store, open.row(), clock.now());
            Operation done = open.op().withStatus(status, change.endTimestamp())
                    .withCallbackDetails(new Operation.CallbackDetails(callbackId, result, error));
            change.put(done);
            store.deleteTimers(open.row().id, done.id());
            if (status == OperationStatus.SUCCEEDED) {
                change.event("CallbackSucceeded", done, details("Result", payload(result)));
            } else {
                change.event("CallbackFailed", done, details("Error", error(error)));
            }
            open.row().runnable = true;
            change.save();
            return open.row().arn;
        });
        schedule.accept(arn);
    }

    void heartbeatCallback(String callbackId) {
        store.inTransaction(() -> {
            var open = openCallback(callbackId);
            if (open.callback().heartbeatSeconds() > 0) {
                store.setTimer(new EngineStore.Timer(open.row().id, open.op().id(), EngineStore.TimerKind.CALLBACK_HEARTBEAT,
                        clock.now().plusSeconds(open.callback().heartbeatSeconds()).toEpochMilli()));
            }
            return null;
        });
    }

    private record OpenCallback(EngineStore.CallbackRow callback, ExecutionRow row, Operation op) {
    }

    private OpenCallback openCallback(String callbackId) {
        EngineStore.CallbackRow callback = callbackId == null ? null : store.callback(callbackId);
        if (callback == null) {
            throw new ResourceNotFoundException("no callback has the id '" + callbackId + "'");
        }
        ExecutionRow row = store.execution(callback.execution());
        Operation op = store.operation(callback.execution(), callback.opId());
        if (op.status() != OperationStatus.STARTED) {
            throw new CallbackClosedException("the callback has expired or is already closed (" + op.status()
                    + "); nothing was changed");
        }
        if (row.status.isClosed()) {
            throw new CallbackClosedException("the callback's execution is " + row.status + "; nothing was changed");
        }
        return new OpenCallback(callback, row, op);
    }

    void stop(String arn, ErrorObject reason) {
        List<String> toInvoke = store.inTransaction(() -> {
            ExecutionRow row = existing(arn);
            if (row.status.isClosed()) {
                throw new InvalidParameterException("execution " + arn + " is already " + row.status
                        + "; only a running execution can be stopped");
            }
            row.invocationId = null; // a running invocation learns at its next checkpoint; its answer is ignored
            var change = new ExecutionChange(store, row, clock.now());
            Invoker.close(change, ExecutionStatus.STOPPED, null, reason);
            store.saveExecution(row);
            return change.toInvoke; // the parent, when a chained invoke started this execution
        });
        toInvoke.forEach(schedule);
    }

    ExecutionPage list(String functionName, ExecutionQuery query) {
        ExecutionQuery q = query == null ? ExecutionQuery.all() : query;
        EngineService.checkMaxItems(q.maxItems());
        int size = q.maxItems() == 0 ? 100 : q.maxItems();
        int offset = (int) parseMarker(q.marker(), 0);
        List<ExecutionRow> rows = store.read(() -> store.listExecutions(functionName, q, offset, size + 1));
        List<DurableExecution> page = rows.stream().limit(size).map(ExecutionRow::toExecution).toList();
        return new ExecutionPage(page, rows.size() > size ? Integer.toString(offset + size) : null);
    }

    HistoryPage history(String arn, String marker, int maxItems, boolean reverse) {
        EngineService.checkMaxItems(maxItems);
        int size = maxItems == 0 ? 100 : maxItems;
        List<String> rows = store.read(() -> {
            ExecutionRow row = existing(arn);
            long from = parseMarker(marker, reverse ? row.nextEventId - 1 : 1);
            return store.eventsJson(row.id, from, size + 1, reverse);
        });
        var events = new ArrayList<Event>();
        for (String json : rows.subList(0, Math.min(size, rows.size()))) {
            events.add(readEvent(json));
        }
        String next = rows.size() > size ? Long.toString(readEvent(rows.get(size)).eventId()) : null;
        return new HistoryPage(events, next);
    }

    /** After a restart: invocations cut off by the crash end with Runtime.ExitError; their executions run again. */
    List<String> recover() {
        return store.inTransaction(() -> {
            List<String> arns = store.executionsToResume();
            for (String arn : arns) {
                ExecutionRow row = store.execution(arn);
                if (row.invocationId != null) {
                    var change = new ExecutionChange(store, row, clock.now());
                    change.event("InvocationCompleted", null, details("StartTimestamp", Instant.ofEpochMilli(row.invocationStartMs),
                            "EndTimestamp", change.now, "RequestId", row.invocationId,
                            "Error", error(ErrorObject.of("Runtime.ExitError", "the process ended during the invocation"))));
                    row.invocationId = null;
                    row.invocationStartMs = null;
                    row.token = null;
                    row.runnable = true;
                    ChainedInvokes.deliverEnded(change); // children that ended during the cut-off invocation
                    change.save();
                }
            }
            return arns;
        });
    }

    private ExecutionRow existing(String arn) {
        ExecutionRow row = store.execution(arn);
        if (row == null) {
            throw new ResourceNotFoundException("no durable execution has the ARN " + arn);
        }
        return row;
    }

    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };

    @SuppressWarnings("unchecked")
    private static Event readEvent(String json) {
        try {
            Map<String, Object> m = WireJson.ENVELOPE.readValue(json, MAP);
            String type = (String) m.get("EventType");
            Map<String, Object> details = (Map<String, Object>) m.getOrDefault(type + "Details", Map.of());
            details.replaceAll((key, value) -> key.endsWith("Timestamp") && value instanceof Number n
                    ? Instant.ofEpochMilli(n.longValue()) : value);
            return new Event(((Number) m.get("EventId")).longValue(), Instant.ofEpochMilli(((Number) m.get("EventTimestamp")).longValue()),
                    type, (String) m.get("Id"), (String) m.get("Name"), (String) m.get("ParentId"), (String) m.get("SubType"), details);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("corrupt history event: " + e.getOriginalMessage(), e);
        }
    }

    private static long parseMarker(String marker, long otherwise) {
        if (marker == null || marker.isEmpty()) {
            return otherwise;
        }
        try {
            long value = Long.parseLong(marker);
            if (value >= 0 && value <= Integer.MAX_VALUE) { // an offset or an event id; never negative
                return value;
            }
        } catch (NumberFormatException e) {
            // refused below, like any other marker this engine did not issue
        }
        throw new InvalidParameterException("Marker '" + marker + "' was not issued by this engine");
    }

    private static void checkInput(String json, int maxBytes) {
        if (json == null) {
            return;
        }
        if (json.getBytes(StandardCharsets.UTF_8).length > maxBytes) {
            throw new InvalidParameterException(maxBytes > MAX_INPUT_BYTES
                    ? "the input is larger than " + maxBytes + " bytes (6 MB), the limit for synchronous invocations"
                    : "the input is larger than " + maxBytes + " bytes (256 KiB), the limit for asynchronous starts");
        }
        try {
            if (WireJson.ENVELOPE.readTree(json).isMissingNode()) {
                throw new InvalidParameterException("the input is not valid JSON: it holds no value; pass null for no input");
            }
        } catch (JsonProcessingException e) {
            throw new InvalidParameterException("the input is not valid JSON: " + e.getOriginalMessage());
        }
    }
}
