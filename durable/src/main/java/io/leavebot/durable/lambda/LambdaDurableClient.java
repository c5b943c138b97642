package io.leavebot.durable.lambda;

import static io.leavebot.durable.lambda.AwsRequest.segment;
import static io.leavebot.durable.lambda.LambdaDurableService.DURABLE_API;
import static io.leavebot.durable.lambda.LambdaDurableService.JSON;
import static io.leavebot.durable.lambda.LambdaDurableService.executionPath;
import static io.leavebot.durable.lambda.LambdaDurableService.requiredSegment;
import static io.leavebot.durable.lambda.LambdaErrors.call;

import com.fasterxml.jackson.databind.JsonNode;

import io.leavebot.durable.DurableClient;
import io.leavebot.durable.DurableServiceException.InvalidParameterException;
import io.leavebot.durable.model.DurableExecution;
import io.leavebot.durable.execution.WireJson;
import io.leavebot.durable.model.ErrorObject;
import io.leavebot.durable.model.ExecutionPage;
import io.leavebot.durable.model.ExecutionQuery;
import io.leavebot.durable.model.HistoryPage;
import io.leavebot.durable.model.StartedExecution;
import java.util.Arrays;
import java.util.Objects;

/**
 * {@link DurableClient} over the Lambda API, for callers outside an execution. It is built for one function,
 * given as a name, an ARN or, best, an alias or version ARN (durable functions are invoked qualified, and running
 * executions keep the version they started on). A call that names that function, by the same string or by its bare
 * function name, goes to the configured target; any other function name is passed to Lambda unchanged.
 *
 * <p>{@link StartedExecution#alreadyStarted()} is always false here: Lambda answers a repeated start of a running
 * execution (same name and input) with that execution's ARN, in the same shape as a new start.
 */
public final class LambdaDurableClient implements DurableClient {
    private final AwsHttpCaller lambda;
    private final String function;
    private final String bareName;

    /** Calls {@code function} (name, ARN, or alias ARN) through {@code lambda}, a caller for the Lambda API. */
    public LambdaDurableClient(AwsHttpCaller lambda, String function) {
        this.lambda = Objects.requireNonNull(lambda, "lambda");
        if (function == null || function.isBlank()) {
            throw new IllegalArgumentException("the durable function to call must be given (a name, ARN or alias ARN)");
        }
        this.function = function;
        this.bareName = bareName(function);
    }

    @Override
    public StartedExecution start(String functionName, String executionName, String inputJson) {
        String target = targetFor(functionName);
        var request = AwsRequest.post("/2015-03-31/functions/" + segment(target) + "/invocations", JSON,
                        AwsRequest.utf8(inputJson))
                .withHeader("X-Amz-Invocation-Type", "Event")
                .withHeader("X-Amz-Durable-Execution-Name", executionName);
        String arn = call("Invoke", () -> lambda.call(request)).header("X-Amz-Durable-Execution-Arn");
        if (arn == null) {
            throw new InvalidParameterException("Lambda accepted the invocation of " + target + " but started no durable "
                    + "execution; is durable execution enabled on that function?");
        }
        return new StartedExecution(arn, false);
    }

    @Override
    public void succeedCallback(String callbackId, String resultJson) {
        // no result is no body, and then no content type, as the SDK sends it
        var request = AwsRequest.post(callbackPath(callbackId, "/succeed"), resultJson == null ? null : JSON,
                AwsRequest.utf8(resultJson));
        call("SendDurableExecutionCallbackSuccess", () -> lambda.call(request));
    }

    @Override
    public void failCallback(String callbackId, ErrorObject error) {
        var request = AwsRequest.post(callbackPath(callbackId, "/fail"), JSON, errorBody(error));
        call("SendDurableExecutionCallbackFailure", () -> lambda.call(request));
    }

    @Override
    public void heartbeatCallback(String callbackId) {
        var request = AwsRequest.post(callbackPath(callbackId, "/heartbeat"), null, null);
        call("SendDurableExecutionCallbackHeartbeat", () -> lambda.call(request));
    }

