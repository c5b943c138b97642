package io.leavebot.durable.engine;

import static io.leavebot.durable.engine.CheckpointRules.checkOutcome;
import static io.leavebot.durable.engine.CheckpointRules.invalid;
import static io.leavebot.durable.engine.CheckpointRules.newOperation;
import static io.leavebot.durable.engine.HistoryEvents.details;
import static io.leavebot.durable.engine.HistoryEvents.error;
import static io.leavebot.durable.engine.HistoryEvents.payload;

import io.leavebot.durable.Validation;
import io.leavebot.durable.model.Operation;
import io.leavebot.durable.model.OperationStatus;
import io.leavebot.durable.model.OperationUpdate;
import java.time.Instant;

/**
 * STEP updates. {@code Attempt} counts finished attempts: SUCCEED, FAIL and RETRY each add one. A RETRY makes
 * the step PENDING until {@code NextAttemptTimestamp}, when a timer makes it READY and invokes the handler.
 */
final class StepRules {
    private StepRules() {
    }

    static void apply(ExecutionChange change, Operation current, OperationUpdate u) {
        switch (u.action()) {
            case START -> start(change, current, u);
            case SUCCEED, FAIL -> finish(change, current, u);
            case RETRY -> retry(change, current, u);
            default -> throw invalid("a STEP accepts START, SUCCEED, FAIL or RETRY, not " + u.action());
        }
    }

    private static void start(ExecutionChange change, Operation current, OperationUpdate u) {
        if (current != null && current.status() != OperationStatus.READY) {
            throw invalid("step " + u.id() + " cannot start: it is " + current.status());
        }
        Operation started = current == null
                ? newOperation(change, u).withStepDetails(new Operation.StepDetails(0, null, null, null))
                : current.withStatus(OperationStatus.STARTED, null);
        change.put(started);
        change.event("StepStarted", started, details());
    }

    private static void finish(ExecutionChange change, Operation current, OperationUpdate u) {
        Operation open = requireOpen(change, current, u);
        checkOutcome(u);
        boolean ok = u.action() == io.leavebot.durable.model.OperationAction.SUCCEED;
        int attempt = attempts(open) + 1;
        Operation done = open.withStatus(ok ? OperationStatus.SUCCEEDED : OperationStatus.FAILED, change.endTimestamp())
                .withStepDetails(new Operation.StepDetails(attempt, null, ok ? u.payload() : null, ok ? null : u.error()));
        change.put(done);
        var retryDetails = details("CurrentAttempt", attempt);
        change.event(ok ? "StepSucceeded" : "StepFailed", done, ok
                ? details("Result", payload(u.payload()), "RetryDetails", retryDetails)
                : details("Error", error(u.error()), "RetryDetails", retryDetails));
    }

    private static void retry(ExecutionChange change, Operation current, OperationUpdate u) {
        Operation open = requireOpen(change, current, u);
        Integer delay = u.stepOptions() == null ? null : u.stepOptions().nextAttemptDelaySeconds();
        if (delay == null || delay < 1 || delay > Validation.MAX_SECONDS) {
            throw invalid("a RETRY needs StepOptions.NextAttemptDelaySeconds of 1-" + Validation.MAX_SECONDS + " (step " + u.id() + ")");
        }
        if (u.error() != null && u.payload() != null) {
            throw invalid("a RETRY carries an Error or a Payload, not both (step " + u.id() + ")");
        }
        int attempt = attempts(open) + 1;
        Instant next = change.now.plusSeconds(delay);
        Operation pending = open.withStatus(OperationStatus.PENDING, null)
                .withStepDetails(new Operation.StepDetails(attempt, next, u.payload(), u.error()));
        change.put(pending);
        change.setTimer(u.id(), EngineStore.TimerKind.RETRY_DUE, next);
        var retryDetails = details("CurrentAttempt", attempt, "NextAttemptDelaySeconds", delay);
        if (u.error() != null) {
            change.event("StepFailed", pending, details("Error", error(u.error()), "RetryDetails", retryDetails));
        } else {
            change.event("StepSucceeded", pending, details("Result", payload(u.payload()), "RetryDetails", retryDetails));
        }
    }

    /** A step may finish when new (in the same request as its START), STARTED, or READY. */
    private static Operation requireOpen(ExecutionChange change, Operation current, OperationUpdate u) {
        if (current == null) {
            return newOperation(change, u).withStepDetails(new Operation.StepDetails(0, null, null, null));
        }
        if (current.status() != OperationStatus.STARTED && current.status() != OperationStatus.READY) {
            throw invalid("step " + u.id() + " is " + current.status() + "; it cannot take " + u.action());
        }
        return current;
    }

    private static int attempts(Operation op) {
        return op.stepDetails() == null || op.stepDetails().attempt() == null ? 0 : op.stepDetails().attempt();
    }
}
