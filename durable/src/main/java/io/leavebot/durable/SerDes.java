package io.leavebot.durable;

/** Turns values into the JSON text the service stores, and back. */
public interface SerDes {
    /** @return JSON text, or null for a null value */
    String serialize(Object value);

    /** @param json JSON text, or null/empty for a null value */
    <T> T deserialize(String json, Class<T> type);
}
