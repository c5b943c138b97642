package io.leavebot.durable.engine;

import io.leavebot.durable.DurableService;
import io.leavebot.durable.DurableServiceException.InvalidCheckpointTokenException;
import io.leavebot.durable.DurableServiceException.InvalidParameterException;
import io.leavebot.durable.DurableServiceException.ResourceNotFoundException;
import io.leavebot.durable.model.CheckpointResponse;
import io.leavebot.durable.model.ExecutionState;
import io.leavebot.durable.model.Operation;
import io.leavebot.durable.model.OperationUpdate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/** The engine's side of {@link DurableService}: checkpoints and state pages, each one SQLite transaction. */
final class EngineService implements DurableService {
    static final int MAX_PAGE = 1000;

    private final EngineStore store;
    private final EngineClock clock;
    private final ChainedInvokes invokes;
    private final Consumer<String> schedule;

    /** @param schedule invokes an execution a checkpoint made runnable: the child a chained invoke started */
    EngineService(EngineStore store, EngineClock clock, ChainedInvokes invokes, Consumer<String> schedule) {
        this.store = store;
        this.clock = clock;
        this.invokes = invokes;
        this.schedule = schedule;
    }

    @Override
    public CheckpointResponse checkpoint(String executionArn, String checkpointToken, List<OperationUpdate> updates) {
        var toInvoke = new ArrayList<String>();
        CheckpointResponse response = store.inTransaction(() -> {
            toInvoke.clear(); // the work may run twice: again alone, should its group's commit fail
            ExecutionRow row = invocation(executionArn, checkpointToken);
            var change = new ExecutionChange(store, row, clock.now());
            CheckpointRules.apply(change, updates == null ? List.of() : updates, invokes);
            toInvoke.addAll(change.toInvoke);
            boolean changedOutside = row.changeSeq > row.syncedSeq;
            long seen = row.syncedSeq;
            row.token = Ids.random(32);
            List<Operation> changed = change.save(true);
            if (changedOutside) { // a callback completed or a timer fired since the handler last looked
                changed = store.operationsChangedAfter(row.id, seen);
            }
            return new CheckpointResponse(row.token, new ExecutionState(changed, null));
        });
        toInvoke.forEach(schedule);
        return response;
    }

    @Override
    public ExecutionState getExecutionState(String executionArn, String checkpointToken, String marker, int maxItems) {
        checkMaxItems(maxItems);
        long after = parseMarker(marker);
        int size = maxItems == 0 ? MAX_PAGE : maxItems;
        return store.read(() -> page(invocation(executionArn, checkpointToken).id, after, size));
    }

    /** The one check of a page size a caller asked for: 0 (the default) to {@value #MAX_PAGE}, as on Lambda. */
    static void checkMaxItems(int maxItems) {
        if (maxItems < 0 || maxItems > MAX_PAGE) {
            throw new InvalidParameterException("MaxItems must be 0-" + MAX_PAGE + ", but was " + maxItems);
        }
    }

    /** One page of operations in recorded order, after position {@code after}. */
    ExecutionState page(long execution, long after, int size) {
        Page<Operation> page = Page.of(store.operationsInOrder(execution, after, size + 1), size);
        return new ExecutionState(page.items(), page.nextMarker());
    }

    /** A page of operations and the marker of the next one (null on the last page). */
    record Page<T>(List<T> items, String nextMarker) {
        /** @param rows up to {@code size + 1} rows in order, each {seq, item}: one more than the page says there is more */
        static <T> Page<T> of(List<Map.Entry<Long, T>> rows, int size) {
            boolean more = rows.size() > size;
            List<Map.Entry<Long, T>> shown = more ? rows.subList(0, size) : rows;
            return new Page<>(shown.stream().map(Map.Entry::getValue).toList(),
                    more ? Long.toString(shown.get(shown.size() - 1).getKey()) : null);
        }
    }

    private ExecutionRow invocation(String executionArn, String checkpointToken) {
        ExecutionRow row = store.execution(executionArn);
        if (row == null) {
            throw new ResourceNotFoundException("no durable execution has the ARN " + executionArn);
        }
        if (row.token == null || !row.token.equals(checkpointToken)) {
            throw new InvalidCheckpointTokenException("Invalid Checkpoint Token: it was already used, or belongs to an "
                    + "invocation that has ended (execution " + row.status + ")");
        }
        return row;
    }

    private static long parseMarker(String marker) {
        if (marker == null || marker.isEmpty()) {
            return -1;
        }
        try {
            return Long.parseLong(marker);
        } catch (NumberFormatException e) {
            throw new InvalidParameterException("Marker '" + marker + "' was not issued by this service");
        }
    }
}
