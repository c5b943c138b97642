package io.leavebot.durable.model;

import java.util.List;

/** A page of executions; {@code nextMarker} is null on the last page. */
public record ExecutionPage(List<DurableExecution> executions, String nextMarker) {
    public ExecutionPage {
        executions = List.copyOf(executions);
    }
}
