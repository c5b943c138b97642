package io.leavebot.durable;

/** Ends the execution: the handler returns FAILED (or throws, when {@link #isRetryable()}, so Lambda retries). */
public class UnrecoverableDurableExecutionException extends DurableExecutionException {
    private final boolean retryable;

    public UnrecoverableDurableExecutionException(String message, boolean retryable) {
        super(message);
        this.retryable = retryable;
    }

    public UnrecoverableDurableExecutionException(String message, boolean retryable, Throwable cause) {
        super(message, cause);
        this.retryable = retryable;
    }

    /** True when a new invocation may succeed (throttling, a service fault, a stale checkpoint token). */
    public boolean isRetryable() {
        return retryable;
    }
}
