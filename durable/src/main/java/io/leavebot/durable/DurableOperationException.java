package io.leavebot.durable;

import io.leavebot.durable.model.ErrorObject;

/**
 * A durable operation ended in failure; a workflow may catch it and carry on. The same exception, with the
 * same error, is thrown on the first run and on every replay.
 */
public abstract class DurableOperationException extends DurableExecutionException {
    private final String operationId;
    private final String operationName;
    private final ErrorObject error;

    protected DurableOperationException(String message, String operationId, String operationName, ErrorObject error) {
        super(message);
        this.operationId = operationId;
        this.operationName = operationName;
        this.error = error;
    }

    /** The deterministic id of the failed operation. */
    public String operationId() {
        return operationId;
    }

    /** The name given to the operation, or null. */
    public String operationName() {
        return operationName;
    }

    /** The original error as recorded by the service. */
    public ErrorObject error() {
        return error;
    }

    /** The type of the original error, e.g. the class name of what the step threw. */
    public String errorType() {
        return error == null ? null : error.errorType();
    }

    /** The message of the original error. */
    public String errorMessage() {
        return error == null ? null : error.errorMessage();
    }

    static String describe(String what, String operationName, ErrorObject error) {
        String label = operationName == null ? what : what + " '" + operationName + "'";
        return error == null ? label : label + ": " + error.errorType() + ": " + error.errorMessage();
    }
}
