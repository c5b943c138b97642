package io.leavebot.durable;

import io.leavebot.durable.model.ErrorObject;

/**
 * A {@code waitForCondition} failed: its check threw (no retry: {@link #error()} holds what it threw), or its wait
 * strategy gave up ({@link #errorType()} is this class's name). The same exception is thrown on every replay.
 */
public class WaitForConditionFailedException extends DurableOperationException {
    public WaitForConditionFailedException(String operationId, String operationName, ErrorObject error) {
        super(describe("waitForCondition", operationName, error), operationId, operationName, error);
    }

    /** What a {@link WaitForConditionWaitStrategy} throws to give up; the runtime records it as the failure. */
    public WaitForConditionFailedException(String message) {
        super(message, null, null, null);
    }
}
