package io.leavebot.durable;

import io.leavebot.durable.model.ErrorObject;
import java.util.Collections;
import java.util.List;

/**
 * What {@code parallel} and {@code map} return: one {@link BatchItem} per branch or item, in input order (whatever
 * order they finished in), and why the batch completed. A failed branch does not make the operation throw; ask
 * {@link #throwIfError()} for that. The same batch is returned on the first run and on every replay.
 */
public record BatchResult<T>(List<BatchItem<T>> items, ConcurrencyCompletionStatus completionReason) {

    public BatchResult {
        items = List.copyOf(items);
        completionReason = completionReason == null ? ConcurrencyCompletionStatus.ALL_COMPLETED : completionReason;
    }

    public BatchItem<T> getItem(int index) {
        return items.get(index);
    }

    /** The result of item {@code index}, or null if it did not succeed. */
    public T getResult(int index) {
        return items.get(index).result();
    }

    /** The error of item {@code index}, or null if it did not fail. */
    public ErrorObject getError(int index) {
        return items.get(index).error();
    }

    /** How many branches or items were given, started or not. */
    public int size() {
        return items.size();
    }

    /** Every item's result in input order, null where an item did not succeed. */
    public List<T> results() {
        return Collections.unmodifiableList(items.stream().map(BatchItem::result).toList());
    }

    /** The results of the items that succeeded, in input order (nulls included where a branch returned null). */
    public List<T> succeeded() {
        return Collections.unmodifiableList(items.stream().filter(i -> i.status() == BatchItemStatus.SUCCEEDED)
                .map(BatchItem::result).toList());
    }

    /** The errors of the items that failed, in input order. */
    public List<ErrorObject> failed() {
        return items.stream().filter(i -> i.status() == BatchItemStatus.FAILED).map(BatchItem::error).toList();
    }

    /** The exceptions of the items that failed, in input order: what {@link #throwIfError()} would raise. */
    public List<DurableOperationException> errors() {
        return items.stream().filter(i -> i.status() == BatchItemStatus.FAILED).map(BatchItem::failure).toList();
    }

    /** True when every item succeeded (none failed, none left unstarted or open). */
    public boolean allSucceeded() {
        return items.stream().allMatch(i -> i.status() == BatchItemStatus.SUCCEEDED);
    }

    public boolean hasFailure() {
        return failureCount() > 0;
    }

    /** {@link BatchItemStatus#FAILED} if any item failed, else {@link BatchItemStatus#SUCCEEDED}. */
    public BatchItemStatus status() {
        return hasFailure() ? BatchItemStatus.FAILED : BatchItemStatus.SUCCEEDED;
    }

    public int successCount() {
        return count(BatchItemStatus.SUCCEEDED);
    }

    public int failureCount() {
        return count(BatchItemStatus.FAILED);
    }

    /** Items that were started but were still open when the batch completed. */
    public int startedCount() {
        return count(BatchItemStatus.STARTED);
    }

    /** Items that were started (succeeded, failed or still open); unlike {@link #size()}, not the unstarted ones. */
    public int totalCount() {
        return size() - count(BatchItemStatus.NOT_STARTED);
    }

    /** Throws the failure of the first failed item, in input order; does nothing if none failed. */
    public void throwIfError() {
        for (BatchItem<T> item : items) {
            if (item.status() == BatchItemStatus.FAILED) {
                throw item.failure();
            }
        }
    }

    private int count(BatchItemStatus status) {
        return (int) items.stream().filter(i -> i.status() == status).count();
    }
}
