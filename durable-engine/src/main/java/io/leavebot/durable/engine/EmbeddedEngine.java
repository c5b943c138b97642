package io.leavebot.durable.engine;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import io.leavebot.durable.DurableClient;
import io.leavebot.durable.DurableService;
import io.leavebot.durable.DurableServiceException.ResourceNotFoundException;
import io.leavebot.durable.model.DurableExecution;
import io.leavebot.durable.model.ErrorObject;
import io.leavebot.durable.model.ExecutionPage;
import io.leavebot.durable.model.ExecutionQuery;
import io.leavebot.durable.model.ExecutionStatus;
import io.leavebot.durable.model.HistoryPage;
import io.leavebot.durable.model.StartedExecution;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The durable service on one machine. It starts executions, invokes their handlers on a bounded pool of
 * workers, keeps state, history, timers and callbacks in one SQLite file, and resumes everything after a
 * restart. Handlers see the same protocol as on AWS Lambda; callers use it as a {@link DurableClient}. A chained
 * invoke ({@code DurableContext.invoke}) runs another registered function as an execution of its own.
 *
 * <pre>{@code
 * try (var engine = EmbeddedEngine.builder(Path.of("leavebot.db")).build()) {
 *     engine.register("leave-workflow", new LeaveWorkflow(...)).start();
 *     engine.start("leave-workflow", "leave-42", "{\"employee\":\"U1\"}");
 * }
 * }</pre>
 */
public final class EmbeddedEngine implements DurableClient, AutoCloseable {
    private final EngineStore store;
    private final EngineClock clock;
    private final Map<String, RequestStreamHandler> handlers = new ConcurrentHashMap<>();
    private final EngineService service;
    private final Timers timers;
    private final Invoker invoker;
    private final ExecutionCommands commands;
    private volatile boolean started;
    private volatile boolean closed;

    private EmbeddedEngine(Builder b) {
        this.store = new EngineStore(b.database, b.fsyncOnCommit);
        this.clock = b.clock;
        this.service = new EngineService(store, clock, new ChainedInvokes(handlers.keySet()), this::schedule);
        this.invoker = new Invoker(store, clock, service, handlers, b.workers, b.statePageSize);
        this.timers = new Timers(store, clock, invoker::schedule);
        this.commands = new ExecutionCommands(store, clock, handlers.keySet(), invoker::schedule);
    }

    private void schedule(String executionArn) {
        invoker.schedule(executionArn);
    }

    /** Starts configuring an engine whose state lives in the SQLite file {@code database}. */
    public static Builder builder(Path database) {
        return new Builder(database);
    }

    public static final class Builder {
        private final Path database;
        private EngineClock clock = EngineClock.system();
        private int workers = 16;
        private int statePageSize = EngineService.MAX_PAGE;
        private boolean fsyncOnCommit;

        private Builder(Path database) {
            this.database = database;
        }

        /** Default: the system clock. */
        public Builder clock(EngineClock value) {
            this.clock = value;
            return this;
        }

        /**
         * Threads that run handler invocations; default 16. An invocation spends most of its time waiting for
         * its checkpoints to commit, so more threads than cores keep the single SQLite writer busy.
         */
        public Builder workers(int value) {
            this.workers = io.leavebot.durable.Validation.atLeastOne("workers", value);
            return this;
        }

        /** Operations per page of execution state; default 1000 (the service's maximum). */
        public Builder statePageSize(int value) {
            if (value < 1 || value > EngineService.MAX_PAGE) {
                throw new IllegalArgumentException("statePageSize must be 1-" + EngineService.MAX_PAGE + ", but was " + value);
            }
            this.statePageSize = value;
            return this;
        }

        /**
         * Whether every commit is fsynced (SQLite's {@code synchronous=FULL}), so that what was acknowledged survives
         * a power cut, not only the process being killed; default false ({@code synchronous=NORMAL}, see
         * {@link SqliteDatabase}). For comparisons with systems that fsync each commit.
         */
        public Builder fsyncOnCommit(boolean value) {
            this.fsyncOnCommit = value;
            return this;
        }

        public EmbeddedEngine build() {
            return new EmbeddedEngine(this);
        }
    }

