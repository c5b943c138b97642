package io.leavebot.durable.engine;

import static io.leavebot.durable.engine.HistoryEvents.details;
import static io.leavebot.durable.engine.HistoryEvents.error;
import static io.leavebot.durable.engine.HistoryEvents.payload;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.core.JsonGenerator;
import io.leavebot.durable.execution.WireJson;
import io.leavebot.durable.model.DurableExecutionInput;
import io.leavebot.durable.model.DurableExecutionOutput;
import io.leavebot.durable.model.ErrorObject;
import io.leavebot.durable.model.ExecutionStatus;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs handler invocations on a bounded pool, never two at once for the same execution. An execution scheduled
 * while it runs is marked and invoked again right after, so no change goes unseen.
 */
final class Invoker implements AutoCloseable {
    /** Lambda retries a failed asynchronous invocation twice; so does the engine, then the execution fails. */
    static final int MAX_INVOCATION_ATTEMPTS = 3;
    private static final System.Logger LOG = System.getLogger(Invoker.class.getName());

    private final EngineStore store;
    private final EngineClock clock;
    private final EngineService service;
    private final Map<String, RequestStreamHandler> handlers;
    private final int statePageSize;
    /** How long closing waits for interrupted invocations to end; one blocked in a call that ignores interrupts is left. */
    private static final Duration CLOSE_GRACE = Duration.ofMillis(500);

    private final ExecutorService pool;
    /** Executions queued or running; the value says whether they must run once more. */
    private final ConcurrentHashMap<String, Boolean> active = new ConcurrentHashMap<>();
    private final AtomicInteger busy = new AtomicInteger();

