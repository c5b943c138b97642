package io.leavebot.durable;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/** The default {@link SerDes}: Jackson with java.time support, dates as ISO-8601 text. */
public final class JacksonSerDes implements SerDes {
    private final ObjectMapper mapper;

    public JacksonSerDes() {
        this(new ObjectMapper()
                .registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES));
    }

    public JacksonSerDes(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    @Override
    public String serialize(Object value) {
        if (value == null) {
            return null;
        }
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new SerDesException("cannot serialize " + value.getClass().getName() + ": " + e.getOriginalMessage(), e);
        }
    }

    @Override
    public <T> T deserialize(String json, Class<T> type) {
        if (json == null || json.isEmpty() || type == Void.class) {
            return null;
        }
        try {
            return mapper.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new SerDesException("cannot read " + type.getName() + " from the stored JSON: " + e.getOriginalMessage(), e);
        }
    }
}
