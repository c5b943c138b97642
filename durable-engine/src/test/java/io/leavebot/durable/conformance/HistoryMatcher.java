package io.leavebot.durable.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Matches an expected history against the actual one with the conformance suite's rules
 * ({@code durable-protocol.md} section 5.2):
 * <ul>
 *   <li>expected events are joined to actual events by {@code EventId}; actual events not listed are ignored;</li>
 *   <li>within an event only the expected keys are compared, recursively, and each must be present;</li>
 *   <li>{@code {}} means "don't care" and {@code '*'} matches any value;</li>
 *   <li>{@code ${X}} binds to the actual value on first use and must equal it afterwards;</li>
 *   <li>{@code ${/regex/}} is searched in the actual value's text;</li>
 *   <li>lists must have the same length; anything else must be equal, after substituting known
 *       placeholders into expected strings;</li>
 *   <li>before matching, a WaitForCallback context's {@code Name} is copied onto its child events that lack
 *       one.</li>
 * </ul>
 * Placeholders bound here stay bound in the {@link Placeholders} the matcher was given.
 */
final class HistoryMatcher {
    private static final Pattern PLACEHOLDER = Pattern.compile("^\\$\\{(.+)\\}$");
    private static final Pattern REGEX = Pattern.compile("^\\$\\{/(.+)/\\}$");

    private final Placeholders placeholders;

    HistoryMatcher(Placeholders placeholders) {
        this.placeholders = placeholders;
    }

    /** One expected event that did not match, with every path that differed. */
    record Mismatch(long eventId, List<String> problems, JsonNode expected, JsonNode actual) {
        String describe() {
            return "EventId " + eventId + ":\n    " + String.join("\n    ", problems)
                    + "\n  expected event: " + SuiteJson.text(expected)
                    + "\n  actual event:   " + SuiteJson.text(actual);
        }
    }

    /** @return the expected events that did not match; empty when the history matches */
    List<Mismatch> match(List<JsonNode> expectedEvents, List<JsonNode> actualEvents) {
        Map<Long, JsonNode> actualById = new HashMap<>();
        for (JsonNode event : inheritWaitForCallbackNames(actualEvents)) {
            if (event.hasNonNull("EventId")) {
                actualById.put(event.get("EventId").asLong(), event);
            }
        }
        var mismatches = new ArrayList<Mismatch>();
        for (JsonNode expected : expectedEvents) {
            JsonNode eventId = expected.get("EventId");
            if (eventId == null || !eventId.canConvertToLong()) {
                mismatches.add(new Mismatch(-1, List.of("expected event has no EventId"), expected, null));
                continue;
            }
            long id = eventId.asLong();
            JsonNode actual = actualById.get(id);
            List<String> problems = actual == null
                    ? List.of("no actual event with EventId " + id)
                    : matchValue(expected, actual, "Event[EventId=" + id + "]");
            if (!problems.isEmpty()) {
                mismatches.add(new Mismatch(id, problems, expected, actual));
            }
        }
        return mismatches;
    }

    /** Matches one value with the same rules; returns one line per path that differs. */
    List<String> matchValue(JsonNode expected, JsonNode actual, String path) {
        var problems = new ArrayList<String>();
        matchValue(expected, actual, path, problems);
        return problems;
    }

    private void matchValue(JsonNode expected, JsonNode actual, String path, List<String> problems) {
        if (expected.isObject() && expected.isEmpty()) {
            return;
        }
        if (expected.isTextual() && matchSpecialString(expected.asText(), actual, path, problems)) {
            return;
        }
        if (expected.isObject() && actual.isObject()) {
            expected.properties().forEach(field -> {
                JsonNode actualChild = actual.get(field.getKey());
                if (actualChild == null) {
                    problems.add(path + "." + field.getKey() + ": key missing in actual event");
                } else {
                    matchValue(field.getValue(), actualChild, path + "." + field.getKey(), problems);
                }
            });
            return;
        }
        if (expected.isArray() && actual.isArray()) {
            if (expected.size() != actual.size()) {
                problems.add(path + ": list length mismatch (expected " + expected.size() + ", got " + actual.size() + ")");
                return;
            }
            for (int i = 0; i < expected.size(); i++) {
                matchValue(expected.get(i), actual.get(i), path + "[" + i + "]", problems);
            }
            return;
        }
        JsonNode resolved = expected.isTextual() ? placeholders.substitute(expected.asText()) : expected;
        if (!SuiteJson.pythonEquals(resolved, actual)) {
            problems.add(path + ": expected " + SuiteJson.text(resolved) + ", got " + SuiteJson.text(actual));
        }
    }

    /** Handles {@code '*'}, {@code ${/regex/}} and {@code ${X}}; false when the string is a plain literal. */
    private boolean matchSpecialString(String expected, JsonNode actual, String path, List<String> problems) {
        if (expected.equals("*")) {
            return true;
        }
        Matcher regex = REGEX.matcher(expected);
        if (regex.matches()) {
            try {
                if (!Pattern.compile(regex.group(1)).matcher(SuiteJson.str(actual)).find()) {
                    problems.add(path + ": value " + SuiteJson.text(actual) + " does not match regex /" + regex.group(1) + "/");
                }
            } catch (PatternSyntaxException e) {
                problems.add(path + ": invalid regex /" + regex.group(1) + "/: " + e.getDescription());
            }
            return true;
        }
        Matcher placeholder = PLACEHOLDER.matcher(expected);
        if (placeholder.matches()) {
            String name = placeholder.group(1);
            JsonNode bound = placeholders.get(name).orElse(null);
            if (bound == null) {
                placeholders.bind(name, actual);
            } else if (!SuiteJson.pythonEquals(bound, actual)) {
                problems.add(path + ": placeholder ${" + name + "} was bound to " + SuiteJson.text(bound)
                        + ", but got " + SuiteJson.text(actual));
            }
            return true;
        }
        return false;
    }

    /**
     * Copies of the events in which every direct child of a WaitForCallback context that has no {@code Name}
     * carries the context's name, as the suite's runner prepares histories before matching.
     */
    static List<JsonNode> inheritWaitForCallbackNames(List<JsonNode> events) {
        Map<String, String> contextNames = new HashMap<>();
        for (JsonNode event : events) {
            if (event.path("SubType").asText().equals("WaitForCallback") && event.path("EventType").asText().startsWith("Context")
                    && event.hasNonNull("Id") && event.hasNonNull("Name")) {
                contextNames.put(event.get("Id").asText(), event.get("Name").asText());
            }
        }
        var result = new ArrayList<JsonNode>(events.size());
        for (JsonNode event : events) {
            String inherited = contextNames.get(event.path("ParentId").asText(null));
            if (inherited != null && !event.hasNonNull("Name") && event.isObject()) {
                ObjectNode copy = ((ObjectNode) event).deepCopy();
                copy.put("Name", inherited);
                result.add(copy);
            } else {
                result.add(event);
            }
        }
        return result;
    }
}
