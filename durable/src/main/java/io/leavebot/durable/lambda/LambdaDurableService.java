package io.leavebot.durable.lambda;

import io.leavebot.durable.DurableService;
import io.leavebot.durable.model.CheckpointResponse;
import io.leavebot.durable.model.ExecutionState;
import io.leavebot.durable.model.OperationUpdate;
import java.util.List;

/** PLACEHOLDER being written: {@link DurableService} over the AWS SDK LambdaClient. */
public final class LambdaDurableService implements DurableService {
    public static LambdaDurableService fromEnvironment() {
        throw new UnsupportedOperationException("not yet");
    }

    @Override
    public CheckpointResponse checkpoint(String executionArn, String checkpointToken, List<OperationUpdate> updates) {
        throw new UnsupportedOperationException("not yet");
    }

    @Override
    public ExecutionState getExecutionState(String executionArn, String checkpointToken, String marker, int maxItems) {
        throw new UnsupportedOperationException("not yet");
    }
}
