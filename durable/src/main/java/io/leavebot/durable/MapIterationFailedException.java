package io.leavebot.durable;

import io.leavebot.durable.model.ErrorObject;

/**
 * A map iteration threw something that is not itself a {@link DurableOperationException}; raised by
 * {@link BatchResult#throwIfError()}. Operation exceptions from inside an iteration are raised unchanged.
 */
public class MapIterationFailedException extends DurableOperationException {
    public MapIterationFailedException(String operationId, String operationName, ErrorObject error) {
        super(describe("map iteration", operationName, error), operationId, operationName, error);
    }
}
