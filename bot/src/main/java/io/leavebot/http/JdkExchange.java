package io.leavebot.http;

import com.sun.net.httpserver.HttpExchange;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** An {@link Exchange} over the JDK server's {@link HttpExchange}; the server closes it once answered. */
final class JdkExchange implements Exchange {
    private final HttpExchange http;

    JdkExchange(HttpExchange http) {
        this.http = http;
    }

    @Override
    public String method() {
        return http.getRequestMethod().toUpperCase(Locale.ROOT);
    }

    @Override
    public String path() {
        return http.getRequestURI().getPath();
    }

    @Override
    public Map<String, String> headers() {
        Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        http.getRequestHeaders().forEach((name, values) -> {
            if (!values.isEmpty()) {
                headers.putIfAbsent(name, values.get(0));
            }
        });
        return headers;
    }

    @Override
    public String header(String name) {
        return http.getRequestHeaders().getFirst(name);
    }

    @Override
    public String rawQuery() {
        return http.getRequestURI().getRawQuery();
    }

    /** Reading stops after the limit; the JDK server drops the connection if much more was sent. */
    @Override
    public byte[] body() {
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

    @Override
    public void respond(int status, String contentType, String body, Map<String, String> headers) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        var out = http.getResponseHeaders();
        Exchange.headersFor(contentType, headers).forEach(out::set);
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

    /** Chunked: each row goes out as the report reads it, never the whole report in memory. */
    @Override
    public void stream(int status, String contentType, Map<String, String> headers, BodyWriter body) throws IOException {
        var out = http.getResponseHeaders();
        Exchange.headersFor(contentType, headers).forEach(out::set);
        if (method().equals("HEAD")) {
            http.sendResponseHeaders(status, -1);
            return;
        }
        http.sendResponseHeaders(status, 0);
        try (Writer writer = new BufferedWriter(new OutputStreamWriter(http.getResponseBody(), StandardCharsets.UTF_8), 16 * 1024)) {
            body.writeTo(writer);
        }
    }

    void close() {
        http.close();
    }
}
