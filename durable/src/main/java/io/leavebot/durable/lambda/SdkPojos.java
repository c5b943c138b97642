package io.leavebot.durable.lambda;

import com.fasterxml.jackson.databind.JsonNode;
import io.leavebot.durable.execution.WireJson;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.traits.ListTrait;
import software.amazon.awssdk.core.util.SdkAutoConstructList;
import software.amazon.awssdk.services.lambda.model.ErrorObject;
import software.amazon.awssdk.utils.builder.SdkBuilder;

/**
 * History event details, converted through the SDK's own field metadata (wire name and type of every member), so
 * the two dozen {@code *Details} classes need no hand-written code. Our events keep details as a map keyed by the
 * service's member names; here the map goes through its REST JSON form into the SDK classes, and back.
 */
final class SdkPojos {
    private SdkPojos() {
    }

    /** Sets the member named {@code member} (e.g. {@code StepSucceededDetails}) of an SDK builder from a details map. */
    static void setDetails(SdkPojo builder, String member, Map<String, Object> details) {
        SdkField<?> field = field(builder, member);
        if (field != null) {
            field.set(builder, fromJson(field, WireJson.REST.valueToTree(details)));
        }
    }

    /** The member named {@code member} of an SDK object as a details map; empty when it is absent. */
    static Map<String, Object> details(SdkPojo pojo, String member) {
        SdkField<?> field = field(pojo, member);
        Object value = field == null ? null : field.getValueOrDefault(pojo);
        return value instanceof SdkPojo details ? toMap(details) : Map.of();
    }

    private static SdkField<?> field(SdkPojo pojo, String locationName) {
        for (SdkField<?> field : pojo.sdkFields()) {
            if (field.locationName().equals(locationName)) {
                return field;
            }
        }
        return null;
    }

    private static Object fromJson(SdkField<?> field, JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return null;
        }
        return switch (field.marshallingType().getKnownType()) {
            case STRING -> node.isValueNode() ? node.asText() : node.toString();
            case INTEGER -> node.asInt();
            case LONG -> node.asLong();
            case DOUBLE -> node.asDouble();
            case BOOLEAN -> node.asBoolean();
            case INSTANT -> instant(node);
            case SDK_POJO -> pojo(field, node);
            case LIST -> list(field, node);
            default -> throw new IllegalArgumentException("member " + field.locationName() + " has type "
                    + field.marshallingType() + ", which event details never use");
        };
    }

    private static Object pojo(SdkField<?> field, JsonNode node) {
        SdkPojo builder = field.constructor().get();
        for (SdkField<?> member : builder.sdkFields()) {
            Object value = fromJson(member, node.get(member.locationName()));
            if (value != null) {
                member.set(builder, value);
            }
        }
        return ((SdkBuilder<?, ?>) builder).build();
    }

    private static List<Object> list(SdkField<?> field, JsonNode node) {
        SdkField<?> member = field.getRequiredTrait(ListTrait.class).memberFieldInfo();
        var values = new ArrayList<>();
        node.forEach(element -> values.add(fromJson(member, element)));
        return values;
    }

    /** REST JSON writes epoch seconds with a fraction; ISO text is accepted too. */
    private static Instant instant(JsonNode node) {
        if (node.isNumber()) {
            BigDecimal seconds = node.decimalValue();
            long whole = seconds.longValue();
            return Instant.ofEpochSecond(whole, seconds.subtract(BigDecimal.valueOf(whole)).movePointRight(9).longValue());
        }
        return Instant.parse(node.asText());
    }

    private static Map<String, Object> toMap(SdkPojo pojo) {
        var map = new LinkedHashMap<String, Object>();
        for (SdkField<?> field : pojo.sdkFields()) {
            Object value = field.getValueOrDefault(pojo);
            if (value != null && !(value instanceof SdkAutoConstructList)) {
                map.put(field.locationName(), plain(value));
            }
        }
        return map;
    }

    /** SDK values as our details hold them: error objects as our record, other objects as maps. */
    private static Object plain(Object value) {
        if (value instanceof ErrorObject error) {
            return SdkConverter.fromSdk(error);
        }
        if (value instanceof SdkPojo pojo) {
            return toMap(pojo);
        }
        if (value instanceof List<?> list) {
            return list.stream().map(SdkPojos::plain).toList();
        }
        return value;
    }
}
