package io.leavebot.durable.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/** What a durable handler returns from one invocation. */
@JsonNaming(PropertyNamingStrategies.UpperCamelCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DurableExecutionOutput(InvocationStatus status, String result, ErrorObject error) {

    public static DurableExecutionOutput succeeded(String result) {
        return new DurableExecutionOutput(InvocationStatus.SUCCEEDED, result, null);
    }

    public static DurableExecutionOutput failed(ErrorObject error) {
        return new DurableExecutionOutput(InvocationStatus.FAILED, null, error);
    }

    public static DurableExecutionOutput pending() {
        return new DurableExecutionOutput(InvocationStatus.PENDING, null, null);
    }
}
