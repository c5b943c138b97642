package io.leavebot.durable.testing;

import static io.leavebot.durable.model.OperationAction.START;
import static io.leavebot.durable.model.OperationAction.SUCCEED;
import static io.leavebot.durable.model.OperationStatus.FAILED;
import static io.leavebot.durable.model.OperationStatus.PENDING;
import static io.leavebot.durable.model.OperationStatus.READY;
import static io.leavebot.durable.model.OperationStatus.STARTED;
import static io.leavebot.durable.model.OperationStatus.SUCCEEDED;

import io.leavebot.durable.DurableServiceException.InvalidParameterException;
import io.leavebot.durable.model.Operation;
import io.leavebot.durable.model.Operation.CallbackDetails;
import io.leavebot.durable.model.Operation.ContextDetails;
import io.leavebot.durable.model.Operation.StepDetails;
import io.leavebot.durable.model.Operation.WaitDetails;
import io.leavebot.durable.model.OperationUpdate;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;

/**
 * How the service turns one operation update into the operation's new state (protocol 2.4), refusing the
 * transitions the service refuses. {@code StepDetails.Attempt} counts finished attempts: SUCCEED, FAIL and RETRY
 * each add one.
 */
final class OperationTransitions {
    private int callbacksIssued;

    /** The operation after {@code update}; {@code current} is null for a new operation. */
    Operation apply(Operation current, OperationUpdate update, Instant now) {
        return switch (update.type()) {
            case STEP -> update.action() == START ? startStep(current, update, now) : finishAttempt(current, update, now);
            case WAIT -> startOnce(current, update, now)
                    .withWaitDetails(new WaitDetails(now.plusSeconds(update.waitOptions().waitSeconds())));
            case CALLBACK -> startOnce(current, update, now)
                    .withCallbackDetails(new CallbackDetails(nextCallbackId(), null, null));
            case CONTEXT -> update.action() == START ? startOnce(current, update, now) : finishContext(current, update, now);
            case CHAINED_INVOKE -> startOnce(current, update, now);
            case EXECUTION -> finishExecution(current, update, now);
            default -> throw refuse(update, "this type is not supported by the test service");
        };
    }

    private static Operation startStep(Operation current, OperationUpdate update, Instant now) {
        if (current == null) {
            return started(update, now).withStepDetails(new StepDetails(0, null, null, null));
        }
        if (current.status() != READY) {
            throw refuse(update, "a step can be started when new or READY, not " + current.status());
        }
        // the last attempt's result stays: a waitForCondition that is cut off mid-check resumes from that state
        String lastResult = current.stepDetails() == null ? null : current.stepDetails().result();
        return current.withStatus(STARTED, null)
                .withStepDetails(new StepDetails(attempts(current), null, lastResult, null));
    }

    private static Operation finishAttempt(Operation current, OperationUpdate update, Instant now) {
        if (current != null && current.status() != STARTED && current.status() != READY) {
            throw refuse(update, "a step attempt can end when the step is new, STARTED or READY, not " + current.status());
        }
        Operation step = current == null ? started(update, now) : current;
        int attempts = attempts(current) + 1;
        return switch (update.action()) {
            case SUCCEED -> step.withStatus(SUCCEEDED, now).withStepDetails(new StepDetails(attempts, null, update.payload(), null));
            case FAIL -> step.withStatus(FAILED, now).withStepDetails(new StepDetails(attempts, null, null, update.error()));
            case RETRY -> step.withStatus(PENDING, null).withStepDetails(new StepDetails(attempts,
                    now.plusSeconds(update.stepOptions().nextAttemptDelaySeconds()), update.payload(), update.error()));
            default -> throw refuse(update, "not an action for a step");
        };
    }

    private static Operation finishContext(Operation current, OperationUpdate update, Instant now) {
        if (current != null && current.status() != STARTED) {
            throw refuse(update, "a context can end when new or STARTED, not " + current.status());
        }
        boolean replayChildren = update.contextOptions() != null && Boolean.TRUE.equals(update.contextOptions().replayChildren());
        Operation context = current == null ? started(update, now) : current;
        return context.withStatus(update.action() == SUCCEED ? SUCCEEDED : FAILED, now)
                .withContextDetails(new ContextDetails(replayChildren ? Boolean.TRUE : null, update.payload(), update.error()));
    }

    private static Operation finishExecution(Operation current, OperationUpdate update, Instant now) {
        if (current == null) {
            throw refuse(update, "no such EXECUTION operation");
        }
        return current.withStatus(update.action() == SUCCEED ? SUCCEEDED : FAILED, now);
    }

    private static Operation startOnce(Operation current, OperationUpdate update, Instant now) {
        if (update.action() != START || current != null) {
            throw refuse(update, "this type takes exactly one START");
        }
        return started(update, now);
    }

    private static Operation started(OperationUpdate update, Instant now) {
        return new Operation(update.id(), update.parentId(), update.name(), update.type(), update.subType(), now, null,
                STARTED, null, null, null, null, null);
    }

    private static int attempts(Operation step) {
        return step == null || step.stepDetails() == null || step.stepDetails().attempt() == null ? 0 : step.stepDetails().attempt();
    }

    private String nextCallbackId() {
        String raw = "callback-" + ++callbacksIssued;
        return Base64.getEncoder().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    static InvalidParameterException refuse(OperationUpdate update, String why) {
        return new InvalidParameterException("invalid update " + update.type() + " " + update.action()
                + " for operation '" + update.name() + "' (" + update.id() + "): " + why);
    }
}
