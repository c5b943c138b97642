package io.leavebot.workspace;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.leavebot.durable.DurableClient;
import io.leavebot.durable.DurableServiceException;
import io.leavebot.durable.model.DurableExecution;
import io.leavebot.durable.model.ExecutionPage;
import io.leavebot.durable.model.ExecutionQuery;
import io.leavebot.durable.model.HistoryPage;
import io.leavebot.leave.LeaveRequest;
import io.leavebot.workflow.LeaveRequests;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The leave workflow's durable executions, for the executions panel: a page of them, newest first, each with its
 * status and its leave's (an execution SUCCEEDS whether the leave is approved, rejected, expired or withdrawn), and
 * one execution's history (every event, in the service's shapes) for its timeline. Read through the
 * {@link DurableClient} port, as any caller outside an execution reads them.
 */
final class Executions {
    static final int PAGE = 50;
    private static final int HISTORY_PAGE = 1000;
    /** Enough for any leave request's history; a longer one is cut, and says so. */
    private static final int MAX_EVENTS = 5000;
    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private final DurableClient durable;
    private final Function<String, Optional<LeaveRequest>> leaves;

    /** @param leaves the leave request with an id, as LeaveBot has it */
    Executions(DurableClient durable, Function<String, Optional<LeaveRequest>> leaves) {
        this.durable = durable;
        this.leaves = leaves;
    }

    /**
     * Up to {@value #PAGE} executions, newest first, from {@code marker} (null: the newest): each with its ARN, name,
     * status, its leave's status (once recorded), and start and end times; {@code next_marker} when there are older.
     */
    ObjectNode page(String marker) {
        var query = new ExecutionQuery(null, Set.of(), null, null, true, marker, PAGE);
        ExecutionPage page = durable.listExecutions(LeaveRequests.FUNCTION, query);
        ObjectNode answer = JSON.createObjectNode();
        ArrayNode list = answer.putArray("executions");
        for (DurableExecution e : page.executions()) {
            ObjectNode row = list.addObject().put("arn", e.durableExecutionArn()).put("name", e.durableExecutionName())
                    .put("status", e.status().name())
                    .put("started", e.startTimestamp() == null ? null : e.startTimestamp().toString())
                    .put("ended", e.endTimestamp() == null ? null : e.endTimestamp().toString());
            LeaveRequest.requestIdIn(e.durableExecutionName()).flatMap(leaves)
                    .ifPresent(leave -> row.put("leave", leave.status().name()));
        }
        if (page.nextMarker() != null) {
            answer.put("next_marker", page.nextMarker());
        }
        return answer;
    }

    /** The execution's history, oldest first; empty when there is no execution with this ARN. */
    Optional<ArrayNode> history(String arn) {
        ArrayNode events = JSON.createArrayNode();
        try {
            String marker = null;
            do {
                HistoryPage page = durable.getHistory(arn, marker, HISTORY_PAGE);
                page.events().forEach(event -> events.add(JSON.valueToTree(event)));
                marker = page.nextMarker();
            } while (marker != null && events.size() < MAX_EVENTS);
        } catch (DurableServiceException.ResourceNotFoundException e) {
            return Optional.empty();
        }
        return Optional.of(events);
    }
}
