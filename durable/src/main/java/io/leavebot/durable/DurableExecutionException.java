package io.leavebot.durable;

/** Root of every exception the durable runtime throws. */
public class DurableExecutionException extends RuntimeException {
    public DurableExecutionException(String message) {
        super(message);
    }

    public DurableExecutionException(String message, Throwable cause) {
        super(message, cause);
    }
}
