package io.leavebot.durable.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/** One change a handler asks the service to record, sent in a checkpoint request. */
@JsonNaming(PropertyNamingStrategies.UpperCamelCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record OperationUpdate(
        String id,
        String parentId,
        String name,
        OperationType type,
        String subType,
        OperationAction action,
        String payload,
        ErrorObject error,
        StepOptions stepOptions,
        WaitOptions waitOptions,
        CallbackOptions callbackOptions,
        ContextOptions contextOptions,
        ChainedInvokeOptions chainedInvokeOptions) {

    /** An update without chained-invoke options: every kind but CHAINED_INVOKE. */
    public OperationUpdate(String id, String parentId, String name, OperationType type, String subType,
            OperationAction action, String payload, ErrorObject error, StepOptions stepOptions, WaitOptions waitOptions,
            CallbackOptions callbackOptions, ContextOptions contextOptions) {
        this(id, parentId, name, type, subType, action, payload, error, stepOptions, waitOptions, callbackOptions,
                contextOptions, null);
    }

    @JsonNaming(PropertyNamingStrategies.UpperCamelCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record StepOptions(Integer nextAttemptDelaySeconds) {
    }

    @JsonNaming(PropertyNamingStrategies.UpperCamelCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record WaitOptions(Integer waitSeconds) {
    }

    @JsonNaming(PropertyNamingStrategies.UpperCamelCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record CallbackOptions(Integer timeoutSeconds, Integer heartbeatTimeoutSeconds) {
    }

    @JsonNaming(PropertyNamingStrategies.UpperCamelCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ContextOptions(Boolean replayChildren) {
    }

    /**
     * What a CHAINED_INVOKE START asks the service to invoke.
     *
     * @param functionName the target: a function name, partial ARN or ARN, with an optional qualifier
     * @param tenantId     the tenant to invoke the function for, or null
     */
    @JsonNaming(PropertyNamingStrategies.UpperCamelCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ChainedInvokeOptions(String functionName, String tenantId) {
    }

    /** Starts building an update for operation {@code id}. */
    public static Builder builder(String id, OperationType type, OperationAction action) {
        return new Builder(id, type, action);
    }

    /** Small builder: most updates set only three or four of the thirteen members. */
    public static final class Builder {
        private final String id;
        private final OperationType type;
        private final OperationAction action;
        private String parentId;
        private String name;
        private String subType;
        private String payload;
        private ErrorObject error;
        private StepOptions stepOptions;
        private WaitOptions waitOptions;
        private CallbackOptions callbackOptions;
        private ContextOptions contextOptions;
        private ChainedInvokeOptions chainedInvokeOptions;

        private Builder(String id, OperationType type, OperationAction action) {
            this.id = id;
            this.type = type;
            this.action = action;
        }

        public Builder parentId(String value) { this.parentId = value; return this; }
        public Builder name(String value) { this.name = value; return this; }
        public Builder subType(String value) { this.subType = value; return this; }
        public Builder payload(String value) { this.payload = value; return this; }
        public Builder error(ErrorObject value) { this.error = value; return this; }
        public Builder stepOptions(StepOptions value) { this.stepOptions = value; return this; }
        public Builder waitOptions(WaitOptions value) { this.waitOptions = value; return this; }
        public Builder callbackOptions(CallbackOptions value) { this.callbackOptions = value; return this; }
        public Builder contextOptions(ContextOptions value) { this.contextOptions = value; return this; }
        public Builder chainedInvokeOptions(ChainedInvokeOptions value) { this.chainedInvokeOptions = value; return this; }

        public OperationUpdate build() {
            return new OperationUpdate(id, parentId, name, type, subType, action, payload, error,
                    stepOptions, waitOptions, callbackOptions, contextOptions, chainedInvokeOptions);
        }
    }
}
