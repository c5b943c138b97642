package io.leavebot.durable;

import io.leavebot.durable.model.ErrorObject;

/** The invoked function's execution ran past its execution timeout. */
public class InvokeTimedOutException extends InvokeException {
    public InvokeTimedOutException(String operationId, String operationName, ErrorObject error) {
        super(describe("chained invoke", operationName, error), operationId, operationName, error);
    }
}
