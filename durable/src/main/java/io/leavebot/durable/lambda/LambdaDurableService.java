package io.leavebot.durable.lambda;

import static io.leavebot.durable.lambda.AwsRequest.segment;

import io.leavebot.durable.DurableService;
import io.leavebot.durable.DurableServiceException.InvalidParameterException;
import io.leavebot.durable.execution.WireJson;
import io.leavebot.durable.model.CheckpointResponse;
import io.leavebot.durable.model.ExecutionState;
import io.leavebot.durable.model.OperationUpdate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * {@link DurableService} over the Lambda API ({@code CheckpointDurableExecution}, {@code GetDurableExecutionState}).
 * This is what a {@code DurableHandler} deployed to AWS checkpoints to. Failures arrive as
 * {@link io.leavebot.durable.DurableServiceException} subclasses: throttling, service faults, network errors and a
 * stale checkpoint token are retryable (the handler fails the invocation and Lambda re-invokes it); any other
 * refusal is not.
 */
public final class LambdaDurableService implements DurableService {
    static final String DURABLE_API = "/2025-12-01";
    static final String JSON = "application/json";
    private static final Object LOCK = new Object();
    private static volatile LambdaDurableService fromEnvironment;

    private final AwsHttpCaller lambda;

    /** Checkpoints through {@code lambda}, a caller for the Lambda API (see {@link #callerFor}). */
    public LambdaDurableService(AwsHttpCaller lambda) {
        this.lambda = Objects.requireNonNull(lambda, "lambda");
    }

    /**
     * The service for the Lambda function this JVM runs in: one caller for the region in {@code AWS_REGION},
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
                    service = new LambdaDurableService(callerFor(System.getenv()).build());
                    fromEnvironment = service;
                }
            }
        }
        return service;
    }

    /**
     * A caller for the Lambda API in the region named by {@code env}'s {@code AWS_REGION}, with the default
     * credentials chain; set its endpoint or credentials before building it to point it elsewhere.
     */
    public static AwsHttpCaller.Builder callerFor(Map<String, String> env) {
        String region = env.get("AWS_REGION");
        if (region == null || region.isBlank()) {
            throw new IllegalStateException("AWS_REGION is not set, so the durable runtime cannot tell which region's "
                    + "Lambda API to checkpoint to. Lambda sets it for deployed functions; elsewhere set AWS_REGION, "
                    + "or configure DurableConfig.withService(...) (the embedded engine needs neither)");
        }
        return AwsHttpCaller.builder("lambda", region);
    }

    @Override
    public CheckpointResponse checkpoint(String executionArn, String checkpointToken, List<OperationUpdate> updates) {
        // one client token per logical checkpoint: retries of this call re-send it, so the service de-duplicates
        // a retry whose first attempt did arrive instead of refusing its already-used token
        var body = new LinkedHashMap<String, Object>();
        body.put("CheckpointToken", checkpointToken);
        body.put("Updates", updates == null ? List.of() : updates);
        body.put("ClientToken", UUID.randomUUID().toString());
        var request = AwsRequest.post(executionPath(executionArn, "/checkpoint"), JSON, LambdaWire.json(body));
        CheckpointResponse response = LambdaErrors.call("CheckpointDurableExecution",
                () -> lambda.callJson(request, WireJson.REST, CheckpointResponse.class));
        if (response == null) {
            throw LambdaErrors.unreadable("the Lambda API answered CheckpointDurableExecution with no body", null);
        }
        ExecutionState changed = response.newExecutionState() == null ? new ExecutionState(List.of(), null)
                : response.newExecutionState();
        return new CheckpointResponse(response.checkpointToken(), changed);
    }

    @Override
    public ExecutionState getExecutionState(String executionArn, String checkpointToken, String marker, int maxItems) {
        var request = AwsRequest.get(executionPath(executionArn, "/state"))
                .withQuery("CheckpointToken", checkpointToken)
                .withQuery("Marker", marker)
                .withQuery("MaxItems", maxItems > 0 ? maxItems : null);
        ExecutionState state = LambdaErrors.call("GetDurableExecutionState",
                () -> lambda.callJson(request, WireJson.REST, ExecutionState.class));
        return state == null ? new ExecutionState(List.of(), null) : state;
    }

    /** {@code /2025-12-01/durable-executions/<encoded ARN><action>}. */
    static String executionPath(String executionArn, String action) {
        return DURABLE_API + "/durable-executions/" + requiredSegment(executionArn, "the durable execution's ARN") + action;
    }

    /** {@code value} encoded as one path segment; an absent one is refused here, as the SDK refuses it. */
    static String requiredSegment(String value, String what) {
        if (value == null || value.isBlank()) {
            throw new InvalidParameterException(what + " must be given");
        }
        return segment(value);
    }
}
