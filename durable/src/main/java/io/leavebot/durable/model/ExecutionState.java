package io.leavebot.durable.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.List;

/** A page of operations; {@code NextMarker} is set when more pages follow. */
@JsonNaming(PropertyNamingStrategies.UpperCamelCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ExecutionState(List<Operation> operations, String nextMarker) {

    public ExecutionState {
        operations = operations == null ? List.of() : List.copyOf(operations);
        nextMarker = nextMarker == null || nextMarker.isEmpty() ? null : nextMarker;
    }

    public boolean hasMore() {
        return nextMarker != null;
    }
}
