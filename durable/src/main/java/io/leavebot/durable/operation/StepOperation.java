package io.leavebot.durable.operation;

import io.leavebot.durable.DurableLogger;
import io.leavebot.durable.RetryDecision;
import io.leavebot.durable.SerDes;
import io.leavebot.durable.StepConfig;
import io.leavebot.durable.StepContext;
import io.leavebot.durable.StepFailedException;
import io.leavebot.durable.StepInterruptedException;
import io.leavebot.durable.StepSemantics;
import io.leavebot.durable.UnrecoverableDurableExecutionException;
import io.leavebot.durable.Validation;
import io.leavebot.durable.model.ErrorObject;
import io.leavebot.durable.model.Operation;
import io.leavebot.durable.model.OperationAction;
import io.leavebot.durable.model.OperationStatus;
import io.leavebot.durable.model.OperationType;
import io.leavebot.durable.model.OperationUpdate.StepOptions;
import java.util.function.Function;

/** A STEP: runs user code once per attempt, records the result, and retries per its {@link StepConfig}. */
final class StepOperation<T> extends BaseOperation<T> {
    private final Class<T> resultType;
    private final Function<StepContext, T> body;
    private final StepConfig config;
    private final SerDes serDes;

    StepOperation(DurableContextImpl context, String name, String subType, Class<T> resultType,
            Function<StepContext, T> body, StepConfig config) {
        super(context, name, OperationType.STEP, subType);
        this.resultType = resultType;
        this.body = body;
        this.config = config;
        this.serDes = config.serDes() != null ? config.serDes() : manager.serDes();
    }

    @Override
    protected void start() {
        runAttempt(1, true);
    }

    @Override
    protected void resume(Operation recorded) {
        int attempt = attemptsDone(recorded) + 1;
        if (recorded.status() == OperationStatus.READY) {
            runAttempt(attempt, true);
        } else if (recorded.status() == OperationStatus.STARTED) {
            if (config.semantics() == StepSemantics.AT_MOST_ONCE_PER_RETRY) {
                // the attempt began in an invocation that died: never run its body twice
                onFailure(new StepInterruptedException(id, name, StepInterruptedException.interruption()), attempt);
            } else {
                runAttempt(attempt, false); // START is already recorded; no second StepStarted
            }
        }
        // PENDING: a retry is scheduled; the service invokes again when it is due
    }

    @Override
    protected void replay(Operation recorded) {
        var details = recorded.stepDetails();
        if (recorded.status() == OperationStatus.SUCCEEDED) {
            succeed(serDes.deserialize(details == null ? null : details.result(), resultType));
        } else {
            fail(failure(details == null ? null : details.error()));
        }
    }

    private void runAttempt(int attempt, boolean recordStart) {
        if (recordStart) {
            if (config.semantics() == StepSemantics.AT_MOST_ONCE_PER_RETRY) {
                manager.checkpoint(update(OperationAction.START).build()); // recorded before the body runs
            } else {
                // on its way while the body runs, so a crash mid-body leaves the attempt recorded as started
                manager.checkpointAsync(update(OperationAction.START).build());
            }
        }
        String payload;
        try {
            payload = serDes.serialize(manager.inStep(() -> body.apply(new StepAttempt(context, attempt))));
        } catch (UnrecoverableDurableExecutionException e) {
            throw e; // misuse of the runtime (a durable operation inside the body), not a failed attempt: no retry
        } catch (RuntimeException e) {
            onFailure(e, attempt);
            return;
        }
        manager.checkpoint(update(OperationAction.SUCCEED).payload(payload).build());
        // the recorded value, read back: the first run sees exactly what every replay will see
        succeed(serDes.deserialize(payload, resultType));
    }

    private void onFailure(RuntimeException error, int attempt) {
        ErrorObject recordedError = error instanceof StepInterruptedException interrupted
                ? interrupted.error() : ErrorObject.from(error);
        RetryDecision decision = config.retryStrategy().decide(error, attempt);
        if (decision.shouldRetry()) {
            int delay = Validation.delaySeconds("retry delay", decision.delay());
            manager.checkpoint(update(OperationAction.RETRY).error(recordedError)
                    .stepOptions(new StepOptions(delay)).build());
        } else {
            manager.checkpoint(update(OperationAction.FAIL).error(recordedError).build());
            // the recorded error keeps one line; the stack is in the log, once, from the attempt that failed for good
            new DurableLogger(context.loggerName(), () -> false).error(error, "step %s (%s) of %s failed at attempt %d, not retried: %s",
                    name, id, manager.executionArn(), attempt, error);
            fail(failure(recordedError));
        }
    }

    private RuntimeException failure(ErrorObject error) {
        if (error != null && StepInterruptedException.class.getName().equals(error.errorType())) {
            return new StepInterruptedException(id, name, error);
        }
        return new StepFailedException(id, name, error);
    }

    private static int attemptsDone(Operation recorded) {
        var details = recorded.stepDetails();
        return details == null || details.attempt() == null ? 0 : details.attempt();
    }
}
