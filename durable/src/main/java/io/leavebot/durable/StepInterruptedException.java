package io.leavebot.durable;

import io.leavebot.durable.model.ErrorObject;

/**
 * An at-most-once step was started but its outcome was never recorded (the process died mid-step). The step
 * body is not run again for that attempt; the retry strategy decides whether a new attempt starts.
 */
public class StepInterruptedException extends DurableOperationException {
    public static final String MESSAGE = "the step was started but did not reach completion because the invocation was interrupted";

    public StepInterruptedException(String operationId, String operationName, ErrorObject error) {
        super(describe("step", operationName, error), operationId, operationName, error);
    }

    /** The error recorded for an interrupted at-most-once attempt. */
    public static ErrorObject interruption() {
        return ErrorObject.of(StepInterruptedException.class.getName(), MESSAGE);
    }
}
