package io.leavebot.durable;

import io.leavebot.durable.model.ErrorObject;

/** A chained invoke did not end with a result: the target execution failed, timed out or was stopped. */
public abstract class InvokeException extends DurableOperationException {
    protected InvokeException(String message, String operationId, String operationName, ErrorObject error) {
        super(message, operationId, operationName, error);
    }
}
