package io.leavebot.durable.conformance;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.leavebot.durable.execution.WireJson;
import io.leavebot.durable.model.Event;
import java.util.List;
import java.util.Map;

/**
 * JSON as the conformance suite's Python runner sees it. The runner compares values with Python's {@code ==}
 * (so {@code 2 == 2.0}), renders them with {@code str()} before a regex search, and encodes success payloads
 * with {@code json.dumps} (separators {@code ", "} and {@code ": "}, non-ASCII escaped).
 */
final class SuiteJson {
    static final ObjectMapper MAPPER = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private SuiteJson() {
    }

    /**
     * History events in the service's JSON shape ({@link WireJson#ENVELOPE}), without null members: the service
     * omits a member it has no value for, so a null here must not count as "present".
     */
    static List<JsonNode> events(List<Event> events) {
        return events.stream().map(e -> withoutNulls(WireJson.ENVELOPE.valueToTree(e))).toList();
    }

    static JsonNode withoutNulls(JsonNode node) {
        if (node.isObject()) {
            ObjectNode copy = MAPPER.createObjectNode();
            node.properties().forEach(f -> {
                if (!f.getValue().isNull()) {
                    copy.set(f.getKey(), withoutNulls(f.getValue()));
                }
            });
            return copy;
        }
        if (node.isArray()) {
            var copy = MAPPER.createArrayNode();
            node.forEach(item -> copy.add(withoutNulls(item)));
            return copy;
        }
        return node;
    }

    /** Python's {@code ==} on decoded JSON: numbers (and booleans, which are ints there) compare by value. */
    static boolean pythonEquals(JsonNode a, JsonNode b) {
        if (isNumeric(a) && isNumeric(b)) {
            return number(a).compareTo(number(b)) == 0;
        }
        if (a.isObject() && b.isObject()) {
            if (a.size() != b.size()) {
                return false;
            }
            for (Map.Entry<String, JsonNode> field : a.properties()) {
                if (!b.has(field.getKey()) || !pythonEquals(field.getValue(), b.get(field.getKey()))) {
                    return false;
                }
            }
            return true;
        }
        if (a.isArray() && b.isArray()) {
            if (a.size() != b.size()) {
                return false;
            }
            for (int i = 0; i < a.size(); i++) {
                if (!pythonEquals(a.get(i), b.get(i))) {
                    return false;
                }
            }
            return true;
        }
        return a.getNodeType() == b.getNodeType() && a.equals(b);
    }

    private static boolean isNumeric(JsonNode node) {
        return node.isNumber() || node.isBoolean();
    }

    private static java.math.BigDecimal number(JsonNode node) {
        return node.isBoolean() ? java.math.BigDecimal.valueOf(node.asBoolean() ? 1 : 0) : node.decimalValue();
    }

    /** Python's {@code str()} of a decoded JSON value, which is what a {@code ${/regex/}} is searched in. */
    static String str(JsonNode node) {
        if (node.isTextual()) {
            return node.asText();
        }
        if (node.isNull() || node.isMissingNode()) {
            return "None";
        }
        if (node.isBoolean()) {
            return node.asBoolean() ? "True" : "False";
        }
        if (node.isIntegralNumber()) {
            return node.bigIntegerValue().toString();
        }
        if (node.isNumber()) {
            return Double.toString(node.doubleValue());
        }
        return dumps(node);
    }

    /** Python's {@code json.dumps(value)} with its default options. */
    static String dumps(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return "null";
        }
        if (node.isTextual()) {
            return quote(node.asText());
        }
        if (node.isObject()) {
            var out = new StringBuilder("{");
            node.properties().forEach(f -> {
                out.append(out.length() > 1 ? ", " : "").append(quote(f.getKey())).append(": ").append(dumps(f.getValue()));
            });
            return out.append('}').toString();
        }
        if (node.isArray()) {
            var out = new StringBuilder("[");
            node.forEach(item -> out.append(out.length() > 1 ? ", " : "").append(dumps(item)));
            return out.append(']').toString();
        }
        if (node.isBoolean()) {
            return node.asBoolean() ? "true" : "false";
        }
        return str(node);
    }

    private static String quote(String text) {
        var out = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                default -> out.append(c < 0x20 || c > 0x7e ? String.format("\\u%04x", (int) c) : String.valueOf(c));
            }
        }
        return out.append('"').toString();
    }

    /** Compact JSON text for failure messages. */
    static String text(JsonNode node) {
        try {
            return node == null ? "(none)" : MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            return String.valueOf(node);
        }
    }
}
