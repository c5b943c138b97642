package io.leavebot.durable;

import io.leavebot.durable.model.ErrorObject;

/** The invoked function's execution failed; {@link #error()} is the error it ended with. */
public class InvokeFailedException extends InvokeException {
    public InvokeFailedException(String operationId, String operationName, ErrorObject error) {
        super(describe("chained invoke", operationName, error), operationId, operationName, error);
    }
}
