package io.leavebot.durable.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.time.Instant;

/** One operation of an execution, as the service stores and returns it. */
@JsonNaming(PropertyNamingStrategies.UpperCamelCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Operation(
        String id,
        String parentId,
        String name,
        OperationType type,
        String subType,
        Instant startTimestamp,
        Instant endTimestamp,
        OperationStatus status,
        ExecutionDetails executionDetails,
        ContextDetails contextDetails,
        StepDetails stepDetails,
        WaitDetails waitDetails,
        CallbackDetails callbackDetails,
        ChainedInvokeDetails chainedInvokeDetails) {

    /** An operation without chained-invoke details: every kind but CHAINED_INVOKE. */
    public Operation(String id, String parentId, String name, OperationType type, String subType, Instant startTimestamp,
            Instant endTimestamp, OperationStatus status, ExecutionDetails executionDetails, ContextDetails contextDetails,
            StepDetails stepDetails, WaitDetails waitDetails, CallbackDetails callbackDetails) {
        this(id, parentId, name, type, subType, startTimestamp, endTimestamp, status, executionDetails, contextDetails,
                stepDetails, waitDetails, callbackDetails, null);
    }

    @JsonNaming(PropertyNamingStrategies.UpperCamelCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ExecutionDetails(String inputPayload) {
    }

    @JsonNaming(PropertyNamingStrategies.UpperCamelCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ContextDetails(Boolean replayChildren, String result, ErrorObject error) {
    }

    @JsonNaming(PropertyNamingStrategies.UpperCamelCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record StepDetails(Integer attempt, Instant nextAttemptTimestamp, String result, ErrorObject error) {
    }

    @JsonNaming(PropertyNamingStrategies.UpperCamelCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record WaitDetails(Instant scheduledEndTimestamp) {
    }

    @JsonNaming(PropertyNamingStrategies.UpperCamelCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record CallbackDetails(String callbackId, String result, ErrorObject error) {
    }

    /** The outcome of a chained invoke: the target execution's result or error. */
    @JsonNaming(PropertyNamingStrategies.UpperCamelCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ChainedInvokeDetails(String result, ErrorObject error) {
    }

    public Operation withStatus(OperationStatus newStatus, Instant end) {
        return new Operation(id, parentId, name, type, subType, startTimestamp, end, newStatus,
                executionDetails, contextDetails, stepDetails, waitDetails, callbackDetails, chainedInvokeDetails);
    }

    public Operation withContextDetails(ContextDetails details) {
        return new Operation(id, parentId, name, type, subType, startTimestamp, endTimestamp, status,
                executionDetails, details, stepDetails, waitDetails, callbackDetails, chainedInvokeDetails);
    }

    public Operation withStepDetails(StepDetails details) {
        return new Operation(id, parentId, name, type, subType, startTimestamp, endTimestamp, status,
                executionDetails, contextDetails, details, waitDetails, callbackDetails, chainedInvokeDetails);
    }

    public Operation withWaitDetails(WaitDetails details) {
        return new Operation(id, parentId, name, type, subType, startTimestamp, endTimestamp, status,
                executionDetails, contextDetails, stepDetails, details, callbackDetails, chainedInvokeDetails);
    }

    public Operation withCallbackDetails(CallbackDetails details) {
        return new Operation(id, parentId, name, type, subType, startTimestamp, endTimestamp, status,
                executionDetails, contextDetails, stepDetails, waitDetails, details, chainedInvokeDetails);
    }

    public Operation withChainedInvokeDetails(ChainedInvokeDetails details) {
        return new Operation(id, parentId, name, type, subType, startTimestamp, endTimestamp, status,
                executionDetails, contextDetails, stepDetails, waitDetails, callbackDetails, details);
    }
}
