package io.leavebot.infra;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Reads the app's context values ({@code -c key=value} on the CDK command line, or the {@code context} of
 * {@code cdk.json}) and collects every problem, so that one run names all that is missing or malformed.
 * A value given on the command line is text; one from a JSON file may also be a number or an object.
 */
final class ContextValues {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Function<String, Object> context;
    private final List<String> problems = new ArrayList<>();

    /** @param context the context value of a key, or null when it has none */
    ContextValues(Function<String, Object> context) {
        this.context = context;
    }

    /** The value as text; empty when the key is unset or blank. */
    Optional<String> optional(String key) {
        Object value = context.apply(key);
        if (value == null) {
            return Optional.empty();
        }
        String text = value instanceof Map || value instanceof List ? json(value) : value.toString().trim();
        return text.isEmpty() ? Optional.empty() : Optional.of(text);
    }

    /** The value as text; null, and a problem naming the key and what it must hold, when it is unset. */
    String required(String key, String what) {
        return optional(key).orElseGet(() -> {
            problems.add(key + " is not set: give " + what + " (-c " + key + "=…).");
            return null;
        });
    }

    /**
     * The value (or {@code fallback} when unset) read by {@code parse}; null, and a problem saying what was
     * {@code expected}, when {@code parse} throws.
     */
    <T> T parsed(String key, String fallback, Function<String, T> parse, String expected) {
        String text = optional(key).orElse(fallback);
        try {
            return parse.apply(text);
        } catch (RuntimeException e) {
            problems.add(key + " must be " + expected + ", but was '" + text + "'.");
            return null;
        }
    }

    /** The value, which must be a JSON object (text, or an object in a JSON file), as JSON text. */
    String jsonObject(String key, String what) {
        String text = required(key, what);
        if (text == null) {
            return null;
        }
        try {
            JsonNode node = JSON.readTree(text);
            if (node != null && node.isObject()) {
                return text;
            }
        } catch (JsonProcessingException e) {
            problems.add(key + " is not valid JSON (" + e.getOriginalMessage() + "); give " + what + ".");
            return null;
        }
        problems.add(key + " must be a JSON object: give " + what + ".");
        return null;
    }

    /** Records {@code problem} unless {@code ok}. */
    void check(boolean ok, String problem) {
        if (!ok) {
            problems.add(problem);
        }
    }

    /** @throws StackInputException listing every problem found so far, one a line */
    void throwIfAnyProblem() {
        if (!problems.isEmpty()) {
            throw new StackInputException("The LeaveBot stack cannot be built:\n  - "
                    + String.join("\n  - ", problems));
        }
    }

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a context value read from JSON could not be written back as JSON", e);
        }
    }
}
