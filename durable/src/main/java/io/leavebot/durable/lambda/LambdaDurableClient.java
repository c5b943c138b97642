package io.leavebot.durable.lambda;

import static io.leavebot.durable.lambda.LambdaErrors.call;

import io.leavebot.durable.DurableClient;
import io.leavebot.durable.DurableServiceException.InvalidParameterException;
import io.leavebot.durable.model.DurableExecution;
import io.leavebot.durable.model.ErrorObject;
import io.leavebot.durable.model.ExecutionPage;
import io.leavebot.durable.model.ExecutionQuery;
import io.leavebot.durable.model.HistoryPage;
import io.leavebot.durable.model.StartedExecution;
import java.util.Arrays;
import java.util.Objects;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.InvocationType;

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
    private final LambdaClient lambda;
    private final String function;
    private final String bareName;

    /** Calls {@code function} (name, ARN, or alias ARN) through {@code lambda}; the caller owns and closes the client. */
    public LambdaDurableClient(LambdaClient lambda, String function) {
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
        var response = call("Invoke", () -> lambda.invoke(r -> r
                .functionName(target)
                .invocationType(InvocationType.EVENT)
                .durableExecutionName(executionName)
                .payload(inputJson == null ? null : SdkBytes.fromUtf8String(inputJson))));
        if (response.durableExecutionArn() == null) {
            throw new InvalidParameterException("Lambda accepted the invocation of " + target + " but started no durable "
                    + "execution; is durable execution enabled on that function?");
        }
        return new StartedExecution(response.durableExecutionArn(), false);
    }

    @Override
    public void succeedCallback(String callbackId, String resultJson) {
        call("SendDurableExecutionCallbackSuccess", () -> lambda.sendDurableExecutionCallbackSuccess(r -> r
                .callbackId(callbackId)
                .result(resultJson == null ? null : SdkBytes.fromUtf8String(resultJson))));
    }

    @Override
    public void failCallback(String callbackId, ErrorObject error) {
        call("SendDurableExecutionCallbackFailure", () -> lambda.sendDurableExecutionCallbackFailure(r -> r
                .callbackId(callbackId)
                .error(SdkConverter.toSdk(error))));
    }

    @Override
    public void heartbeatCallback(String callbackId) {
        call("SendDurableExecutionCallbackHeartbeat",
                () -> lambda.sendDurableExecutionCallbackHeartbeat(r -> r.callbackId(callbackId)));
    }

    @Override
    public DurableExecution getExecution(String executionArn) {
        return SdkConverter.fromSdk(call("GetDurableExecution", () -> lambda.getDurableExecution(r -> r
                .durableExecutionArn(executionArn)
                .includeExecutionData(true))));
    }

    @Override
    public ExecutionPage listExecutions(String functionName, ExecutionQuery query) {
        var response = call("ListDurableExecutionsByFunction", () -> lambda.listDurableExecutionsByFunction(r -> r
                .functionName(unqualified(targetFor(functionName)))
                .durableExecutionName(query.executionName())
                .statusesWithStrings(query.statuses().isEmpty() ? null
                        : query.statuses().stream().map(Enum::name).sorted().toList())
                .startedAfter(query.startedAfter())
                .startedBefore(query.startedBefore())
                .reverseOrder(query.reverseOrder() ? Boolean.TRUE : null)
                .marker(query.marker())
                .maxItems(query.maxItems() > 0 ? query.maxItems() : null)));
        return new ExecutionPage(response.durableExecutions().stream().map(SdkConverter::fromSdk).toList(),
                emptyToNull(response.nextMarker()));
    }

    @Override
    public void stopExecution(String executionArn, ErrorObject reason) {
        call("StopDurableExecution", () -> lambda.stopDurableExecution(r -> r
                .durableExecutionArn(executionArn)
                .error(SdkConverter.toSdk(reason))));
    }

    @Override
    public HistoryPage getHistory(String executionArn, String marker, int maxItems) {
        var response = call("GetDurableExecutionHistory", () -> lambda.getDurableExecutionHistory(r -> r
                .durableExecutionArn(executionArn)
                .includeExecutionData(true)
                .marker(marker)
                .maxItems(maxItems > 0 ? maxItems : null)));
        return new HistoryPage(response.events().stream().map(SdkConverter::fromSdk).toList(),
                emptyToNull(response.nextMarker()));
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
