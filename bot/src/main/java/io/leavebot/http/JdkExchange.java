package io.leavebot.http;

import com.sun.net.httpserver.HttpExchange;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * One request and its answer, over the JDK server's {@link HttpExchange}: the method, the path, query and form
 * parameters, a body read up to a limit, and answers with the headers every LeaveBot response carries.
 */
final class Exchange {
    /** The largest request body read; anything longer is refused with 413 before it is parsed. */
    static final int MAX_BODY_BYTES = 64 * 1024;

    private final HttpExchange http;

    Exchange(HttpExchange http) {
        this.http = http;
    }

    String method() {
        return http.getRequestMethod().toUpperCase(Locale.ROOT);
    }

    /** The decoded path, e.g. {@code /api/leaves/42}. */
    String path() {
        return http.getRequestURI().getPath();
    }

    /** A request header, or null. */
    String header(String name) {
        return http.getRequestHeaders().getFirst(name);
    }

    /** Query parameters; for a name given twice, the first value counts. */
    Map<String, String> query() {
        return decodeForm(http.getRequestURI().getRawQuery());
    }

    /** The form fields of an {@code application/x-www-form-urlencoded} body. */
    Map<String, String> form() {
        return decodeForm(new String(body(), StandardCharsets.UTF_8));
    }

    /**
     * The body, at most {@link #MAX_BODY_BYTES} long.
     *
     * @throws HttpProblem 413 when it is longer; reading stops there, and the JDK server drops the connection if
     *                     much more was sent
     */
    byte[] body() {
        try (InputStream in = http.getRequestBody()) {
            byte[] bytes = in.readNBytes(MAX_BODY_BYTES + 1);
            if (bytes.length > MAX_BODY_BYTES) {
                throw HttpProblem.tooLarge(MAX_BODY_BYTES);
            }
            return bytes;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Sends a whole answer; the caller closes the exchange. */
    void respond(int status, String contentType, String body, Map<String, String> headers) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        var out = http.getResponseHeaders();
        out.set("Content-Type", contentType);
        out.set("Cache-Control", "no-store");
        out.set("X-Content-Type-Options", "nosniff");
        // a decision link carries its token in the URL: never hand it on to another site
        out.set("Referrer-Policy", "no-referrer");
        headers.forEach(out::set);
        try {
            // a HEAD answer has headers only; -1 tells the JDK server there is no body
            boolean noBody = bytes.length == 0 || method().equals("HEAD");
            http.sendResponseHeaders(status, noBody ? -1 : bytes.length);
            if (!noBody) {
                try (OutputStream os = http.getResponseBody()) {
                    os.write(bytes);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void close() {
        http.close();
    }

    private static Map<String, String> decodeForm(String raw) {
        Map<String, String> values = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return values;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String name = eq < 0 ? pair : pair.substring(0, eq);
            String value = eq < 0 ? "" : pair.substring(eq + 1);
            try {
                values.putIfAbsent(URLDecoder.decode(name, StandardCharsets.UTF_8),
                        URLDecoder.decode(value, StandardCharsets.UTF_8));
            } catch (IllegalArgumentException e) {
                // a broken %-escape: leave the pair out, the handler then reports the field as missing
            }
        }
        return values;
    }
}
