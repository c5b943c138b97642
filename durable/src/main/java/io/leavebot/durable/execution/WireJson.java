package io.leavebot.durable.execution;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * JSON of the protocol's wire types. The invocation envelope writes timestamps as epoch milliseconds (what
 * Lambda sends); the service's REST APIs use epoch seconds with a fraction. Both read ISO text and numbers with a
 * fraction (epoch seconds); a whole number is epoch milliseconds in the envelope and epoch seconds in REST.
 */
public final class WireJson {
    /** For the invocation envelope and everything stored by the engine. */
    public static final ObjectMapper ENVELOPE = mapper(false);
    /** For the REST-JSON APIs the AWS SDK calls. */
    public static final ObjectMapper REST = mapper(true);

    private WireJson() {
    }

    private static ObjectMapper mapper(boolean seconds) {
        var module = new SimpleModule("durable-wire");
        module.addSerializer(Instant.class, new JsonSerializer<>() {
            @Override
            public void serialize(Instant value, JsonGenerator gen, SerializerProvider provider) throws IOException {
                if (seconds) {
                    gen.writeNumber(BigDecimal.valueOf(value.toEpochMilli()).movePointLeft(3));
                } else {
                    gen.writeNumber(value.toEpochMilli());
                }
            }
        });
        module.addDeserializer(Instant.class, new JsonDeserializer<>() {
            @Override
            public Instant deserialize(JsonParser p, DeserializationContext ctx) throws IOException {
                JsonToken token = p.currentToken();
                if (token == JsonToken.VALUE_NUMBER_INT && !seconds) {
                    return Instant.ofEpochMilli(p.getLongValue());
                }
                if (token == JsonToken.VALUE_NUMBER_INT || token == JsonToken.VALUE_NUMBER_FLOAT) {
                    // a fraction only occurs in the seconds form, so it is read as seconds in either mapper
                    return Instant.ofEpochMilli(p.getDecimalValue().movePointRight(3).longValue());
                }
                return Instant.parse(p.getText().trim().replace(' ', 'T'));
            }
        });
        return new ObjectMapper()
                .registerModule(module)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }
}
