package io.leavebot.durable.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.leavebot.durable.DurableClient;
import io.leavebot.durable.DurableService;
import io.leavebot.durable.execution.WireJson;
import io.leavebot.durable.model.DurableExecution;
import io.leavebot.durable.model.ErrorObject;
import io.leavebot.durable.model.Event;
import io.leavebot.durable.model.ExecutionQuery;
import io.leavebot.durable.model.ExecutionStatus;
import io.leavebot.durable.model.HistoryPage;
import io.leavebot.durable.model.OperationUpdate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The routes under {@code /2025-12-01/durable-executions/{DurableExecutionArn}} (checkpoint, state, get, history,
 * stop) and the listing {@code /2025-12-01/functions/{FunctionName}/durable-executions}.
 */
final class ExecutionRoutes {
    static final int MAX_ITEMS = 1000;

    /** Body of CheckpointDurableExecution; the ClientToken is accepted but unused, as the port has no de-duplication. */
    @JsonNaming(PropertyNamingStrategies.UpperCamelCaseStrategy.class)
    record CheckpointBody(String checkpointToken, List<OperationUpdate> updates, String clientToken) {
    }

    private final DurableService service;
    private final DurableClient client;

    ExecutionRoutes(DurableService service, DurableClient client) {
        this.service = service;
        this.client = client;
    }

    void checkpoint(RestExchange ex, String arn) {
        CheckpointBody body = ex.json(CheckpointBody.class, "CheckpointDurableExecution");
        if (body == null || body.checkpointToken() == null) {
            throw RestError.invalid("CheckpointToken is required");
        }
        List<OperationUpdate> updates = body.updates() == null ? List.of() : body.updates();
        if (updates.stream().anyMatch(Objects::isNull)) {
            throw RestError.invalid("Updates must not contain null entries");
        }
        ex.respondJson(200, service.checkpoint(arn, body.checkpointToken(), updates));
    }

    void state(RestExchange ex, String arn) {
        QueryParams q = ex.params();
        ex.respondJson(200, service.getExecutionState(arn, q.required("CheckpointToken"), q.string("Marker"),
                q.integer("MaxItems", 0, MAX_ITEMS, 0)));
    }

    void get(RestExchange ex, String arn) {
        boolean includeData = ex.params().bool("IncludeExecutionData", true);
        ObjectNode view = executionView(client.getExecution(arn));
        if (!includeData) {
            view.remove(List.of("InputPayload", "Result"));
        }
        view.put("ExecutionDataIncluded", includeData);
        ex.respondJson(200, view);
    }

    void history(RestExchange ex, String arn) {
        QueryParams q = ex.params();
        int maxItems = q.integer("MaxItems", 0, MAX_ITEMS, 0);
        HistoryPage page = q.bool("ReverseOrder", false)
                ? newestFirst(arn, q.string("Marker"), maxItems == 0 ? MAX_ITEMS : maxItems)
                : client.getHistory(arn, q.string("Marker"), maxItems);
        ArrayNode events = WireJson.REST.valueToTree(page.events());
        if (!q.bool("IncludeExecutionData", true)) {
            events.forEach(ExecutionRoutes::dropPayloads);
        }
        ObjectNode body = WireJson.REST.createObjectNode();
        body.set("Events", events);
        putIfPresent(body, "NextMarker", page.nextMarker());
        ex.respondJson(200, body);
    }

    void stop(RestExchange ex, String arn) {
        ErrorObject reason = ex.error("StopDurableExecution");
        client.stopExecution(arn, reason);
        Instant stopped = client.getExecution(arn).endTimestamp();
        ex.respondJson(200, Map.of("StopTimestamp", stopped != null ? stopped : Instant.now()));
    }

    void list(RestExchange ex, String function) {
        QueryParams q = ex.params();
        Set<ExecutionStatus> statuses = new HashSet<>();
        for (String status : q.all("Statuses")) {
            try {
                statuses.add(ExecutionStatus.valueOf(status));
            } catch (IllegalArgumentException e) {
                throw RestError.invalid("Statuses: '" + status + "' is not one of " + List.of(ExecutionStatus.values()));
            }
        }
        var query = new ExecutionQuery(q.string("DurableExecutionName"), statuses, q.instant("StartedAfter"),
                q.instant("StartedBefore"), q.bool("ReverseOrder", false), q.string("Marker"),
                q.integer("MaxItems", 0, MAX_ITEMS, 0));
        var page = client.listExecutions(function, query);
        ArrayNode executions = WireJson.REST.createArrayNode();
        for (DurableExecution execution : page.executions()) {
            executions.add(executionView(execution).retain("DurableExecutionArn", "DurableExecutionName", "FunctionArn",
                    "Status", "StartTimestamp", "EndTimestamp"));
        }
        ObjectNode body = WireJson.REST.createObjectNode();
        body.set("DurableExecutions", executions);
        putIfPresent(body, "NextMarker", page.nextMarker());
        ex.respondJson(200, body);
    }

    private static void putIfPresent(ObjectNode node, String name, String value) {
        if (value != null) {
            node.put(name, value);
        }
    }

    /** GetDurableExecution's members: the function as {@code FunctionArn}, the version the execution runs on. */
    static ObjectNode executionView(DurableExecution execution) {
        ObjectNode view = WireJson.REST.valueToTree(execution);
        view.remove("FunctionName");
        String arn = execution.durableExecutionArn();
        int cut = arn == null ? -1 : arn.indexOf("/durable-execution/");
        if (cut > 0) {
            String functionArn = arn.substring(0, cut);
            view.put("FunctionArn", functionArn);
            view.put("Version", functionArn.substring(functionArn.lastIndexOf(':') + 1));
        } else {
            view.put("FunctionArn", execution.functionName());
        }
        return view;
    }

    /** The port pages oldest first; newest first means reading it all and paging backwards by position. */
    private HistoryPage newestFirst(String arn, String marker, int maxItems) {
        if (marker != null && !marker.matches("r[0-9]{1,9}")) {
            throw RestError.invalid("Marker '" + marker + "' was not issued by this service for ReverseOrder");
        }
        int from = marker == null ? 0 : Integer.parseInt(marker.substring(1));
        List<Event> all = new ArrayList<>();
        String next = null;
        do {
            HistoryPage page = client.getHistory(arn, next, MAX_ITEMS);
            all.addAll(page.events());
            next = page.nextMarker();
        } while (next != null);
        Collections.reverse(all);
        int to = Math.min(all.size(), from + maxItems);
        List<Event> shown = from >= all.size() ? List.of() : all.subList(from, to);
        return new HistoryPage(shown, to < all.size() ? "r" + to : null);
    }

    /** Without execution data, events keep their shape but not the payloads inside {@code {Payload, Truncated}}. */
    private static void dropPayloads(JsonNode node) {
        if (node instanceof ObjectNode object) {
            if (object.has("Truncated")) {
                object.remove("Payload");
            }
            object.forEach(ExecutionRoutes::dropPayloads);
        }
    }
}
