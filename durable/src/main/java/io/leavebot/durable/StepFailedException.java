package io.leavebot.durable;

import io.leavebot.durable.model.ErrorObject;

/** A step failed and its retry strategy gave up; {@link #error()} holds what the step threw last. */
public class StepFailedException extends DurableOperationException {
    public StepFailedException(String operationId, String operationName, ErrorObject error) {
        super(describe("step", operationName, error), operationId, operationName, error);
    }
}
