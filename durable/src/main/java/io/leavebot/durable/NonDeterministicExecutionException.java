package io.leavebot.durable;

/**
 * On replay, the code asked for a different operation than the one recorded at the same position: the handler
 * changed under a running execution, or it branches on something that is not deterministic.
 */
public class NonDeterministicExecutionException extends UnrecoverableDurableExecutionException {
    public NonDeterministicExecutionException(String message) {
        super(message, false);
    }
}
