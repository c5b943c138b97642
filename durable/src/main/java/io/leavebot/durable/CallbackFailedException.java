package io.leavebot.durable;

import io.leavebot.durable.model.ErrorObject;

/** The callback was completed with a failure; {@link #error()} is the error the outside caller sent. */
public class CallbackFailedException extends CallbackException {
    public CallbackFailedException(String operationId, String operationName, ErrorObject error) {
        super(describe("callback", operationName, error), operationId, operationName, error);
    }
}
