package io.leavebot.durable.lambda;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/** A successful (2xx) answer of an AWS API: status, headers (by name, any case) and the body's bytes. */
public record AwsResponse(int status, Map<String, List<String>> headers, byte[] body) {

    /** The first value of header {@code name} (any case), or null. */
    public String header(String name) {
        List<String> values = headers.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }
}