    /** Registers the handler that runs executions of {@code functionName}. */
    public EmbeddedEngine register(String functionName, RequestStreamHandler handler) {
        handlers.put(functionName, handler);
        return this;
    }

    /** Recovers executions left by a previous process, then starts the workers and timers. Idempotent. */
    public synchronized EmbeddedEngine start() {
        if (!started) {
            started = true;
            for (String arn : commands.recover()) {
                invoker.schedule(arn);
            }
            timers.start();
        }
        return this;
    }

    /** True from {@link #start} until {@link #close}: executions are run and timers fire (what {@code /healthz} asks). */
    public boolean isRunning() {
        return started && !closed;
    }

    /** The in-process {@link DurableService}; invocations receive it through their context. */
    public DurableService service() {
        return service;
    }

    /** The clock the engine runs on. */
    public EngineClock clock() {
        return clock;
    }

    /** Waits until nothing is queued or running and no timer is due; false on timeout. */
    public boolean awaitIdle(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        int quietChecks = 0;
        while (System.nanoTime() < deadline) {
            quietChecks = invoker.isIdle() && store.isIdle() && !timers.hasDueWork() ? quietChecks + 1 : 0;
            if (quietChecks == 2) {
                return true;
            }
            sleepBriefly();
        }
        return false;
    }

    /** When the earliest pending timer falls due, if any. */
    public Optional<Instant> nextTimerDue() {
        EngineStore.Timer next = store.nextTimer();
        return next == null ? Optional.empty() : Optional.of(Instant.ofEpochMilli(next.dueMs()));
    }

    /** Waits until the execution is closed (or the timeout passes) and returns it as it is then. */
    public DurableExecution awaitClosed(String executionArn, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        DurableExecution execution = getExecution(executionArn);
        while (execution.status() == ExecutionStatus.RUNNING && System.nanoTime() < deadline) {
            sleepBriefly();
            execution = getExecution(executionArn);
        }
        return execution;
    }

    @Override
    public StartedExecution start(String functionName, String executionName, String inputJson) {
        return commands.start(functionName, executionName, inputJson);
    }

    /**
     * Starts an execution for a synchronous invocation, whose input may be up to 6 MB rather than the 256 KiB of an
     * asynchronous start. Package-private: only the REST façade's {@code RequestResponse} Invoke starts this way.
     */
    StartedExecution startSynchronous(String functionName, String executionName, String inputJson) {
        return commands.start(functionName, executionName, inputJson, ExecutionCommands.MAX_SYNC_INPUT_BYTES);
    }

    @Override
    public void succeedCallback(String callbackId, String resultJson) {
        commands.succeedCallback(callbackId, resultJson);
    }

    @Override
    public void failCallback(String callbackId, ErrorObject error) {
        commands.failCallback(callbackId, error);
    }

    @Override
    public void heartbeatCallback(String callbackId) {
        commands.heartbeatCallback(callbackId);
    }

    @Override
    public DurableExecution getExecution(String executionArn) {
        ExecutionRow row = store.read(() -> store.execution(executionArn));
        if (row == null) {
            throw new ResourceNotFoundException("no durable execution has the ARN " + executionArn);
        }
        return row.toExecution();
    }

    @Override
    public ExecutionPage listExecutions(String functionName, ExecutionQuery query) {
        return commands.list(functionName, query);
    }

    @Override
    public void stopExecution(String executionArn, ErrorObject reason) {
        commands.stop(executionArn, reason);
    }

    @Override
    public HistoryPage getHistory(String executionArn, String marker, int maxItems) {
        return commands.history(executionArn, marker, maxItems, false);
    }

    /** Like {@link #getHistory} with {@code reverseOrder}: newest first. */
    public HistoryPage getHistory(String executionArn, String marker, int maxItems, boolean reverseOrder) {
        return commands.history(executionArn, marker, maxItems, reverseOrder);
    }

    /** Stops workers and timers and closes the database; running invocations are abandoned as if the process died. */
    @Override
    public void close() {
        closed = true;
        store.stopAccepting(); // first: the invocations cut off below leave no trace, as in a process that died
        timers.close();
        invoker.close();
        store.close();
    }

    private static void sleepBriefly() {
        try {
            Thread.sleep(1);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the engine", e);
        }
    }
}
