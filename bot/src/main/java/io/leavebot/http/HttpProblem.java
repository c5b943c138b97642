package io.leavebot.http;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An answer to give instead of the normal one: a status, a message fit for the caller, and for input errors the
 * message per field. Thrown deep in a handler; the endpoint decides how it looks (JSON for the API, a page for
 * decision links). The message is shown to the caller, so it never holds secrets, ids of callbacks or exception
 * texts.
 */
final class HttpProblem extends RuntimeException {
    private static final long serialVersionUID = 1L;

    final int status;
    final Map<String, String> fields;
    final Map<String, String> headers;

    HttpProblem(int status, String message, Map<String, String> fields, Map<String, String> headers) {
        super(message, null, false, false);
        this.status = status;
        this.fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
        this.headers = Map.copyOf(headers);
    }

    HttpProblem(int status, String message) {
        this(status, message, Map.of(), Map.of());
    }

    static HttpProblem badRequest(String message, Map<String, String> fields) {
        return new HttpProblem(400, message, fields, Map.of());
    }

    static HttpProblem methodNotAllowed(String allowed) {
        return new HttpProblem(405, "This address accepts only " + allowed.replace(", ", " and ") + " requests.",
                Map.of(), Map.of("Allow", allowed));
    }

    static HttpProblem tooLarge(int limit) {
        return new HttpProblem(413, "The request body is larger than " + limit / 1024 + " KiB. Please send less.");
    }

    static HttpProblem notFound(String message) {
        return new HttpProblem(404, message);
    }
}
