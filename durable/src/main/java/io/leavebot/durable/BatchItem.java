package io.leavebot.durable;

import io.leavebot.durable.model.ErrorObject;

/**
 * The outcome of one branch or item of a {@link BatchResult}, at its position in the input.
 *
 * @param result the result if {@link BatchItemStatus#SUCCEEDED}, else null
 * @param error the recorded error if {@link BatchItemStatus#FAILED}, else null
 * @param failure the exception {@link BatchResult#throwIfError()} raises for this item if it failed, else null
 */
public record BatchItem<T>(int index, String name, BatchItemStatus status, T result, ErrorObject error,
        DurableOperationException failure) {

    public static <T> BatchItem<T> succeeded(int index, String name, T result) {
        return new BatchItem<>(index, name, BatchItemStatus.SUCCEEDED, result, null, null);
    }

    public static <T> BatchItem<T> failed(int index, String name, ErrorObject error, DurableOperationException failure) {
        return new BatchItem<>(index, name, BatchItemStatus.FAILED, null, error, failure);
    }

    public static <T> BatchItem<T> started(int index, String name) {
        return new BatchItem<>(index, name, BatchItemStatus.STARTED, null, null, null);
    }

    public static <T> BatchItem<T> notStarted(int index, String name) {
        return new BatchItem<>(index, name, BatchItemStatus.NOT_STARTED, null, null, null);
    }
}
