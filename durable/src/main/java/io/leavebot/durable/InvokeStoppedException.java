package io.leavebot.durable;

import io.leavebot.durable.model.ErrorObject;

/** The invoked function's execution was stopped (StopDurableExecution); {@link #error()} is the reason given, if any. */
public class InvokeStoppedException extends InvokeException {
    public InvokeStoppedException(String operationId, String operationName, ErrorObject error) {
        super(describe("chained invoke", operationName, error), operationId, operationName, error);
    }
}
