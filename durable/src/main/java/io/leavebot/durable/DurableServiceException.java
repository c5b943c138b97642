package io.leavebot.durable;

/**
 * The durable service (Lambda, or the embedded engine) refused a request. Subclasses name the reason; the
 * message says what was wrong and what to do.
 */
public class DurableServiceException extends DurableExecutionException {
    private final boolean retryable;

    public DurableServiceException(String message, boolean retryable) {
        super(message);
        this.retryable = retryable;
    }

    public DurableServiceException(String message, boolean retryable, Throwable cause) {
        super(message, cause);
        this.retryable = retryable;
    }

    /** True when the same request may succeed later (throttling, a service fault, a stale token). */
    public boolean isRetryable() {
        return retryable;
    }

    /** A parameter was malformed, out of range or too large; the message names it. */
    public static class InvalidParameterException extends DurableServiceException {
        public InvalidParameterException(String message) {
            super(message, false);
        }
    }

    /** The checkpoint token was already used or belongs to an older invocation; a fresh invocation fixes it. */
    public static class InvalidCheckpointTokenException extends DurableServiceException {
        public InvalidCheckpointTokenException(String message) {
            super(message, true);
        }
    }

    /** No execution or callback with that id exists (or its retention ended). */
    public static class ResourceNotFoundException extends DurableServiceException {
        public ResourceNotFoundException(String message) {
            super(message, false);
        }
    }

    /** The callback already completed or timed out; nothing was changed. */
    public static class CallbackClosedException extends DurableServiceException {
        public CallbackClosedException(String message) {
            super(message, false);
        }
    }

    /** An execution with this name is running with a different input. */
    public static class ExecutionAlreadyStartedException extends DurableServiceException {
        public ExecutionAlreadyStartedException(String message) {
            super(message, false);
        }
    }

    /** The service is throttling or failing for now; retry later. */
    public static class ServiceUnavailableException extends DurableServiceException {
        public ServiceUnavailableException(String message, Throwable cause) {
            super(message, true, cause);
        }
    }
}
