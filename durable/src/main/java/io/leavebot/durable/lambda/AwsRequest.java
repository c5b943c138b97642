package io.leavebot.durable.lambda;

import io.leavebot.durable.sigv4.SigV4;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One call to an AWS API before it is signed: method, encoded path, query parameters, extra headers and body.
 * Build it with {@link #get}, {@link #post} and the {@code with…} methods; each returns a new request.
 */
public final class AwsRequest {
    private final String method;
    private final String encodedPath;
    private final Map<String, List<String>> query;
    private final Map<String, String> headers;
    private final String contentType;
    private final byte[] body;

    private AwsRequest(String method, String encodedPath, Map<String, List<String>> query, Map<String, String> headers,
            String contentType, byte[] body) {
        this.method = method;
        this.encodedPath = encodedPath;
        this.query = query;
        this.headers = headers;
        this.contentType = contentType;
        this.body = body;
    }

    /** A GET of {@code encodedPath}, which must already be percent-encoded (see {@link #segment}). */
    public static AwsRequest get(String encodedPath) {
        return new AwsRequest("GET", encodedPath, new LinkedHashMap<>(), new LinkedHashMap<>(), null, null);
    }

    /** A POST of {@code body} (may be null: no body) to {@code encodedPath}. */
    public static AwsRequest post(String encodedPath, String contentType, byte[] body) {
        return new AwsRequest("POST", encodedPath, new LinkedHashMap<>(), new LinkedHashMap<>(), contentType, body);
    }

    /** One path segment percent-encoded as AWS expects (RFC 3986: a '/' or ':' inside it is encoded too). */
    public static String segment(String value) {
        return SigV4.encode(value, false);
    }

    /** Adds a query parameter when {@code value} is not null; parameters may repeat. */
    public AwsRequest withQuery(String name, Object value) {
        if (value == null) {
            return this;
        }
        var copy = new LinkedHashMap<String, List<String>>();
        query.forEach((k, v) -> copy.put(k, new ArrayList<>(v)));
        copy.computeIfAbsent(name, k -> new ArrayList<>()).add(String.valueOf(value));
        return new AwsRequest(method, encodedPath, copy, headers, contentType, body);
    }

    /** Adds a header when {@code value} is not null. */
    public AwsRequest withHeader(String name, String value) {
        if (value == null) {
            return this;
        }
        var copy = new LinkedHashMap<>(headers);
        copy.put(name, value);
        return new AwsRequest(method, encodedPath, query, copy, contentType, body);
    }

    public String method() {
        return method;
    }

    public String encodedPath() {
        return encodedPath;
    }

    Map<String, List<String>> query() {
        return query;
    }

    Map<String, String> headers() {
        return headers;
    }

    String contentType() {
        return contentType;
    }

    byte[] body() {
        return body;
    }

    static byte[] utf8(String text) {
        return text == null ? null : text.getBytes(StandardCharsets.UTF_8);
    }
}
