package io.leavebot.durable.engine;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.sun.net.httpserver.HttpExchange;
import io.leavebot.durable.execution.WireJson;
import io.leavebot.durable.model.ErrorObject;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** One HTTP request to the REST façade: decoded path and query, bounded body reading, JSON answers. */
final class RestExchange {
    /** Bound on JSON request bodies: a checkpoint can carry several payloads of up to 6 MiB. */
    static final int MAX_JSON_BYTES = 32 * 1024 * 1024;

    /** REST JSON, with timestamps in trees written as plain seconds (1767603600.5), never as 1.7676036005E+9. */
    private static final ObjectWriter JSON_WRITER = WireJson.REST.writer().with(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN);

    final String requestId = UUID.randomUUID().toString();
    /** The Lambda API name, once the route is known; for the log. */
    String operation = "unrouted";
    private final HttpExchange http;
    private byte[] body;

    RestExchange(HttpExchange http) {
        this.http = http;
    }

    String remoteAddress() {
        return http.getRemoteAddress().getAddress().getHostAddress();
    }

    String method() {
        return http.getRequestMethod();
    }

    /**
     * The path's segments, each percent-decoded on its own, so an encoded '/' inside an ARN stays inside it.
     *
     * @throws IllegalArgumentException on a malformed percent escape
     */
    List<String> segments() {
        var decoded = new ArrayList<String>();
        for (String raw : http.getRequestURI().getRawPath().split("/")) {
            if (!raw.isEmpty()) {
                decoded.add(URLDecoder.decode(raw.replace("+", "%2B"), StandardCharsets.UTF_8)); // '+' is literal in paths
            }
        }
        return decoded;
    }

    /** The query string's parameters; throws {@link IllegalArgumentException} on a malformed percent escape. */
    QueryParams params() {
        return QueryParams.parse(http.getRequestURI().getRawQuery());
    }

    String rawPath() {
        return http.getRequestURI().getRawPath();
    }

    String header(String name) {
        return http.getRequestHeaders().getFirst(name);
    }

    /** The request as sent: raw path and raw query, for the signature's canonical request. */
    URI requestUri() {
        return http.getRequestURI();
    }

    /** Every header, by lower-case name. */
    Map<String, List<String>> headers() {
        return SigV4Verifier.lowerCaseNames(http.getRequestHeaders());
    }

    /** The request body, refused with {@code tooLarge} as the message when it exceeds {@code limit} bytes. */
    byte[] body(int limit, String tooLarge) {
        byte[] whole = wholeBody();
        if (whole.length > limit) {
            throw RestError.invalid(tooLarge);
        }
        return whole;
    }

    /**
     * The whole body, read once (the signature covers it before any route reads it), up to {@link #MAX_JSON_BYTES}.
     */
    byte[] wholeBody() {
        if (body == null) {
            try (InputStream in = http.getRequestBody()) {
                byte[] read = in.readNBytes(MAX_JSON_BYTES + 1);
                if (read.length > MAX_JSON_BYTES) {
                    in.transferTo(OutputStream.nullOutputStream()); // read it all, so the client gets our answer
                    throw RestError.invalid("the request body is larger than " + MAX_JSON_BYTES
                            + " bytes (32 MiB), the limit of this service");
                }
                body = read;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return body;
    }

    /** The JSON body as {@code type}; null when the body is empty. {@code action} names the API in messages. */
    <T> T json(Class<T> type, String action) {
        byte[] body = body(MAX_JSON_BYTES, "the " + action + " request body is larger than " + MAX_JSON_BYTES
                + " bytes (32 MiB), the limit of this service");
        if (body.length == 0) {
            return null;
        }
        try {
            return WireJson.REST.readValue(body, type);
        } catch (JsonProcessingException e) {
            throw RestError.invalid("the " + action + " request body is not valid: " + describe(e));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An ErrorObject body; null when there is none, including the {@code {}} the SDK sends for an absent one. */
    ErrorObject error(String action) {
        ErrorObject error = json(ErrorObject.class, action);
        boolean empty = error == null || (error.errorType() == null && error.errorMessage() == null
                && error.errorData() == null && error.stackTrace() == null);
        return empty ? null : error;
    }

    void respondJson(int status, Object body) {
        try {
            respond(status, "application/json", JSON_WRITER.writeValueAsBytes(body));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("could not write the response", e);
        }
    }

    void respond(int status, String contentType, byte[] body) {
        try {
            http.getResponseHeaders().set("Content-Type", contentType);
            http.getResponseHeaders().set("x-amzn-RequestId", requestId);
            http.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
            if (body.length > 0) {
                try (OutputStream out = http.getResponseBody()) {
                    out.write(body);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void responseHeader(String name, String value) {
        http.getResponseHeaders().set(name, value);
    }

    /** Lambda's error shape: the code in {@code X-Amzn-ErrorType}, the message and its kind in the JSON body. */
    void respondError(RestError error) {
        var body = new LinkedHashMap<String, String>();
        body.put("Type", error.status >= 500 ? "Service" : "User");
        body.put("message", error.getMessage());
        responseHeader("X-Amzn-ErrorType", error.code);
        respondJson(error.status, body);
    }

    /** Where and why a body could not be read, without echoing the body or naming Java types. */
    static String describe(JsonProcessingException e) {
        String where = e instanceof JsonMappingException mapping ? path(mapping) : "";
        if (e instanceof InvalidFormatException format) {
            String value = String.valueOf(format.getValue());
            value = value.length() > 64 ? value.substring(0, 64) + "…" : value;
            Object[] allowed = format.getTargetType().getEnumConstants();
            return "'" + value + "' is not a valid " + where
                    + (allowed == null ? "" : "; expected one of " + Arrays.toString(allowed));
        }
        var location = e.getLocation();
        String at = location == null ? "" : " at line " + location.getLineNr() + ", column " + location.getColumnNr();
        String original = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
        if (e instanceof JsonParseException || original.contains("end-of-input")) {
            return "malformed JSON" + at + (original.contains("end-of-input") ? " (the body ends too early)" : "");
        }
        return (where.isEmpty() ? "the body" : where) + " has the wrong JSON type" + at;
    }

    private static String path(JsonMappingException e) {
        var path = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                path.append(path.length() == 0 ? "" : ".").append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.toString();
    }
}
