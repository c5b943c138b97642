package io.leavebot.durable.model;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.time.Instant;
import java.util.Map;

/**
 * One entry of an execution's history. The details sit in a member named after the event type
 * ({@code StepSucceeded} → {@code StepSucceededDetails}), with the service's member names inside.
 */
@JsonNaming(PropertyNamingStrategies.UpperCamelCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"EventId", "EventTimestamp", "EventType", "Id", "Name", "ParentId", "SubType"})
public record Event(
        long eventId,
        Instant eventTimestamp,
        String eventType,
        String id,
        String name,
        String parentId,
        String subType,
        @JsonIgnore Map<String, Object> details) {

    public Event {
        details = details == null ? Map.of() : details;
    }

    @JsonAnyGetter
    Map<String, Object> detailsMember() {
        return Map.of(eventType + "Details", details);
    }
}