    Invoker(EngineStore store, EngineClock clock, EngineService service, Map<String, RequestStreamHandler> handlers,
            int workers, int statePageSize) {
        this.store = store;
        this.clock = clock;
        this.service = service;
        this.handlers = handlers;
        this.statePageSize = statePageSize;
        AtomicInteger threads = new AtomicInteger();
        this.pool = Executors.newFixedThreadPool(workers, r -> {
            Thread t = new Thread(r, "durable-worker-" + threads.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    void schedule(String arn) {
        active.compute(arn, (key, again) -> {
            if (again != null) {
                return Boolean.TRUE;
            }
            busy.incrementAndGet();
            pool.execute(() -> runWhileScheduled(arn));
            return Boolean.FALSE;
        });
    }

    boolean isIdle() {
        return busy.get() == 0;
    }

    private void runWhileScheduled(String arn) {
        try {
            do {
                invokeOnce(arn);
            } while (active.compute(arn, (key, again) -> again ? Boolean.FALSE : null) != null);
        } catch (RuntimeException | Error e) {
            active.remove(arn);
            if (store.isAccepting()) { // after close(), an abandoned invocation cannot reach the database: not news
                LOG.log(System.Logger.Level.ERROR, "invocation of " + arn + " could not be run", e);
            }
        } finally {
            busy.decrementAndGet();
        }
    }

    /** The invocation begun, and its first page of operations as stored JSON. */
    private record Begun(ExecutionRow row, EngineService.Page<String> operationsJson) {
    }

    private void invokeOnce(String arn) {
        // An invocation's start and end are told to nobody outside the process, so neither waits for its commit
        // (two of an invocation's four waits for a commit gone). What a crash can take with them is re-derived
        // on restart: an execution whose start was not committed is still runnable (or still has its earlier
        // invocation open, which recover() ends with Runtime.ExitError) and runs again; one whose end was not
        // committed still has this invocation open, which recover() ends with Runtime.ExitError, and replays from
        // its checkpoints. No checkpoint of the invocation can be acknowledged before its start is committed (one
        // writer, in order). The one thing lost: the Runtime.ExitError of an invocation cut off within a commit's
        // time (~1 ms) of its start; one cut off later, before or after its first checkpoint, still gets it.
        String token = Ids.random(32);
        String invocationId = UUID.randomUUID().toString();
        long startMs = clock.now().toEpochMilli();
        Begun begun = store.inTransactionCommittedLater(() -> begin(arn, token, invocationId, startMs));
        if (begun == null) {
            return;
        }
        ExecutionRow row = begun.row();
        var context = new EngineInvocationContext(row.invocationId, row.functionName, arn, service);
        DurableExecutionOutput output = null;
        Throwable failure = null;
        try {
            var out = new ByteArrayOutputStream();
            handlers.get(row.functionName).handleRequest(new ByteArrayInputStream(envelope(arn, row.token, begun)), out, context);
            output = readAnswer(out.toByteArray());
        } catch (Exception | Error e) {
            // the edge: whatever the handler throws, an Error too (a failed assertion, a class that would not load),
            // is the invocation's error, retried as Lambda would; escaping here would leave the execution stuck
            failure = e;
        }
        DurableExecutionOutput answer = output;
        Throwable thrown = failure;
        // the executions it makes runnable may be invoked before its commit: their own writes come after it
        store.inTransactionCommittedLater(() -> finish(arn, row.invocationId, answer, thrown)).forEach(this::schedule);
    }

    /** The handler's output envelope; an answer without a Status is an invocation error, like a thrown one. */
    private static DurableExecutionOutput readAnswer(byte[] json) throws IOException {
        DurableExecutionOutput output = WireJson.ENVELOPE.readValue(json, DurableExecutionOutput.class);
        if (output == null || output.status() == null) {
            throw new IllegalStateException("the handler answered without a Status (SUCCEEDED, FAILED or PENDING)");
        }
        return output;
    }

    /** Records the invocation's start; the same writes when run again (the ids come from outside). */
    private Begun begin(String arn, String token, String invocationId, long startMs) {
        ExecutionRow row = store.execution(arn);
        if (row == null || row.status.isClosed() || !handlers.containsKey(row.functionName)) {
            return null;
        }
        row.token = token;
        row.invocationId = invocationId;
        row.invocationStartMs = startMs;
        row.runnable = false;
        row.syncedSeq = row.changeSeq;
        store.saveExecution(row);
        return new Begun(row, EngineService.Page.of(store.operationsJsonInOrder(row.id, -1, statePageSize + 1), statePageSize));
    }

    /**
     * The {@link DurableExecutionInput} envelope, written around the operations' stored JSON (the same mapper wrote
     * it) rather than read into objects on the database's one writer thread and written out again here.
     */
    private static byte[] envelope(String arn, String token, Begun begun) throws IOException {
        var out = new ByteArrayOutputStream(512);
        try (JsonGenerator g = WireJson.ENVELOPE.getFactory().createGenerator(out)) {
            g.writeStartObject();
            g.writeStringField("DurableExecutionArn", arn);
            g.writeStringField("CheckpointToken", token);
            g.writeObjectFieldStart("InitialExecutionState");
            g.writeArrayFieldStart("Operations");
            for (String op : begun.operationsJson().items()) {
                g.writeRawValue(op);
            }
            g.writeEndArray();
            if (begun.operationsJson().nextMarker() != null) {
                g.writeStringField("NextMarker", begun.operationsJson().nextMarker());
            }
            g.writeEndObject();
            g.writeEndObject();
        }
        return out.toByteArray();
    }

    /** Records the invocation's end; returns the executions to invoke next (a parent whose chained invoke ended, …). */
    private List<String> finish(String arn, String invocationId, DurableExecutionOutput output, Throwable failure) {
        ExecutionRow row = store.execution(arn);
        if (row == null || !invocationId.equals(row.invocationId)) {
            return List.of(); // the execution was stopped meanwhile, or this invocation was superseded
        }
        var change = new ExecutionChange(store, row, clock.now());
        ErrorObject invocationError = failure == null ? null : ErrorObject.from(failure);
        change.event("InvocationCompleted", null, details("StartTimestamp", Instant.ofEpochMilli(row.invocationStartMs),
                "EndTimestamp", change.now, "RequestId", invocationId, "Error", invocationError == null ? null : error(invocationError)));
        row.token = null;
        row.invocationId = null;
        row.invocationStartMs = null;
        if (failure != null) {
            retryOrFail(change, invocationError);
        } else {
            switch (output.status()) {
                case SUCCEEDED -> close(change, ExecutionStatus.SUCCEEDED,
                        output.result() != null && !output.result().isEmpty() ? output.result() : row.result, null);
                case FAILED -> close(change, ExecutionStatus.FAILED, null, output.error() != null ? output.error() : row.error);
                case PENDING -> row.failedInvocations = 0;
            }
        }
        if (!row.status.isClosed()) {
            ChainedInvokes.deliverEnded(change);
        }
        change.save();
        return change.toInvoke;
    }

    private void retryOrFail(ExecutionChange change, ErrorObject error) {
        ExecutionRow row = change.row;
        row.failedInvocations++;
        LOG.log(System.Logger.Level.WARNING, "invocation " + row.failedInvocations + " of " + row.arn + " threw "
                + error.errorType() + ": " + error.errorMessage());
        if (row.failedInvocations < MAX_INVOCATION_ATTEMPTS) {
            Duration backoff = Duration.ofSeconds(1L << (row.failedInvocations - 1));
            change.setTimer("", EngineStore.TimerKind.INVOCATION_RETRY, change.now.plus(backoff));
        } else {
            close(change, ExecutionStatus.FAILED, null, error);
        }
    }

    static void close(ExecutionChange change, ExecutionStatus status, String result, ErrorObject error) {
        ExecutionRow row = change.row;
        row.status = status;
        row.result = result;
        row.error = error;
        row.endMs = change.now.toEpochMilli();
        row.token = null;
        row.runnable = false;
        change.store.deleteTimers(row.id);
        switch (status) {
            case SUCCEEDED -> change.event("ExecutionSucceeded", null, details("Result", payload(result)));
            case FAILED -> change.event("ExecutionFailed", null, details("Error", error(error)));
            case STOPPED -> change.event("ExecutionStopped", null, details("Error", error == null ? null : error(error)));
            case TIMED_OUT -> change.event("ExecutionTimedOut", null, details("Error", error == null ? null : error(error)));
            case RUNNING -> throw new IllegalArgumentException("close needs a closed status");
        }
        ChainedInvokes.childClosed(change);
    }

    /**
     * Interrupts the invocations still running and gives them a moment to unwind, so that none is left working on
     * what the engine closes next. What they do meanwhile is not recorded: the engine stops taking writes first.
     */
    @Override
    public void close() {
        pool.shutdownNow();
        try {
            pool.awaitTermination(CLOSE_GRACE.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
