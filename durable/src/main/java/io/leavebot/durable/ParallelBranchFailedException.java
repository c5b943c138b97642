package io.leavebot.durable;

import io.leavebot.durable.model.ErrorObject;

/**
 * A parallel branch threw something that is not itself a {@link DurableOperationException}; raised by
 * {@link BatchResult#throwIfError()}. Operation exceptions from inside a branch are raised unchanged.
 */
public class ParallelBranchFailedException extends DurableOperationException {
    public ParallelBranchFailedException(String operationId, String operationName, ErrorObject error) {
        super(describe("parallel branch", operationName, error), operationId, operationName, error);
    }
}
