package io.leavebot.durable.lambda;

import java.net.http.HttpHeaders;
import java.nio.charset.StandardCharsets;

/** A successful (2xx) answer of an AWS API: status, headers and the body's bytes. */
public record AwsResponse(int status, HttpHeaders headers, byte[] body) {

    /** The first value of header {@code name} (any case), or null. */
    public String header(String name) {
        return headers.firstValue(name).orElse(null);
    }

    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }
}
