package io.leavebot.durable.engine;

import io.leavebot.durable.model.Event;
import io.leavebot.durable.model.Operation;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The changes one transaction makes to one execution: operations, events, timers. Operations are written by
 * {@link #save()}, stamped with one new change number so the next checkpoint can return them.
 */
final class ExecutionChange {
    final EngineStore store;
    final ExecutionRow row;
    final Instant now;
    private final Map<String, Operation> changed = new LinkedHashMap<>();
    private final Map<String, Operation> loaded = new HashMap<>();
    private final Map<String, Long> positions = new LinkedHashMap<>();
    /**
     * Executions this change made runnable besides its own (a child a chained invoke started, a parent whose chained
     * invoke ended): the caller invokes them once the transaction has committed.
     */
    final List<String> toInvoke = new ArrayList<>();

    ExecutionChange(EngineStore store, ExecutionRow row, Instant now) {
        this.store = store;
        this.row = row;
        this.now = now;
    }

    /** The operation as changed so far in this transaction, else as stored; null if there is none. */
    Operation operation(String id) {
        Operation op = changed.get(id);
        if (op != null) {
            return op;
        }
        if (!loaded.containsKey(id)) {
            loaded.put(id, row.id == 0 ? null : store.operation(row.id, id));
        }
        return loaded.get(id);
    }

    void put(Operation op) {
        if (!changed.containsKey(op.id()) && operation(op.id()) == null) {
            positions.put(op.id(), ++row.opSeq);
        }
        changed.put(op.id(), op);
    }

    /** A completion time: now, but strictly after every earlier completion of this execution, so order is never ambiguous. */
    Instant endTimestamp() {
        row.lastEndMs = Math.max(now.toEpochMilli(), row.lastEndMs + 1);
        return Instant.ofEpochMilli(row.lastEndMs);
    }

    void event(String type, Operation op, Map<String, Object> details) {
        var event = new Event(row.nextEventId++, now, type, op == null ? null : op.id(), op == null ? null : op.name(),
                op == null ? null : op.parentId(), op == null ? null : op.subType(), details);
        store.saveEvent(key(), event);
    }

    void setTimer(String opId, EngineStore.TimerKind kind, Instant due) {
        store.setTimer(new EngineStore.Timer(key(), opId, kind, due.toEpochMilli()));
    }

    /** The execution's database key; a new execution is inserted first to get one. */
    long key() {
        if (row.id == 0) {
            store.saveExecution(row);
        }
        return row.id;
    }

    void save() {
        save(false);
    }

    /**
     * @param seenByHandler the handler gets these changes in the response, so they count as seen
     * @return the operations written, in the order they were changed
     */
    List<Operation> save(boolean seenByHandler) {
        List<Operation> written = List.copyOf(changed.values());
        if (!changed.isEmpty()) {
            long stamp = ++row.changeSeq;
            key();
            for (Operation op : changed.values()) {
                Long position = positions.get(op.id());
                store.saveOperation(row.id, op, position == null ? 0 : position, stamp);
            }
            changed.clear();
            positions.clear();
        }
        if (seenByHandler) {
            row.syncedSeq = row.changeSeq;
        }
        store.saveExecution(row);
        return written;
    }
}
