package io.leavebot.durable.execution;

/**
 * Thrown when the code blocks on an operation that is still open: it unwinds the handler so the invocation can
 * end with PENDING. An {@link Error} so that user code catching {@code Exception} does not swallow it.
 */
public final class SuspendExecution extends Error {
    public static final SuspendExecution INSTANCE = new SuspendExecution();

    private SuspendExecution() {
        super("the execution is suspended until an open operation completes", null, false, false);
    }
}
