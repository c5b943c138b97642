package io.leavebot.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * One DynamoDB attribute value, as its JSON API writes it: a one-field object whose name is the type ({@code S},
 * {@code N}, {@code BOOL}, {@code NULL}, {@code M}, {@code L}, {@code SS}, {@code NS}, {@code B}, {@code BS}).
 * Numbers stay text, as DynamoDB sends them, so no precision is lost. The factories and accessors are named as the
 * AWS SDK's {@code AttributeValue}'s, and behave alike: an accessor of another type answers null (a scalar) or an
 * empty collection. Immutable.
 */
public final class DynamoDbValue {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final String type;
    private final Object value;

    private DynamoDbValue(String type, Object value) {
        this.type = type;
        this.value = Objects.requireNonNull(value, () -> "a DynamoDB " + type + " value must not be null");
    }

    public static DynamoDbValue fromS(String text) {
        return new DynamoDbValue("S", text);
    }

    /** A number, as DynamoDB's text of it ({@code "12.5"}). */
    public static DynamoDbValue fromN(String number) {
        return new DynamoDbValue("N", number);
    }

    public static DynamoDbValue fromBool(boolean bool) {
        return new DynamoDbValue("BOOL", bool);
    }

    public static DynamoDbValue fromNul() {
        return new DynamoDbValue("NULL", true);
    }

    public static DynamoDbValue fromM(Map<String, DynamoDbValue> map) {
        return new DynamoDbValue("M", Map.copyOf(map));
    }

    public static DynamoDbValue fromL(List<DynamoDbValue> list) {
        return new DynamoDbValue("L", List.copyOf(list));
    }

    public static DynamoDbValue fromSs(Collection<String> strings) {
        return new DynamoDbValue("SS", List.copyOf(strings));
    }

    public static DynamoDbValue fromNs(Collection<String> numbers) {
        return new DynamoDbValue("NS", List.copyOf(numbers));
    }

    public static DynamoDbValue fromB(byte[] bytes) {
        return new DynamoDbValue("B", bytes.clone());
    }

    public static DynamoDbValue fromBs(Collection<byte[]> bytes) {
        return new DynamoDbValue("BS", bytes.stream().map(byte[]::clone).toList());
    }

    /** The type's name in DynamoDB's JSON: {@code S}, {@code N}, {@code BOOL}, {@code M}, … */
    public String type() {
        return type;
    }

    public String s() {
        return is("S") ? (String) value : null;
    }

    public String n() {
        return is("N") ? (String) value : null;
    }

    public Boolean bool() {
        return is("BOOL") ? (Boolean) value : null;
    }

    /** True for DynamoDB's {@code NULL}; null otherwise, as the SDK answers. */
    public Boolean nul() {
        return is("NULL") ? Boolean.TRUE : null;
    }

    @SuppressWarnings("unchecked")
    public Map<String, DynamoDbValue> m() {
        return is("M") ? (Map<String, DynamoDbValue>) value : Map.of();
    }

    @SuppressWarnings("unchecked")
    public List<DynamoDbValue> l() {
        return is("L") ? (List<DynamoDbValue>) value : List.of();
    }

    @SuppressWarnings("unchecked")
    public List<String> ss() {
        return is("SS") ? (List<String>) value : List.of();
    }

    @SuppressWarnings("unchecked")
    public List<String> ns() {
        return is("NS") ? (List<String>) value : List.of();
    }

    public byte[] b() {
        return is("B") ? ((byte[]) value).clone() : null;
    }

    @SuppressWarnings("unchecked")
    public List<byte[]> bs() {
        return is("BS") ? ((List<byte[]>) value).stream().map(byte[]::clone).toList() : List.of();
    }

    private boolean is(String name) {
        return type.equals(name);
    }

    /** The item (or key) as DynamoDB's JSON writes it: attribute name → typed value. */
    static ObjectNode toJson(Map<String, DynamoDbValue> item) {
        ObjectNode json = NODES.objectNode();
        item.forEach((name, value) -> json.set(name, value.toJson()));
        return json;
    }

    /** An item (or key) from DynamoDB's JSON; an absent or JSON-null one is empty. */
    static Map<String, DynamoDbValue> itemFrom(JsonNode json) {
        Map<String, DynamoDbValue> item = new LinkedHashMap<>();
        if (json != null && json.isObject()) {
            json.properties().forEach(field -> item.put(field.getKey(), fromJson(field.getValue())));
        }
        return item;
    }

    private ObjectNode toJson() {
        ObjectNode json = NODES.objectNode();
        switch (type) {
            case "S", "N" -> json.put(type, (String) value);
            case "BOOL", "NULL" -> json.put(type, (Boolean) value);
            case "M" -> json.set(type, toJson(m()));
            case "L" -> {
                ArrayNode list = json.putArray(type);
                l().forEach(element -> list.add(element.toJson()));
            }
            case "SS", "NS" -> {
                ArrayNode set = json.putArray(type);
                (type.equals("SS") ? ss() : ns()).forEach(set::add);
            }
            case "B" -> json.put(type, Base64.getEncoder().encodeToString((byte[]) value));
            case "BS" -> {
                ArrayNode set = json.putArray(type);
                bs().forEach(bytes -> set.add(Base64.getEncoder().encodeToString(bytes)));
            }
            default -> throw new IllegalStateException("unknown DynamoDB type " + type);
        }
        return json;
    }

    private static DynamoDbValue fromJson(JsonNode json) {
        Iterator<Map.Entry<String, JsonNode>> fields = json.properties().iterator();
        if (!fields.hasNext()) {
            throw new IllegalArgumentException("DynamoDB answered an attribute value with no type: " + json);
        }
        Map.Entry<String, JsonNode> typed = fields.next();
        JsonNode v = typed.getValue();
        return switch (typed.getKey()) {
            case "S" -> fromS(v.asText());
            case "N" -> fromN(v.asText());
            case "BOOL" -> fromBool(v.asBoolean());
            case "NULL" -> fromNul();
            case "M" -> fromM(itemFrom(v));
            case "L" -> fromL(elements(v).stream().map(DynamoDbValue::fromJson).toList());
            case "SS" -> fromSs(elements(v).stream().map(JsonNode::asText).toList());
            case "NS" -> fromNs(elements(v).stream().map(JsonNode::asText).toList());
            case "B" -> fromB(Base64.getDecoder().decode(v.asText()));
            case "BS" -> fromBs(elements(v).stream().map(e -> Base64.getDecoder().decode(e.asText())).toList());
            default -> throw new IllegalArgumentException("DynamoDB answered an attribute value of a type this client "
                    + "does not read: " + json);
        };
    }

    private static List<JsonNode> elements(JsonNode array) {
        List<JsonNode> elements = new ArrayList<>();
        for (JsonNode element : array) {
            elements.add(element);
        }
        return elements;
    }

    /** Same type and value; sets compare as sets, since DynamoDB keeps no order in them. */
    @Override
    public boolean equals(Object other) {
        return other instanceof DynamoDbValue that && type.equals(that.type) && comparable().equals(that.comparable());
    }

    @Override
    public int hashCode() {
        return Objects.hash(type, comparable());
    }

    /** The value as equals compares it: bytes as text (Base64), sets as sets. */
    private Object comparable() {
        return switch (type) {
            case "B" -> Base64.getEncoder().encodeToString((byte[]) value);
            case "BS" -> bs().stream().map(Base64.getEncoder()::encodeToString).collect(Collectors.toSet());
            case "SS", "NS" -> Set.copyOf((List<?>) value);
            default -> value;
        };
    }

    @Override
    public String toString() {
        return toJson().toString();
    }
}
