package io.leavebot.durable.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.security.SecureRandom;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The named values of one case run: its {@code Variables} (resolved once, before the run) and the {@code ${X}}
 * placeholders the history matcher binds on first use. Everything that substitutes ({@code Input}, callback
 * names and payloads, the expected result, literal strings in the expected history) reads from here.
 */
final class Placeholders {
    /** A variable generator: {@code ${GEN_STR:N}} is a random string of N letters and digits. */
    private static final Pattern GEN_STR = Pattern.compile("^\\$\\{GEN_STR:(\\d+)\\}$");
    /** A reference anywhere inside a string; the name stops at the first closing brace. */
    private static final Pattern REFERENCE = Pattern.compile("\\$\\{([^}]+)\\}");
    private static final String ALPHABET = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";

    private final Map<String, JsonNode> bindings = new LinkedHashMap<>();
    private final Random random;

    Placeholders(Random random) {
        this.random = random;
    }

    Placeholders() {
        this(new SecureRandom());
    }

    /** Resolves a case's {@code Variables} in file order: generators run, anything else is substituted. */
    Placeholders withVariables(Map<String, String> variables) {
        variables.forEach((name, spec) -> bind(name, TextNode.valueOf(resolveVariable(spec))));
        return this;
    }

    private String resolveVariable(String spec) {
        Matcher generator = GEN_STR.matcher(spec);
        if (!generator.matches()) {
            return substitute(spec).asText();
        }
        int length = Integer.parseInt(generator.group(1));
        var value = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            value.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return value.toString();
    }

    boolean has(String name) {
        return bindings.containsKey(name);
    }

    Optional<JsonNode> get(String name) {
        return Optional.ofNullable(bindings.get(name));
    }

    void bind(String name, JsonNode value) {
        bindings.put(name, value);
    }

    Map<String, JsonNode> bindings() {
        return Map.copyOf(bindings);
    }

    /**
     * Replaces known references in every string of {@code value}. A string that is exactly one known reference
     * becomes the bound value itself (which may be a number or an object); references inside a longer string are
     * replaced by the bound value's text. Unknown references stay as written.
     */
    JsonNode substitute(JsonNode value) {
        if (value == null) {
            return null;
        }
        if (value.isTextual()) {
            return substitute(value.asText());
        }
        if (value.isObject()) {
            ObjectNode copy = JsonNodeFactory.instance.objectNode();
            value.properties().forEach(field -> copy.set(field.getKey(), substitute(field.getValue())));
            return copy;
        }
        if (value.isArray()) {
            ArrayNode copy = JsonNodeFactory.instance.arrayNode();
            value.forEach(item -> copy.add(substitute(item)));
            return copy;
        }
        return value;
    }

    JsonNode substitute(String text) {
        Matcher whole = REFERENCE.matcher(text);
        if (whole.matches() && bindings.containsKey(whole.group(1))) {
            return bindings.get(whole.group(1));
        }
        Matcher reference = REFERENCE.matcher(text);
        var result = new StringBuilder();
        while (reference.find()) {
            JsonNode bound = bindings.get(reference.group(1));
            String replacement = bound == null ? reference.group() : bound.isTextual() ? bound.asText() : bound.toString();
            reference.appendReplacement(result, Matcher.quoteReplacement(replacement));
        }
        reference.appendTail(result);
        return TextNode.valueOf(result.toString());
    }
}
