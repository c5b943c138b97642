package io.leavebot.http;

import java.util.Collections;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * A whole HTTP request handed to {@link WebApp#serve} by a host that is not LeaveBot's own server, such as a Lambda
 * Function URL.
 *
 * @param method   e.g. {@code GET}, any case
 * @param path     the decoded path, e.g. {@code /api/leaves/42}
 * @param rawQuery the query string as sent, without the {@code ?}; null or empty for none
 * @param headers  the request headers; names are matched in any case
 * @param body     the body's bytes (decoded from base64 if the host sent it so); empty for none
 */
public record WebRequest(String method, String path, String rawQuery, Map<String, String> headers, byte[] body) {
    public WebRequest {
        method = Objects.requireNonNull(method, "method").toUpperCase(Locale.ROOT);
        Objects.requireNonNull(path, "path");
        TreeMap<String, String> anyCase = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        anyCase.putAll(headers);
        headers = Collections.unmodifiableMap(anyCase);
        body = body == null ? new byte[0] : body.clone();
    }

    /** Query parameters, decoded; for a name given twice, the first value counts. */
    public Map<String, String> query() {
        return Exchange.decodeForm(rawQuery);
    }

    @Override
    public byte[] body() {
        return body.clone();
    }
}
