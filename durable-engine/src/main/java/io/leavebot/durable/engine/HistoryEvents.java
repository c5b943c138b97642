package io.leavebot.durable.engine;

import io.leavebot.durable.model.ErrorObject;
import java.util.LinkedHashMap;
import java.util.Map;

/** The details members of history events, with the service's member names. */
final class HistoryEvents {
    private HistoryEvents() {
    }

    /** A payload as events carry it: {@code {Payload, Truncated}}. */
    static Map<String, Object> payload(String payload) {
        var wrapped = new LinkedHashMap<String, Object>();
        wrapped.put("Payload", payload);
        wrapped.put("Truncated", false);
        return wrapped;
    }

    /** An error as events carry it: {@code {Payload: ErrorObject, Truncated}}. */
    static Map<String, Object> error(ErrorObject error) {
        var wrapped = new LinkedHashMap<String, Object>();
        wrapped.put("Payload", error);
        wrapped.put("Truncated", false);
        return wrapped;
    }

    /** A details map from alternating keys and values; null values are left out. */
    static Map<String, Object> details(Object... keysAndValues) {
        var details = new LinkedHashMap<String, Object>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            if (keysAndValues[i + 1] != null) {
                details.put((String) keysAndValues[i], keysAndValues[i + 1]);
            }
        }
        return details;
    }
}
