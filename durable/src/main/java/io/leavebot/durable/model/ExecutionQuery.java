package io.leavebot.durable.model;

import java.time.Instant;
import java.util.Set;

/**
 * Filters for listing executions of one function; every member is optional.
 *
 * @param maxItems page size, 1–1000; 0 means the default (100)
 */
public record ExecutionQuery(
        String executionName,
        Set<ExecutionStatus> statuses,
        Instant startedAfter,
        Instant startedBefore,
        boolean reverseOrder,
        String marker,
        int maxItems) {

    public ExecutionQuery {
        statuses = statuses == null ? Set.of() : Set.copyOf(statuses);
    }

    public static ExecutionQuery all() {
        return new ExecutionQuery(null, Set.of(), null, null, false, null, 0);
    }

    public static ExecutionQuery withStatus(ExecutionStatus status) {
        return new ExecutionQuery(null, Set.of(status), null, null, false, null, 0);
    }

    public static ExecutionQuery named(String executionName) {
        return new ExecutionQuery(executionName, Set.of(), null, null, false, null, 0);
    }
}
