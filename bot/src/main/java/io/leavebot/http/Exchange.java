package io.leavebot.http;

import java.io.IOException;
import java.io.StringWriter;
import java.io.Writer;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One request and its answer, as the endpoints see them, whoever carries them: the JDK server
 * ({@link JdkExchange}) or a request handed over whole, such as a Lambda Function URL event
 * ({@link WholeExchange}). Both give the same parameters and the same body limit, and answer with the same headers.
 */
interface Exchange {
    /** The largest request body read; anything longer is refused with 413 before it is parsed. */
    int MAX_BODY_BYTES = 64 * 1024;

    /** The method in upper case, e.g. {@code POST}. */
    String method();

    /** The decoded path, e.g. {@code /api/leaves/42}. */
    String path();

    /** A request header (any case), or null. */
    String header(String name);

    /** Every request header, names in any case; for a name given twice, the first value counts. */
    Map<String, String> headers();

    /** The query string as sent, without the {@code ?}; null or empty for none. */
    String rawQuery();

    /**
     * The body, at most {@link #MAX_BODY_BYTES} long.
     *
     * @throws HttpProblem 413 when it is longer
     */
    byte[] body();

    /**
     * Sends a whole answer with {@link #headersFor}'s headers; a {@code HEAD} answer has no body.
     *
     * @param headers further headers, which win over the usual ones
     */
    void respond(int status, String contentType, String body, Map<String, String> headers);

    /** Writes a body onto the answer as it goes. */
    interface BodyWriter {
        void writeTo(Writer out) throws IOException;
    }

    /**
     * The longest body an exchange answered whole sends: a Lambda function's answer is at most 6 MB, the JSON
     * around the body and its escapes included.
     */
    int WHOLE_BODY_LIMIT = 5_000_000;

    /**
     * Sends an answer whose body is written as it is made, for answers too big to hold (the leave report). Here, for
     * an exchange answered whole, it is gathered first, and a body over {@link #WHOLE_BODY_LIMIT} is answered 413
     * with what to do instead of a response Lambda would refuse; {@link JdkExchange} sends it chunked as it comes.
     */
    default void stream(int status, String contentType, Map<String, String> headers, BodyWriter body) throws IOException {
        StringWriter whole = new StringWriter();
        body.writeTo(whole);
        if (whole.getBuffer().length() > WHOLE_BODY_LIMIT) {
            respond(413, "text/plain; charset=utf-8", "This answer is over the 5 MB one answer can carry here; "
                    + "ask for a shorter period.\n", Map.of());
            return;
        }
        respond(status, contentType, whole.toString(), headers);
    }

    /** Query parameters; for a name given twice, the first value counts. */
    default Map<String, String> query() {
        return decodeForm(rawQuery());
    }

    /** The form fields of an {@code application/x-www-form-urlencoded} body. */
    default Map<String, String> form() {
        return decodeForm(new String(body(), StandardCharsets.UTF_8));
    }

    /** The headers of every LeaveBot answer, then {@code extra}. */
    static Map<String, String> headersFor(String contentType, Map<String, String> extra) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", contentType);
        headers.put("Cache-Control", "no-store");
        headers.put("X-Content-Type-Options", "nosniff");
        // a decision link carries its token in the URL: never hand it on to another site
        headers.put("Referrer-Policy", "no-referrer");
        headers.putAll(extra);
        return headers;
    }

    static Map<String, String> decodeForm(String raw) {
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
