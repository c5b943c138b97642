package io.leavebot.durable.engine;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import io.leavebot.durable.DurableClient;
import io.leavebot.durable.DurableService;
import io.leavebot.durable.model.DurableExecution;
import io.leavebot.durable.model.ErrorObject;
import io.leavebot.durable.model.ExecutionPage;
import io.leavebot.durable.model.ExecutionQuery;
import io.leavebot.durable.model.HistoryPage;
import io.leavebot.durable.model.StartedExecution;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** SKELETON (being written): the embedded durable service. Public API is final; bodies follow. */
public final class EmbeddedEngine implements DurableClient, AutoCloseable {

    /** Starts configuring an engine whose state lives in the SQLite file {@code database}. */
    public static Builder builder(Path database) {
        return new Builder(database);
    }

    public static final class Builder {
        private Builder(Path database) {
        }

        /** Default: the system clock. */
        public Builder clock(EngineClock clock) {
            return this;
        }

        /** Threads that run handler invocations; default 4. */
        public Builder workers(int workers) {
            return this;
        }

        /** Operations per page of execution state; default 1000 (the service's maximum). */
        public Builder statePageSize(int size) {
            return this;
        }

        public EmbeddedEngine build() {
            throw new UnsupportedOperationException("being written");
        }
    }

    /** Registers the handler that runs executions of {@code functionName}. Call before {@link #start()}. */
    public EmbeddedEngine register(String functionName, RequestStreamHandler handler) {
        throw new UnsupportedOperationException("being written");
    }

    /** Recovers executions left by a previous process, then starts the workers and timers. */
    public EmbeddedEngine start() {
        throw new UnsupportedOperationException("being written");
    }

    /** The in-process {@link DurableService}; invocations receive it through their context. */
    public DurableService service() {
        throw new UnsupportedOperationException("being written");
    }

    /** The clock the engine runs on. */
    public EngineClock clock() {
        throw new UnsupportedOperationException("being written");
    }

    /** Waits until nothing is queued or running and no timer is due; false on timeout. */
    public boolean awaitIdle(Duration timeout) {
        throw new UnsupportedOperationException("being written");
    }

    /** When the earliest pending timer falls due, if any. */
    public Optional<Instant> nextTimerDue() {
        throw new UnsupportedOperationException("being written");
    }

    /** Waits until the execution is closed (or the timeout passes) and returns it. */
    public DurableExecution awaitClosed(String executionArn, Duration timeout) {
        throw new UnsupportedOperationException("being written");
    }

    @Override
    public StartedExecution start(String functionName, String executionName, String inputJson) {
        throw new UnsupportedOperationException("being written");
    }

    @Override
    public void succeedCallback(String callbackId, String resultJson) {
        throw new UnsupportedOperationException("being written");
    }

    @Override
    public void failCallback(String callbackId, ErrorObject error) {
        throw new UnsupportedOperationException("being written");
    }

    @Override
    public void heartbeatCallback(String callbackId) {
        throw new UnsupportedOperationException("being written");
    }

    @Override
    public DurableExecution getExecution(String executionArn) {
        throw new UnsupportedOperationException("being written");
    }

    @Override
    public ExecutionPage listExecutions(String functionName, ExecutionQuery query) {
        throw new UnsupportedOperationException("being written");
    }

    @Override
    public void stopExecution(String executionArn, ErrorObject reason) {
        throw new UnsupportedOperationException("being written");
    }

    @Override
    public HistoryPage getHistory(String executionArn, String marker, int maxItems) {
        throw new UnsupportedOperationException("being written");
    }

    /** Stops workers and timers and closes the database; running invocations are abandoned as if the process died. */
    @Override
    public void close() {
    }
}
