package io.leavebot.durable.operation;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import io.leavebot.durable.BatchItemStatus;
import io.leavebot.durable.ConcurrencyCompletionStatus;
import io.leavebot.durable.execution.WireJson;
import io.leavebot.durable.model.ErrorObject;
import java.util.List;

/**
 * What a completed parallel or map records as its result: why it completed and the outcome of each item it
 * started, in input order (items after the last one are those never started). Each result is the text the item's
 * {@link io.leavebot.durable.SerDes} wrote, so a replay reads every item back with its own type and SerDes. When
 * the results would make the record too large, they are left out ({@code resultsOmitted}) and a replay reads them
 * from the items' own records instead.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record BatchSummary(ConcurrencyCompletionStatus completionReason, List<Item> items, Boolean resultsOmitted) {

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Item(BatchItemStatus status, String result, ErrorObject error) {
    }

    BatchSummary {
        items = List.copyOf(items);
    }

    boolean hasResults() {
        return !Boolean.TRUE.equals(resultsOmitted);
    }

    BatchSummary withoutResults() {
        return new BatchSummary(completionReason,
                items.stream().map(i -> new Item(i.status(), null, null)).toList(), true);
    }

    String write() {
        try {
            return WireJson.ENVELOPE.writeValueAsString(this);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a batch summary is always serializable", e);
        }
    }

    static BatchSummary read(String operationId, String payload) {
        if (payload == null || payload.isEmpty()) {
            throw new IllegalStateException("the completed batch " + operationId + " has no recorded summary; "
                    + "it was recorded by another runtime and cannot be replayed here");
        }
        try {
            return WireJson.ENVELOPE.readValue(payload, BatchSummary.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the recorded summary of batch " + operationId + " cannot be read: "
                    + e.getOriginalMessage(), e);
        }
    }
}
