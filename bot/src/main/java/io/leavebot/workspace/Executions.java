package io.leavebot.workspace;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.leavebot.durable.DurableClient;
import io.leavebot.durable.DurableServiceException;
import io.leavebot.durable.model.DurableExecution;
import io.leavebot.durable.model.ExecutionQuery;
import io.leavebot.durable.model.HistoryPage;
import io.leavebot.workflow.LeaveRequests;
import java.util.Optional;
import java.util.Set;

/**
 * The leave workflow's durable executions, for the executions panel: the newest ones with their status, and one
 * execution's history (every event, in the service's shapes) for its timeline. Read through the {@link DurableClient}
 * port, as any caller outside an execution reads them.
 */
final class Executions {
    private static final int SHOWN = 50;
    private static final int HISTORY_PAGE = 1000;
    /** Enough for any leave request's history; a longer one is cut, and says so. */
    private static final int MAX_EVENTS = 5000;
    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private final DurableClient durable;

    Executions(DurableClient durable) {
        this.durable = durable;
    }

    /** The newest executions, each with its ARN, name, status, and start and end times. */
    ArrayNode newest() {
        var query = new ExecutionQuery(null, Set.of(), null, null, true, null, SHOWN);
        ArrayNode list = JSON.createArrayNode();
        for (DurableExecution e : durable.listExecutions(LeaveRequests.FUNCTION, query).executions()) {
            list.addObject().put("arn", e.durableExecutionArn()).put("name", e.durableExecutionName()).put("status", e.status().name())
                    .put("started", e.startTimestamp() == null ? null : e.startTimestamp().toString())
                    .put("ended", e.endTimestamp() == null ? null : e.endTimestamp().toString());
        }
        return list;
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
