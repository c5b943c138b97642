package io.leavebot.durable;

import io.leavebot.durable.model.ErrorObject;

/** The submitter of a {@code waitForCallback} failed after its retries; the callback was never handed out. */
public class CallbackSubmitterException extends CallbackException {
    public CallbackSubmitterException(String operationId, String operationName, ErrorObject error) {
        super(describe("the submitter of callback", operationName, error), operationId, operationName, error);
    }
}
