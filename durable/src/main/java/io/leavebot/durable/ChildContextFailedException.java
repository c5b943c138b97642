package io.leavebot.durable;

import io.leavebot.durable.model.ErrorObject;

/**
 * The function of a child context threw something that is not itself a {@link DurableOperationException}
 * ({@link #error()} describes it). Operation exceptions from inside a child pass through unchanged.
 */
public class ChildContextFailedException extends DurableOperationException {
    public ChildContextFailedException(String operationId, String operationName, ErrorObject error) {
        super(describe("child context", operationName, error), operationId, operationName, error);
    }
}
