package io.leavebot.durable.model;

import java.util.List;

/** A page of history events; {@code nextMarker} is null on the last page. */
public record HistoryPage(List<Event> events, String nextMarker) {
    public HistoryPage {
        events = List.copyOf(events);
    }
}
