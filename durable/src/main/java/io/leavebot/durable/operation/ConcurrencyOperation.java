package io.leavebot.durable.operation;

import io.leavebot.durable.BatchItem;
import io.leavebot.durable.BatchItemStatus;
import io.leavebot.durable.BatchResult;
import io.leavebot.durable.CompletionConfig;
import io.leavebot.durable.ConcurrencyCompletionStatus;
import io.leavebot.durable.DurableOperationException;
import io.leavebot.durable.DurableServiceException;
import io.leavebot.durable.NestingType;
import io.leavebot.durable.NonDeterministicExecutionException;
import io.leavebot.durable.ParallelBranch;
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
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The core of parallel and map: a CONTEXT whose items run, in input order, as child contexts of their own (or as
 * virtual contexts with {@link NestingType#FLAT}). Items run on the invocation's thread: one that blocks on
 * something open (a wait, a callback) stays open and holds one of {@code maxConcurrency} slots while the next
 * item starts. After each item the {@link CompletionConfig} is checked; once it is met, no further item starts
 * and the batch is recorded (SUCCEED, with a {@link BatchSummary}) even if some items are still open. While the
 * rule is not met and items are open, the batch stays open and runs again, replaying, in the next invocation.
 * A completed batch replays from its summary without running any item.
 */
abstract class ConcurrencyOperation<T> extends BaseOperation<BatchResult<T>> {
    private final List<? extends ParallelBranch<? extends T>> items;
    private final String itemSubType;
    private final Integer maxConcurrency;
    private final CompletionConfig completion;
    private final NestingType nesting;

    /** One item's outcome and, if it succeeded, its result as its SerDes wrote it. */
    private record Outcome<T>(BatchItem<T> item, String payload) {
    }

    ConcurrencyOperation(DurableContextImpl context, String name, String subType, String itemSubType,
            List<? extends ParallelBranch<? extends T>> items, Integer maxConcurrency, CompletionConfig completion,
            NestingType nesting) {
        super(context, name, OperationType.CONTEXT, subType);
        this.items = items;
        this.itemSubType = itemSubType;
        this.maxConcurrency = maxConcurrency;
        this.completion = completion;
        this.nesting = nesting;
    }

    /** Refuses a {@code minSuccessful} that needs more items than there are. */
    static void checkReachable(CompletionConfig completion, int count, String what) {
        if (completion.minSuccessful() != null && completion.minSuccessful() > count) {
            throw new IllegalArgumentException("minSuccessful must be at most the number of " + what + " (" + count
                    + "), but was " + completion.minSuccessful());
        }
    }

    /** The exception a failed item raises when what it threw was not an operation exception of its own. */
    protected abstract DurableOperationException itemFailure(String itemId, String itemName, ErrorObject error);

    @Override
    protected void start() {
        manager.enqueue(update(OperationAction.START).build());
        run();
    }

    @Override
    protected void resume(Operation recorded) {
        run();
    }

    @Override
    protected void replay(Operation recorded) {
        var details = recorded.contextDetails();
        if (recorded.status() != OperationStatus.SUCCEEDED) {
            fail(OperationErrors.rebuild(details == null ? null : details.error(), id, name));
            return;
        }
        BatchSummary summary = BatchSummary.read(id, details == null ? null : details.result());
        if (summary.items().size() > items.size()) {
            throw new NonDeterministicExecutionException(String.format("the %s '%s' (%s) recorded %d started items, but the "
                    + "code now gives it %d; its items must not change while executions run: ship the change as a new "
                    + "function version", subType, name, id, summary.items().size(), items.size()));
        }
        succeed(summary.hasResults() ? fromSummary(summary) : fromItems(summary));
    }

    private void run() {
        var inner = context.child(id, subType);
        var outcomes = new ArrayList<Outcome<T>>();
        int open = 0;
        ConcurrencyCompletionStatus reason;
        while ((reason = reason(outcomes)) == null && outcomes.size() < items.size()
                && (maxConcurrency == null || open < maxConcurrency)) {
            Outcome<T> outcome = runItem(inner, outcomes.size());
            outcomes.add(outcome);
            if (outcome.item().status() == BatchItemStatus.STARTED) {
                open++;
            }
        }
        if (reason != null) {
            finish(reason, outcomes);
        }
        // else open: an item waits; the batch runs again when the service invokes next
    }

    private ConcurrencyCompletionStatus reason(List<Outcome<T>> outcomes) {
        int succeeded = count(outcomes, BatchItemStatus.SUCCEEDED);
        int failed = count(outcomes, BatchItemStatus.FAILED);
        if (completion.minSuccessful() != null && succeeded >= completion.minSuccessful()) {
            return ConcurrencyCompletionStatus.MIN_SUCCESSFUL_REACHED;
        }
        Integer tolerated = completion.toleratedFailureCount();
        Double fraction = completion.toleratedFailurePercentage();
        if ((tolerated != null && failed > tolerated) || (fraction != null && failed > Math.floor(items.size() * fraction))) {
            return ConcurrencyCompletionStatus.FAILURE_TOLERANCE_EXCEEDED;
        }
        if (outcomes.size() == items.size() && count(outcomes, BatchItemStatus.STARTED) == 0) {
            return ConcurrencyCompletionStatus.ALL_COMPLETED;
        }
        return null;
    }

    private static int count(List<? extends Outcome<?>> outcomes, BatchItemStatus status) {
        return (int) outcomes.stream().filter(o -> o.item().status() == status).count();
    }

    private Outcome<T> runItem(DurableContextImpl inner, int index) {
        return nesting == NestingType.FLAT ? runVirtual(inner, index, items.get(index)) : runNested(inner, index, items.get(index));
    }

    private <R extends T> Outcome<T> runNested(DurableContextImpl inner, int index, ParallelBranch<R> item) {
        var op = new ChildContextOperation<>(inner, item.name(), itemSubType, item.type(), item.body(), item.serDes());
        op.execute();
        if (!op.isDone()) {
            return new Outcome<>(BatchItem.started(index, item.name()), null);
        }
        try {
            R value = op.get();
            return new Outcome<>(BatchItem.succeeded(index, item.name(), value), serDes(item).serialize(value));
        } catch (DurableOperationException e) {
            Operation recorded = manager.operation(op.id());
            var details = recorded == null ? null : recorded.contextDetails();
            return failed(index, op.id(), item.name(), details != null && details.error() != null ? details.error() : e.error());
        }
    }

    /** A FLAT item: nothing of its own is recorded, so its outcome lives only in the batch summary. */
    private <R extends T> Outcome<T> runVirtual(DurableContextImpl inner, int index, ParallelBranch<R> item) {
        String itemId = inner.nextOperationId();
        SerDes serDes = serDes(item);
        String payload;
        try {
            payload = serDes.serialize(item.body().apply(inner.virtualChild(itemId)));
        } catch (SuspendExecution suspended) {
            return new Outcome<>(BatchItem.started(index, item.name()), null);
        } catch (DurableServiceException | UnrecoverableDurableExecutionException fatal) {
            throw fatal; // not a failure of the item: the invocation must end
        } catch (RuntimeException e) {
            return failed(index, itemId, item.name(), OperationErrors.record(e));
        }
        // the recorded value, read back: the first run sees exactly what every replay will see
        return new Outcome<>(BatchItem.succeeded(index, item.name(), serDes.deserialize(payload, item.type())), payload);
    }

    private Outcome<T> failed(int index, String itemId, String itemName, ErrorObject error) {
        var failure = OperationErrors.rebuild(error, itemId, itemName, this::itemFailure);
        return new Outcome<>(BatchItem.failed(index, itemName, error, failure), null);
    }

    private void finish(ConcurrencyCompletionStatus reason, List<Outcome<T>> outcomes) {
        var summary = new BatchSummary(reason, outcomes.stream().map(o -> new BatchSummary.Item(
                o.item().status(), o.payload(), o.item().error())).toList(), null);
        String payload = summary.write();
        var done = update(OperationAction.SUCCEED);
        if (payload.getBytes(StandardCharsets.UTF_8).length >= ChildContextOperation.LARGE_RESULT_BYTES) {
            done.payload(summary.withoutResults().write()).contextOptions(new ContextOptions(true));
        } else {
            done.payload(payload);
        }
        // sent at once so the completion time is the service's, which keeps anyOf deterministic
        manager.checkpoint(done.build());
        succeed(batch(reason, outcomes.stream().map(Outcome::item).toList()));
    }

    private BatchResult<T> batch(ConcurrencyCompletionStatus reason, List<BatchItem<T>> started) {
        var all = new ArrayList<>(started);
        for (int i = started.size(); i < items.size(); i++) {
            all.add(BatchItem.notStarted(i, items.get(i).name()));
        }
        return new BatchResult<>(all, reason);
    }

    private BatchResult<T> fromSummary(BatchSummary summary) {
        var started = new ArrayList<BatchItem<T>>();
        for (int i = 0; i < summary.items().size(); i++) {
            BatchSummary.Item recorded = summary.items().get(i);
            ParallelBranch<? extends T> item = items.get(i);
            started.add(switch (recorded.status()) {
                case SUCCEEDED -> BatchItem.succeeded(i, item.name(), serDes(item).deserialize(recorded.result(), item.type()));
                case FAILED -> failed(i, OperationIds.idFor(id, i + 1), item.name(), recorded.error()).item();
                default -> BatchItem.<T>started(i, item.name());
            });
        }
        return batch(summary.completionReason(), started);
    }

    /** The summary was too large to hold the results: read each from the item's own record (FLAT: run it again). */
    private BatchResult<T> fromItems(BatchSummary summary) {
        var inner = context.child(id, subType);
        var started = new ArrayList<BatchItem<T>>();
        for (int i = 0; i < summary.items().size(); i++) {
            if (summary.items().get(i).status() == BatchItemStatus.STARTED) {
                inner.nextOperationId(); // still open: never resumed once the batch has completed
                started.add(BatchItem.started(i, items.get(i).name()));
            } else {
                started.add(runItem(inner, i).item()); // recorded outcomes replay; nothing runs again
            }
        }
        return batch(summary.completionReason(), started);
    }

    private SerDes serDes(ParallelBranch<?> item) {
        return item.serDes() != null ? item.serDes() : manager.serDes();
    }
}
