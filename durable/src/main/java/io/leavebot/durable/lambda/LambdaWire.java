package io.leavebot.durable.lambda;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.leavebot.durable.execution.WireJson;
import io.leavebot.durable.model.DurableExecution;
import io.leavebot.durable.model.ErrorObject;
import io.leavebot.durable.model.Event;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Lambda durable API's JSON where it differs from our records ({@code io.leavebot.durable.model}, which
 * otherwise mirror it member for member): executions name their function by ARN, and history events carry their
 * details in a member named after the event type, whose values we keep as plain maps with errors and timestamps typed.
 */
final class LambdaWire {
    private LambdaWire() {
    }

    static byte[] json(Object value) {
        try {
            return WireJson.REST.writeValueAsBytes(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** GetDurableExecution's answer, or one entry of a listing. */
    static DurableExecution execution(JsonNode node) {
        ObjectNode copy = ((ObjectNode) node).deepCopy();
        JsonNode functionArn = copy.remove("FunctionArn");
        DurableExecution read = read(copy, DurableExecution.class);
        return new DurableExecution(read.durableExecutionArn(), read.durableExecutionName(),
                functionNameOf(functionArn == null || functionArn.isNull() ? null : functionArn.asText()), read.status(),
                read.inputPayload(), read.result(), read.error(), read.startTimestamp(), read.endTimestamp());
    }

    static List<DurableExecution> executions(JsonNode array) {
        var executions = new ArrayList<DurableExecution>();
        if (array != null) {
            array.forEach(node -> executions.add(execution(node)));
        }
        return executions;
    }

    static List<Event> events(JsonNode array) {
        var events = new ArrayList<Event>();
        if (array != null) {
            array.forEach(node -> events.add(event(node)));
        }
        return events;
    }

    static Event event(JsonNode node) {
        String type = text(node, "EventType");
        JsonNode details = type == null ? null : node.get(type + "Details");
        @SuppressWarnings("unchecked")
        Map<String, Object> map = details != null && details.isObject() ? (Map<String, Object>) plain(details, null) : Map.of();
        return new Event(node.path("EventId").asLong(), read(node.get("EventTimestamp"), Instant.class), type,
                text(node, "Id"), text(node, "Name"), text(node, "ParentId"), text(node, "SubType"), map);
    }

    /**
     * A details value as our events hold it: objects as ordered maps, except an error's {@code Payload}, which is
     * an {@link ErrorObject}; members named {@code …Timestamp} as instants; numbers as Integer or Long.
     */
    private static Object plain(JsonNode node, String name) {
        if (node.isObject()) {
            var map = new LinkedHashMap<String, Object>();
            node.fields().forEachRemaining(member -> {
                if (member.getKey().equals("Error") && member.getValue().isObject()) {
                    map.put("Error", errorEnvelope(member.getValue()));
                } else if (!member.getValue().isNull()) {
                    map.put(member.getKey(), plain(member.getValue(), member.getKey()));
                }
            });
            return map;
        }
        if (node.isArray()) {
            var list = new ArrayList<>();
            node.forEach(element -> list.add(plain(element, null)));
            return list;
        }
        if (name != null && name.endsWith("Timestamp") && (node.isNumber() || node.isTextual())) {
            return read(node, Instant.class);
        }
        if (node.isNumber()) {
            return node.canConvertToInt() && node.isIntegralNumber() ? (Object) node.intValue()
                    : node.isIntegralNumber() ? (Object) node.longValue() : (Object) node.doubleValue();
        }
        return node.isBoolean() ? node.booleanValue() : node.asText();
    }

    /** {@code {"Payload": {ErrorType, …}, "Truncated": false}}: the payload is an error object. */
    private static Map<String, Object> errorEnvelope(JsonNode node) {
        var map = new LinkedHashMap<String, Object>();
        node.fields().forEachRemaining(member -> {
            if (member.getKey().equals("Payload") && member.getValue().isObject()) {
                map.put("Payload", read(member.getValue(), ErrorObject.class));
            } else if (!member.getValue().isNull()) {
                map.put(member.getKey(), plain(member.getValue(), member.getKey()));
            }
        });
        return map;
    }

    /**
     * The function's name from a function ARN ({@code arn:aws:lambda:<region>:<account>:function:<name>[:<qualifier>]}),
     * so an execution names its function the same way here and in the embedded engine. Anything else is kept.
     */
    static String functionNameOf(String functionArn) {
        if (functionArn == null || !functionArn.startsWith("arn:")) {
            return functionArn;
        }
        String[] parts = functionArn.split(":");
        return parts.length >= 7 && parts[5].equals("function") ? parts[6] : functionArn;
    }

    static String text(JsonNode node, String member) {
        JsonNode value = node == null ? null : node.get(member);
        return value == null || value.isNull() ? null : value.asText();
    }

    static <T> T read(JsonNode node, Class<T> type) {
        if (node == null || node.isNull()) {
            return null;
        }
        try {
            return WireJson.REST.treeToValue(node, type);
        } catch (IOException | IllegalArgumentException e) {
            throw LambdaErrors.unreadable("the Lambda API sent a " + type.getSimpleName() + " this runtime cannot read ("
                    + e.getMessage() + "); upgrade LeaveBot's durable module", e);
        }
    }
}
