package io.leavebot.durable.operation;

import io.leavebot.durable.SerDes;
import io.leavebot.durable.StepContext;
import io.leavebot.durable.UnrecoverableDurableExecutionException;
import io.leavebot.durable.Validation;
import io.leavebot.durable.WaitForConditionConfig;
import io.leavebot.durable.WaitForConditionFailedException;
import io.leavebot.durable.WaitForConditionResult;
import io.leavebot.durable.model.ErrorObject;
import io.leavebot.durable.model.Operation;
import io.leavebot.durable.model.OperationAction;
import io.leavebot.durable.model.OperationStatus;
import io.leavebot.durable.model.OperationType;
import io.leavebot.durable.model.OperationUpdate.StepOptions;
import io.leavebot.durable.model.SubType;
import java.time.Duration;
import java.util.function.BiFunction;

/**
 * A STEP with SubType {@code WaitForCondition}: each check is one attempt. "Not yet" is a RETRY carrying the state
 * as its payload (the service records it as the step's result and makes the step READY after the delay); "done"
 * is a SUCCEED with the state; a check that throws, or a wait strategy that gives up, is a FAIL.
 */
final class WaitForConditionOperation<T> extends BaseOperation<T> {
    private final Class<T> stateType;
    private final BiFunction<T, StepContext, WaitForConditionResult<T>> check;
    private final WaitForConditionConfig<T> config;
    private final SerDes serDes;

    WaitForConditionOperation(DurableContextImpl context, String name, Class<T> stateType,
            BiFunction<T, StepContext, WaitForConditionResult<T>> check, WaitForConditionConfig<T> config) {
        super(context, name, OperationType.STEP, SubType.WAIT_FOR_CONDITION);
        this.stateType = stateType;
        this.check = check;
        this.config = config;
        this.serDes = config.serDes() != null ? config.serDes() : manager.serDes();
    }

    @Override
    protected void start() {
        // through the SerDes, so the first check sees the state in the shape every later check will
        T initial = serDes.deserialize(serDes.serialize(config.initialState()), stateType);
        poll(initial, 1, true);
    }

    @Override
    protected void resume(Operation recorded) {
        int attempt = attemptsDone(recorded) + 1;
        if (recorded.status() == OperationStatus.READY) {
            poll(recordedState(recorded), attempt, true);
        } else if (recorded.status() == OperationStatus.STARTED) {
            poll(recordedState(recorded), attempt, false); // cut off mid-check: check again, no second StepStarted
        }
        // PENDING: the next check is scheduled; the service invokes again when it is due
    }

    @Override
    protected void replay(Operation recorded) {
        var details = recorded.stepDetails();
        if (recorded.status() == OperationStatus.SUCCEEDED) {
            succeed(serDes.deserialize(details == null ? null : details.result(), stateType));
        } else {
            fail(new WaitForConditionFailedException(id, name, details == null ? null : details.error()));
        }
    }

    /** The state the last check returned, or the initial state if no check has finished yet. */
    private T recordedState(Operation recorded) {
        var details = recorded.stepDetails();
        String state = attemptsDone(recorded) == 0 || details == null
                ? serDes.serialize(config.initialState()) : details.result();
        return serDes.deserialize(state, stateType);
    }

    private void poll(T state, int attempt, boolean recordStart) {
        if (recordStart) {
            manager.checkpointAsync(update(OperationAction.START).build()); // on its way while the check runs
        }
        String payload;
        WaitForConditionResult<T> result;
        try {
            result = manager.inStep(() -> check.apply(state, new StepAttempt(context, attempt)));
            if (result == null) {
                throw new IllegalStateException("the waitForCondition check returned null; return "
                        + "WaitForConditionResult.stopPolling(state) or continuePolling(state)");
            }
            payload = serDes.serialize(result.value());
        } catch (UnrecoverableDurableExecutionException e) {
            throw e; // misuse of the runtime (a durable operation inside the check), not a failed check
        } catch (RuntimeException e) {
            failWith(ErrorObject.from(e)); // checks are not retried
            return;
        }
        // the recorded value, read back: the first run sees exactly what every replay will see
        T recordedValue = serDes.deserialize(payload, stateType);
        if (result.isDone()) {
            manager.checkpoint(update(OperationAction.SUCCEED).payload(payload).build());
            succeed(recordedValue);
            return;
        }
        int delay;
        try {
            delay = Validation.delaySeconds("wait strategy delay", nextDelay(recordedValue, attempt));
        } catch (RuntimeException e) {
            failWith(ErrorObject.from(e)); // the strategy gave up (or broke): the operation fails
            return;
        }
        manager.checkpoint(update(OperationAction.RETRY).payload(payload).stepOptions(new StepOptions(delay)).build());
    }

    private Duration nextDelay(T state, int attempt) {
        return config.waitStrategy().evaluate(state, attempt);
    }

    private void failWith(ErrorObject error) {
        manager.checkpoint(update(OperationAction.FAIL).error(error).build());
        fail(new WaitForConditionFailedException(id, name, error));
    }

    private static int attemptsDone(Operation recorded) {
        var details = recorded.stepDetails();
        return details == null || details.attempt() == null ? 0 : details.attempt();
    }
}
