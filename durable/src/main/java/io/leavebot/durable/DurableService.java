package io.leavebot.durable;

import io.leavebot.durable.model.CheckpointResponse;
import io.leavebot.durable.model.ExecutionState;
import io.leavebot.durable.model.OperationUpdate;
import java.util.List;

/**
 * What a running handler needs from the durable service: record operation updates and read the execution's
 * state. Implemented over the Lambda API ({@code LambdaDurableService}) and by the embedded engine.
 */
public interface DurableService {

    /**
     * Records {@code updates} (possibly none, to read fresh state) and consumes {@code checkpointToken}.
     *
     * @return the token for the next checkpoint and the operations that changed
     * @throws DurableServiceException.InvalidCheckpointTokenException when the token is stale (retryable)
     * @throws DurableServiceException.InvalidParameterException when an update is malformed
     */
    CheckpointResponse checkpoint(String executionArn, String checkpointToken, List<OperationUpdate> updates);

    /**
     * Reads one page of the execution's operations.
     *
     * @param marker   where to continue, from the previous page's {@code NextMarker}
     * @param maxItems page size, at most 1000
     */
    ExecutionState getExecutionState(String executionArn, String checkpointToken, String marker, int maxItems);
}
