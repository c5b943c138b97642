package io.leavebot.balance;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The policy file as a JSON tree that knows the line each of its keys and values is on, so that what is wrong in
 * it — a misspelt key as much as a number that is not one — is said with its line. Jackson's tree keeps no
 * locations, so a streaming pass over the same text notes the line of every JSON pointer first.
 */
final class PolicyJson {
    private static final ObjectMapper JSON = new ObjectMapper().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    private static final Pattern PLAIN_KEY = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private final String source;
    private final Map<String, Integer> lines;

    private PolicyJson(String source, Map<String, Integer> lines) {
        this.source = source;
        this.lines = lines;
    }

    /**
     * The document's root.
     *
     * @throws IllegalArgumentException naming the source and the line when the text is not JSON
     */
    static Value parse(String json, String source) {
        JsonNode root;
        Map<String, Integer> lines = new HashMap<>();
        try (JsonParser parser = JSON.createParser(json)) {
            root = JSON.readTree(json);
            for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
                JsonStreamContext context = token.isStructStart() ? parser.getParsingContext().getParent() : parser.getParsingContext();
                if (!token.isStructEnd()) {
                    lines.putIfAbsent(context.pathAsPointer().toString(), parser.currentTokenLocation().getLineNr());
                }
            }
        } catch (JsonProcessingException e) {
            String line = e.getLocation() == null ? "" : " line " + e.getLocation().getLineNr();
            throw new IllegalArgumentException(source + line + ": it is not valid JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new UncheckedIOException(e); // reading from a string
        }
        if (root == null || root.isMissingNode()) {
            throw new IllegalArgumentException(source + ": it is empty; it needs at least \"groups\"");
        }
        return new PolicyJson(source, lines).new Value(JsonPointer.empty(), "", root);
    }

    /** A value in the document and where it is; its readers say what is wrong with it, with key path and line. */
    final class Value {
        private final JsonPointer pointer;
        /** As people read it: {@code groups.staff.annual.carryOver.cap}, {@code people."sam@example.com"}, {@code companyDaysOff[0]}. */
        private final String path;
        private final JsonNode node;

        private Value(JsonPointer pointer, String path, JsonNode node) {
            this.pointer = pointer;
            this.path = path;
            this.node = node;
        }

        private Value child(String key) {
            String shown = PLAIN_KEY.matcher(key).matches() ? key : "\"" + key + "\"";
            return new Value(pointer.appendProperty(key), path.isEmpty() ? shown : path + "." + shown, node.get(key));
        }

        JsonNode node() {
            return node;
        }

        boolean isText() {
            return node.isTextual();
        }

        boolean isObject() {
            return node.isObject();
        }

        boolean has(String key) {
            return node.has(key) && !node.get(key).isNull();
        }

        /** The value of {@code key} of this object, or null when it is not given (or null). */
        Value get(String key) {
            return has(key) ? child(key) : null;
        }

        /** The object's keys and values, in the file's order. */
        List<Map.Entry<String, Value>> entries() {
            List<Map.Entry<String, Value>> entries = new ArrayList<>();
            node.properties().forEach(e -> entries.add(Map.entry(e.getKey(), child(e.getKey()))));
            return entries;
        }

        /** The array's elements. */
        List<Value> elements() {
            List<Value> elements = new ArrayList<>();
            for (int i = 0; i < node.size(); i++) {
                elements.add(new Value(pointer.appendIndex(i), path + "[" + i + "]", node.get(i)));
            }
            return elements;
        }

        /** This value, an object with any keys. */
        Value map(String what) {
            if (!node.isObject()) {
                throw problem("must be " + what + ", but is " + shown());
            }
            return this;
        }

        /** This value, an object of which only {@code allowed} keys are given. */
        Value object(Set<String> allowed, String what) {
            map(what);
            for (Map.Entry<String, Value> entry : entries()) {
                if (!allowed.contains(entry.getKey())) {
                    throw entry.getValue().problem("is not a key LeaveBot knows here; the keys of " + (path.isEmpty()
                            ? "the top level" : path) + " are " + String.join(", ", allowed.stream().sorted().toList()));
                }
            }
            return this;
        }

        Value array(String what) {
            if (!node.isArray()) {
                throw problem("must be " + what + " in [ ], but is " + shown());
            }
            return this;
        }

        String text(String what) {
            if (!node.isTextual() || node.asText().isBlank()) {
                throw problem("must be " + what + " in quotes, but is " + shown());
            }
            return node.asText().trim();
        }

        /** A number of 0 or more, or (with {@code zeroAllowed} false) more than 0. */
        BigDecimal number(String what, boolean zeroAllowed) {
            int sign = node.isNumber() ? node.decimalValue().signum() : -1;
            if (sign < 0 || sign == 0 && !zeroAllowed) {
                throw problem("must be " + what + (zeroAllowed ? ", 0 or more" : ", more than 0") + ", but is " + shown());
            }
            return node.decimalValue();
        }

        boolean bool() {
            if (!node.isBoolean()) {
                throw problem("must be true or false (without quotes), but is " + shown());
            }
            return node.booleanValue();
        }

        LocalDate date() {
            String text = text("a date such as \"2027-01-04\"");
            try {
                return LocalDate.parse(text);
            } catch (DateTimeParseException e) {
                throw problem("must be a date such as \"2027-01-04\" (year-month-day), but is " + shown());
            }
        }

        /** How the value is written in the file, for "but is …". */
        String shown() {
            return node.isTextual() ? "\"" + node.asText() + "\"" : node.isContainerNode() ? (node.isArray() ? "a list" : "an object")
                    : node.toString();
        }

        /** What is wrong with this value, said with the source, its line and its key path. */
        IllegalArgumentException problem(String what) {
            Integer line = null;
            for (JsonPointer p = pointer; line == null && p != null; p = p.head()) {
                line = lines.get(p.toString());
            }
            String where = source + (line == null ? "" : " line " + line) + ": ";
            return new IllegalArgumentException(where + (path.isEmpty() ? "the policy " : path + " ") + what);
        }
    }
}
