package io.leavebot.durable.testing;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import io.leavebot.durable.execution.WireJson;
import io.leavebot.durable.model.DurableExecutionInput;
import io.leavebot.durable.model.DurableExecutionOutput;
import io.leavebot.durable.model.ExecutionState;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A raw handler that holds invocations open until the test lets them go, so the test can act while an invocation
 * runs: checkpoint with its token through the service, stop its execution, close the engine under it. A released
 * invocation goes on to the next handler, or answers PENDING when there is none. Interrupts do not end the hold
 * (closing an engine interrupts its workers); {@link #close()} does, and held invocations then end by throwing,
 * as in a process that died.
 */
public final class HeldInvocation implements RequestStreamHandler, AutoCloseable {
    private static final Duration LONGEST_HOLD = Duration.ofSeconds(60);

    /** What the held invocation received: its execution, its checkpoint token and the first page of state. */
    public record Invocation(String executionArn, String checkpointToken, ExecutionState state) {
    }

    private final int holds;
    private final RequestStreamHandler next;
    private final AtomicInteger invocations = new AtomicInteger();
    private final BlockingQueue<Invocation> held = new LinkedBlockingQueue<>();
    private final Semaphore releases = new Semaphore(0);
    private volatile boolean closed;

    private HeldInvocation(int holds, RequestStreamHandler next) {
        this.holds = holds;
        this.next = next;
    }

    /** Holds every invocation; once released, each answers PENDING. */
    public static HeldInvocation everyInvocation() {
        return new HeldInvocation(Integer.MAX_VALUE, null);
    }

    /** Holds the first invocation only; it, once released, and all later ones are handled by {@code next}. */
    public static HeldInvocation firstThen(RequestStreamHandler next) {
        return new HeldInvocation(1, next);
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        byte[] envelope = input.readAllBytes();
        if (invocations.incrementAndGet() <= holds) {
            var in = WireJson.ENVELOPE.readValue(envelope, DurableExecutionInput.class);
            held.add(new Invocation(in.durableExecutionArn(), in.checkpointToken(), in.initialExecutionState()));
            awaitRelease();
        }
        if (next == null) {
            WireJson.ENVELOPE.writeValue(output, DurableExecutionOutput.pending());
        } else {
            next.handleRequest(new ByteArrayInputStream(envelope), output, context);
        }
    }

    /** The next invocation to arrive, once it is being held. */
    public Invocation awaitHeld() {
        try {
            Invocation invocation = held.poll(EngineHarness.SETTLE.toMillis(), TimeUnit.MILLISECONDS);
            if (invocation == null) {
                throw new AssertionError("no invocation arrived within " + EngineHarness.SETTLE);
            }
            return invocation;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while waiting for an invocation", e);
        }
    }

    /** Lets one held invocation go on. */
    public void release() {
        releases.release();
    }

    /** How many invocations arrived, held or not. */
    public int invocations() {
        return invocations.get();
    }

    /** Ends every hold; those invocations throw, as if their process had died. */
    @Override
    public void close() {
        closed = true;
        releases.release(Integer.MAX_VALUE / 2);
    }

    private void awaitRelease() {
        long deadline = System.nanoTime() + LONGEST_HOLD.toNanos();
        boolean interrupted = false;
        boolean released = false;
        while (!released && System.nanoTime() < deadline) {
            try {
                released = releases.tryAcquire(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                interrupted = true; // an engine closing under the invocation: keep holding, as a frozen process would
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        if (closed || !released) {
            throw new IllegalStateException("held invocation abandoned");
        }
    }
}
