package io.leavebot.durable.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.List;

/** The event Lambda hands a durable handler on every invocation. */
@JsonNaming(PropertyNamingStrategies.UpperCamelCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DurableExecutionInput(
        String durableExecutionArn,
        String checkpointToken,
        ExecutionState initialExecutionState,
        List<String> updatedOperationIds) {
}
