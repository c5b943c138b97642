package io.leavebot.durable.execution;

import io.leavebot.durable.model.CheckpointResponse;
import io.leavebot.durable.model.DurableExecutionInput;
import io.leavebot.durable.model.DurableExecutionOutput;
import io.leavebot.durable.model.ExecutionState;
import io.leavebot.durable.model.OperationUpdate;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Builds {@link WireJson}'s mappers and the (de)serializers of the envelope and of the checkpoint calls on a thread
 * of their own, once per JVM, which Jackson would otherwise build on the first invocation's path, while a function's
 * init has other work to do meanwhile (its clients, its secret). Measured on the workflow function: a median 22 ms
 * off its cold start on 2 cores (README, "The Lambda package and its cold start").
 * The mappers are thread-safe: an invocation that needs a (de)serializer before it is ready builds its own, as it
 * would without this. This class only names {@link WireJson} inside the thread, so its mappers are made there.
 */
public final class WireJsonWarmUp {
    private static final AtomicBoolean STARTED = new AtomicBoolean();

    private WireJsonWarmUp() {
    }

    /** Starts the warm-up unless it has started already; returns whether this call started it. */
    public static boolean start() {
        boolean first = STARTED.compareAndSet(false, true);
        if (first) {
            Thread thread = new Thread(() -> {
                try {
                    prepare();
                } catch (RuntimeException e) {
                    // left to the invocation that needs the type: it meets the same error and reports it
                }
            }, "durable-json-warm-up");
            thread.setDaemon(true);
            thread.start();
        }
        return first;
    }

    /** Package-private for its test: a type Jackson cannot bind fails here as it would on the invocation's path. */
    static void prepare() {
        // a reader or writer for a type fetches that type's (de)serializer at once, into its mapper's cache
        WireJson.ENVELOPE.readerFor(DurableExecutionInput.class);
        WireJson.ENVELOPE.writerFor(DurableExecutionOutput.class);
        WireJson.REST.writerFor(OperationUpdate.class);
        WireJson.REST.readerFor(CheckpointResponse.class);
        WireJson.REST.readerFor(ExecutionState.class);
    }
}
