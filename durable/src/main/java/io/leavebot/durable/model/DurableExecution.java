package io.leavebot.durable.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.time.Instant;

/** An execution as callers outside it see it (GetDurableExecution / ListDurableExecutionsByFunction). */
@JsonNaming(PropertyNamingStrategies.UpperCamelCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DurableExecution(
        String durableExecutionArn,
        String durableExecutionName,
        String functionName,
        ExecutionStatus status,
        String inputPayload,
        String result,
        ErrorObject error,
        Instant startTimestamp,
        Instant endTimestamp) {
}