    @Override
    public DurableExecution getExecution(String executionArn) {
        var request = AwsRequest.get(executionPath(executionArn, "")).withQuery("IncludeExecutionData", true);
        return LambdaWire.execution(call("GetDurableExecution", () -> lambda.callJson(request, WireJson.REST, JsonNode.class)));
    }

    @Override
    public ExecutionPage listExecutions(String functionName, ExecutionQuery query) {
        var request = AwsRequest.get(DURABLE_API + "/functions/" + segment(unqualified(targetFor(functionName)))
                        + "/durable-executions")
                .withQuery("DurableExecutionName", query.executionName())
                .withQuery("StartedAfter", query.startedAfter())
                .withQuery("StartedBefore", query.startedBefore())
                .withQuery("ReverseOrder", query.reverseOrder() ? Boolean.TRUE : null)
                .withQuery("Marker", query.marker())
                .withQuery("MaxItems", query.maxItems() > 0 ? query.maxItems() : null);
        for (String status : query.statuses().stream().map(Enum::name).sorted().toList()) {
            request = request.withQuery("Statuses", status);
        }
        var sent = request;
        JsonNode page = call("ListDurableExecutionsByFunction", () -> lambda.callJson(sent, WireJson.REST, JsonNode.class));
        return new ExecutionPage(LambdaWire.executions(page.get("DurableExecutions")),
                emptyToNull(LambdaWire.text(page, "NextMarker")));
    }

    @Override
    public void stopExecution(String executionArn, ErrorObject reason) {
        var request = AwsRequest.post(executionPath(executionArn, "/stop"), JSON, errorBody(reason));
        call("StopDurableExecution", () -> lambda.call(request));
    }

    @Override
    public HistoryPage getHistory(String executionArn, String marker, int maxItems) {
        var request = AwsRequest.get(executionPath(executionArn, "/history"))
                .withQuery("IncludeExecutionData", true)
                .withQuery("Marker", marker)
                .withQuery("MaxItems", maxItems > 0 ? maxItems : null);
        JsonNode page = call("GetDurableExecutionHistory", () -> lambda.callJson(request, WireJson.REST, JsonNode.class));
        return new HistoryPage(LambdaWire.events(page.get("Events")), emptyToNull(LambdaWire.text(page, "NextMarker")));
    }

    /** The error object is the whole body; none is an empty JSON object, as the SDK sends it. */
    private static byte[] errorBody(ErrorObject error) {
        return error == null ? AwsRequest.utf8("{}") : LambdaWire.json(error);
    }

    private static String callbackPath(String callbackId, String action) {
        return DURABLE_API + "/durable-execution-callbacks/" + requiredSegment(callbackId, "the callback id") + action;
    }

    private String targetFor(String functionName) {
        if (functionName == null || functionName.equals(function) || functionName.equals(bareName)) {
            return function;
        }
        return functionName;
    }

    /** {@code my-fn}, {@code my-fn:live}, {@code 123456789012:function:my-fn[:live]} or a full ARN → {@code my-fn}. */
    static String bareName(String function) {
        String[] parts = function.split(":");
        if (function.startsWith("arn:")) {
            return parts.length >= 7 ? parts[6] : function;
        }
        return parts.length >= 3 && parts[1].equals("function") ? parts[2] : parts[0];
    }

    /** The function without a version or alias qualifier, as listing by function expects. */
    static String unqualified(String function) {
        String[] parts = function.split(":");
        if (function.startsWith("arn:")) {
            return parts.length > 7 ? String.join(":", Arrays.copyOf(parts, 7)) : function;
        }
        if (parts.length >= 3 && parts[1].equals("function")) {
            return String.join(":", Arrays.copyOf(parts, 3));
        }
        return parts[0];
    }

    private static String emptyToNull(String marker) {
        return marker == null || marker.isEmpty() ? null : marker;
    }
}
