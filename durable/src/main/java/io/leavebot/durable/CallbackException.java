package io.leavebot.durable;

import io.leavebot.durable.model.ErrorObject;

/** A callback did not complete with success. */
public abstract class CallbackException extends DurableOperationException {
    protected CallbackException(String message, String operationId, String operationName, ErrorObject error) {
        super(message, operationId, operationName, error);
    }
}
