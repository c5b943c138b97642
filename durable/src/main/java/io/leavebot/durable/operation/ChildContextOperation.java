package io.leavebot.durable.operation;

import io.leavebot.durable.DurableContext;
import io.leavebot.durable.DurableServiceException;
import io.leavebot.durable.SerDes;
import io.leavebot.durable.UnrecoverableDurableExecutionException;
import io.leavebot.durable.execution.OperationIds;
import io.leavebot.durable.execution.SuspendExecution;
import io.leavebot.durable.model.ErrorObject;
import io.leavebot.durable.model.Operation;
import io.leavebot.durable.model.OperationAction;
import io.leavebot.durable.model.OperationStatus;
import io.leavebot.durable.model.OperationType;
import io.leavebot.durable.model.OperationUpdate.ContextOptions;
import io.leavebot.durable.model.SubType;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.function.Function;

/**
 * A CONTEXT: runs a function whose operations are numbered on their own. If the function blocks on something
 * open, the context stays open and the rest of the handler goes on; the function runs again (replaying) on the
 * next invocation.
 */
final class ChildContextOperation<T> extends BaseOperation<T> {
    /** Results this large are not stored; replay rebuilds them by re-running the function over recorded children. */
    static final int LARGE_RESULT_BYTES = 256 * 1024;

    private final Class<T> resultType;
    private final Function<DurableContext, T> body;
    private final SerDes serDes;
    private final boolean logsDuringReplay;

    ChildContextOperation(DurableContextImpl context, String name, String subType, Class<T> resultType,
            Function<DurableContext, T> body) {
        this(context, name, subType, resultType, body, null);
    }

    /** @param serDes for the result; null: the handler's */
    ChildContextOperation(DurableContextImpl context, String name, String subType, Class<T> resultType,
            Function<DurableContext, T> body, SerDes serDes) {
        this(context, name, subType, resultType, body, serDes, false);
    }

    /** @param logsDuringReplay whether the child's logger also writes while the child replays */
    ChildContextOperation(DurableContextImpl context, String name, String subType, Class<T> resultType,
            Function<DurableContext, T> body, SerDes serDes, boolean logsDuringReplay) {
        super(context, name, OperationType.CONTEXT, subType);
        this.resultType = resultType;
        this.body = body;
        this.serDes = serDes != null ? serDes : manager.serDes();
        this.logsDuringReplay = logsDuringReplay;
    }

    @Override
    protected void start() {
        // on its way while the function runs, so a crash inside leaves the context (and what it started) recorded
        manager.checkpointAsync(update(OperationAction.START).build());
        run(false);
    }

    @Override
    protected void resume(Operation recorded) {
        run(false);
    }

    @Override
    protected void replay(Operation recorded) {
        var details = recorded.contextDetails();
        if (recorded.status() == OperationStatus.SUCCEEDED) {
            if (details != null && Boolean.TRUE.equals(details.replayChildren())) {
                run(true);
            } else {
                succeed(serDes.deserialize(details == null ? null : details.result(), resultType));
            }
        } else {
            fail(OperationErrors.rebuild(details == null ? null : details.error(), id, name));
        }
    }

    /**
     * A {@code waitForCallback} context is done when its callback is answered: order it by the answer's time, not
     * by when the context was next run and closed (which may be after a rival wait fell due).
     */
    @Override
    protected Instant completionTime(Operation recorded) {
        if (SubType.WAIT_FOR_CALLBACK.equals(subType)) {
            Operation callback = manager.operation(OperationIds.idFor(id, 1)); // the callback is the context's first operation
            if (callback != null && callback.status().isTerminal() && callback.endTimestamp() != null) {
                return callback.endTimestamp();
            }
        }
        return recorded.endTimestamp();
    }

    private static boolean isLarge(String payload) {
        return payload != null && payload.getBytes(StandardCharsets.UTF_8).length >= LARGE_RESULT_BYTES;
    }

    private void run(boolean rebuildOnly) {
        T result;
        try {
            result = body.apply(context.child(id, subType, logsDuringReplay));
        } catch (SuspendExecution suspended) {
            return; // open: something inside waits; the rest of the handler may go on
        } catch (DurableServiceException | UnrecoverableDurableExecutionException fatal) {
            throw fatal; // not a failure of the function: the invocation must end
        } catch (RuntimeException e) {
            ErrorObject error = OperationErrors.record(e);
            manager.checkpoint(update(OperationAction.FAIL).error(error).build());
            fail(OperationErrors.rebuild(error, id, name));
            return;
        }
        if (!rebuildOnly) {
            String payload = serDes.serialize(result);
            var done = update(OperationAction.SUCCEED);
            if (isLarge(payload)) {
                done.payload("").contextOptions(new ContextOptions(true));
            } else {
                done.payload(payload);
            }
            // sent at once so the completion time is the service's, which keeps anyOf deterministic
            manager.checkpoint(done.build());
            if (!isLarge(payload)) {
                // the recorded value, read back: the first run sees exactly what every replay will see
                result = serDes.deserialize(payload, resultType);
            }
        }
        succeed(result);
    }
}
