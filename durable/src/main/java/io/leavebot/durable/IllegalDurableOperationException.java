package io.leavebot.durable;

/** A durable operation was used where it is not allowed, e.g. from inside a step, or with invalid arguments. */
public class IllegalDurableOperationException extends UnrecoverableDurableExecutionException {
    public IllegalDurableOperationException(String message) {
        super(message, false);
    }
}
