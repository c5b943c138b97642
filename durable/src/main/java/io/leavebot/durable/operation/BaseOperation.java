package io.leavebot.durable.operation;

import io.leavebot.durable.DurableFuture;
import io.leavebot.durable.execution.ExecutionManager;
import io.leavebot.durable.execution.SuspendExecution;
import io.leavebot.durable.model.Operation;
import io.leavebot.durable.model.OperationAction;
import io.leavebot.durable.model.OperationType;
import io.leavebot.durable.model.OperationUpdate;
import java.time.Instant;

/**
 * One durable operation and its outcome. {@link #execute()} looks the operation up in the recorded state and
 * either starts it (first time), resumes it (recorded but open) or replays it (recorded outcome). Subclasses
 * implement only those three.
 */
abstract class BaseOperation<T> implements DurableFuture<T> {
    protected final DurableContextImpl context;
    protected final ExecutionManager manager;
    protected final String id;
    protected final String name;
    protected final OperationType type;
    protected final String subType;
    private boolean done;
    private T value;
    private RuntimeException failure;

    BaseOperation(DurableContextImpl context, String name, OperationType type, String subType) {
        this.context = context;
        this.manager = context.manager();
        this.id = context.nextOperationId();
        this.name = name;
        this.type = type;
        this.subType = subType;
    }

    final BaseOperation<T> execute() {
        Operation recorded = context.recorded(this);
        if (recorded == null) {
            start();
        } else if (recorded.status().isTerminal()) {
            replay(recorded);
        } else {
            resume(recorded);
        }
        return this;
    }

    /** First time the code reaches this operation. */
    protected abstract void start();

    /** The operation was recorded but is still open (started, pending a retry, ready…). */
    protected abstract void resume(Operation recorded);

    /** The operation has a recorded outcome: restore it without running user code. */
    protected abstract void replay(Operation recorded);

    /** Operations completed by the service (waits, callbacks) read their outcome from fresh state here. */
    protected void refresh() {
    }

    protected final OperationUpdate.Builder update(OperationAction action) {
        return OperationUpdate.builder(id, type, action).parentId(context.parentId()).name(name).subType(subType);
    }

    protected final void succeed(T result) {
        done = true;
        value = result;
    }

    protected final void fail(RuntimeException error) {
        done = true;
        failure = error;
    }

    @Override
    public final boolean isDone() {
        if (!done) {
            refresh();
        }
        return done;
    }

    @Override
    public final T get() {
        if (!isDone()) {
            throw SuspendExecution.INSTANCE;
        }
        if (failure != null) {
            throw failure;
        }
        return value;
    }

    @Override
    public final Instant completedAt() {
        Operation recorded = manager.operation(id);
        if (!isDone() || recorded == null) {
            return null;
        }
        Instant at = completionTime(recorded);
        return at == null ? Instant.MAX : at;
    }

    /** When the service recorded this operation's outcome; what {@link DurableFuture#anyOf} orders by. */
    protected Instant completionTime(Operation recorded) {
        return recorded.endTimestamp();
    }

    String id() {
        return id;
    }

    String name() {
        return name;
    }

    OperationType type() {
        return type;
    }

    String subType() {
        return subType;
    }
}
