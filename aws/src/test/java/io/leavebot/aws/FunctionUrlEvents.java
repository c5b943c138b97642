package io.leavebot.aws;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Lambda Function URL requests as Lambda sends them (payload format 2.0, the documented example's fields: version,
 * routeKey, rawPath, rawQueryString, lower-case headers, requestContext with http.method, path, sourceIp, body,
 * isBase64Encoded), and the handler's answers read back.
 */
final class FunctionUrlEvents {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A handler's answer: status, headers as written, body. */
    record Answer(int status, Map<String, String> headers, String body) {
        String header(String name) {
            return headers.get(name);
        }

        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private FunctionUrlEvents() {
    }

    /** A request; {@code pathAndQuery} like {@code /decide?token=x}. The body is sent as text, or base64 if asked. */
    static String event(String method, String pathAndQuery, Map<String, String> headers, String body, boolean base64) {
        int q = pathAndQuery.indexOf('?');
        String path = q < 0 ? pathAndQuery : pathAndQuery.substring(0, q);
        ObjectNode event = JSON.createObjectNode();
        event.put("version", "2.0");
        event.put("routeKey", "$default");
        event.put("rawPath", path);
        event.put("rawQueryString", q < 0 ? "" : pathAndQuery.substring(q + 1));
        ObjectNode h = event.putObject("headers");
        h.put("host", "abc123def.lambda-url.us-east-1.on.aws");
        h.put("x-forwarded-proto", "https");
        h.put("user-agent", "Mozilla/5.0 (X11; Linux x86_64)");
        headers.forEach((name, value) -> h.put(name.toLowerCase(Locale.ROOT), value));
        ObjectNode context = event.putObject("requestContext");
        context.put("accountId", "anonymous");
        context.put("domainName", "abc123def.lambda-url.us-east-1.on.aws");
        context.put("requestId", "c6af9ac6-7b61-11e6-9a41-93e8deadbeef");
        ObjectNode http = context.putObject("http");
        http.put("method", method);
        http.put("path", path);
        http.put("protocol", "HTTP/1.1");
        http.put("sourceIp", "203.0.113.7");
        http.put("userAgent", "Mozilla/5.0 (X11; Linux x86_64)");
        if (body != null) {
            event.put("body", base64 ? Base64.getEncoder().encodeToString(body.getBytes(StandardCharsets.UTF_8)) : body);
        }
        event.put("isBase64Encoded", base64);
        return event.toString();
    }

    /** Runs {@code handler} on the raw event text, as Lambda does. */
    static Answer invoke(RequestStreamHandler handler, String event) {
        var out = new ByteArrayOutputStream();
        try {
            handler.handleRequest(new ByteArrayInputStream(event.getBytes(StandardCharsets.UTF_8)), out, null);
            JsonNode answer = JSON.readTree(out.toByteArray());
            Map<String, String> headers = new LinkedHashMap<>();
            answer.path("headers").properties().forEach(e -> headers.put(e.getKey(), e.getValue().asText()));
            if (answer.path("isBase64Encoded").asBoolean(false)) {
                throw new AssertionError("LeaveBot answers text, but the body was marked base64: " + answer);
            }
            return new Answer(answer.path("statusCode").asInt(), headers, answer.path("body").asText());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
