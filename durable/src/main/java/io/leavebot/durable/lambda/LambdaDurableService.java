package io.leavebot.durable.lambda;

import io.leavebot.durable.DurableService;
import io.leavebot.durable.model.CheckpointResponse;
import io.leavebot.durable.model.ExecutionState;
import io.leavebot.durable.model.OperationUpdate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.CheckpointDurableExecutionResponse;
import software.amazon.awssdk.services.lambda.model.GetDurableExecutionStateResponse;

/**
 * {@link DurableService} over the Lambda API ({@code CheckpointDurableExecution}, {@code GetDurableExecutionState}).
 * This is what a {@code DurableHandler} deployed to AWS checkpoints to. Failures arrive as
 * {@link io.leavebot.durable.DurableServiceException} subclasses: throttling, service faults, network errors and a
 * stale checkpoint token are retryable (the handler fails the invocation and Lambda re-invokes it); any other
 * refusal is not.
 */
public final class LambdaDurableService implements DurableService {
    private static final Object LOCK = new Object();
    private static volatile LambdaDurableService fromEnvironment;

    private final LambdaClient lambda;

    /** Checkpoints through {@code lambda}; the caller owns the client and closes it. */
    public LambdaDurableService(LambdaClient lambda) {
        this.lambda = lambda;
    }

    /**
     * The service for the Lambda function this JVM runs in: one client for the region in {@code AWS_REGION},
     * built on first use and shared by every invocation of the process.
     *
     * @throws IllegalStateException when {@code AWS_REGION} is not set
     */
    public static LambdaDurableService fromEnvironment() {
        LambdaDurableService service = fromEnvironment;
        if (service == null) {
            synchronized (LOCK) {
                service = fromEnvironment;
                if (service == null) {
                    service = new LambdaDurableService(clientFor(System.getenv()));
                    fromEnvironment = service;
                }
            }
        }
        return service;
    }

    /** A Lambda client for the region named in {@code env}'s {@code AWS_REGION}, with the default credentials chain. */
    static LambdaClient clientFor(Map<String, String> env) {
        String region = env.get("AWS_REGION");
        if (region == null || region.isBlank()) {
            throw new IllegalStateException("AWS_REGION is not set, so the durable runtime cannot tell which region's "
                    + "Lambda API to checkpoint to. Lambda sets it for deployed functions; elsewhere set AWS_REGION, "
                    + "or configure DurableConfig.withService(...) (the embedded engine needs neither)");
        }
        return LambdaClient.builder()
                .region(Region.of(region))
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .build();
    }

    @Override
    public CheckpointResponse checkpoint(String executionArn, String checkpointToken, List<OperationUpdate> updates) {
        // one client token per logical checkpoint: the SDK's own retries of this call re-send it, so the service
        // de-duplicates a retry whose first attempt did arrive instead of refusing its already-used token
        String clientToken = UUID.randomUUID().toString();
        CheckpointDurableExecutionResponse response = LambdaErrors.call("CheckpointDurableExecution",
                () -> lambda.checkpointDurableExecution(r -> r
                        .durableExecutionArn(executionArn)
                        .checkpointToken(checkpointToken)
                        .clientToken(clientToken)
                        .updates(updates == null ? List.of() : updates.stream().map(SdkConverter::toSdk).toList())));
        var state = response.newExecutionState();
        ExecutionState changed = state == null ? new ExecutionState(List.of(), null)
                : SdkConverter.state(state.operations(), state.nextMarker());
        return new CheckpointResponse(response.checkpointToken(), changed);
    }

    @Override
    public ExecutionState getExecutionState(String executionArn, String checkpointToken, String marker, int maxItems) {
        GetDurableExecutionStateResponse response = LambdaErrors.call("GetDurableExecutionState",
                () -> lambda.getDurableExecutionState(r -> r
                        .durableExecutionArn(executionArn)
                        .checkpointToken(checkpointToken)
                        .marker(marker)
                        .maxItems(maxItems > 0 ? maxItems : null)));
        return SdkConverter.state(response.operations(), response.nextMarker());
    }
}
