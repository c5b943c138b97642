package io.leavebot.aws;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.leavebot.http.WebRequest;
import io.leavebot.http.WebResponse;
import io.leavebot.ops.Metrics;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * Lambda Function URL events (payload format 2.0) in, their responses out ({@link #serve}). A request's
 * {@code rawPath}, {@code rawQueryString}, {@code headers} (lower-case names; repeated headers joined with commas),
 * {@code requestContext.http.method} and {@code body} (base64 when {@code isBase64Encoded}, as Lambda sends form posts
 * and binary bodies) become a {@link WebRequest}; a {@link WebResponse} goes back as {@code statusCode},
 * {@code headers} and a text {@code body}.
 */
final class FunctionUrl {
    private static final System.Logger LOG = System.getLogger(FunctionUrl.class.getName());
    private static final ObjectMapper JSON = new ObjectMapper();

    private FunctionUrl() {
    }

    /**
     * One invocation of a Function URL handler: the event in, {@code app}'s answer out. A failure is answered, never
     * thrown at Lambda: an event that is not a Function URL request gets a bare 400, an unexpected failure a bare 500
     * (the body can be seen by anyone), each logged in one line.
     *
     * @param function names the function in log lines, e.g. {@code api}
     */
    static void serve(InputStream event, OutputStream out, String function, Function<WebRequest, WebResponse> app)
            throws IOException {
        write(answer(event, function, app), out);
    }

    /**
     * As {@link #serve(InputStream, OutputStream, String, Function)}, counting the answer in {@code metrics} under
     * {@code route}, whatever the path: a chat front end serves any path, which must not make a series per path.
     */
    static void serve(InputStream event, OutputStream out, String function, Function<WebRequest, WebResponse> app,
            Metrics metrics, String route) throws IOException {
        WebResponse response = answer(event, function, app);
        metrics.request(route, response.status());
        write(response, out);
    }

    private static WebResponse answer(InputStream event, String function, Function<WebRequest, WebResponse> app)
            throws IOException {
        WebRequest request;
        try {
            request = request(event);
        } catch (IllegalArgumentException e) {
            LOG.log(System.Logger.Level.WARNING, function + ": 400, " + e.getMessage());
            return plain(400, "Bad Request");
        }
        try {
            return app.apply(request);
        } catch (RuntimeException e) {
            // the detail goes to the log only (masked there: LogSecrets), never to the caller
            LOG.log(System.Logger.Level.ERROR, function + ": 500, a bug", e);
            return plain(500, "Internal Server Error");
        }
    }

    /** @throws IllegalArgumentException naming what is missing when the event is not a Function URL request */
    static WebRequest request(InputStream event) throws IOException {
        JsonNode root;
        try {
            root = JSON.readTree(event);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("the event is not JSON, so not a Function URL request");
        }
        String method = text(root.path("requestContext").path("http"), "method", "requestContext.http.method");
        String rawPath = text(root, "rawPath", "rawPath");
        Map<String, String> headers = new LinkedHashMap<>();
        root.path("headers").properties().forEach(h -> headers.put(h.getKey(), h.getValue().asText()));
        String body = root.path("body").isTextual() ? root.get("body").asText() : "";
        byte[] bytes;
        try {
            bytes = root.path("isBase64Encoded").asBoolean(false) ? Base64.getDecoder().decode(body)
                    : body.getBytes(StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the event's body is marked isBase64Encoded but is not base64");
        }
        return new WebRequest(method, decodedPath(rawPath), root.path("rawQueryString").asText(""), headers, bytes);
    }

    /** Writes the response in the shape Lambda turns into the HTTP answer. */
    static void write(WebResponse response, OutputStream out) throws IOException {
        ObjectNode answer = JSON.createObjectNode();
        answer.put("statusCode", response.status());
        ObjectNode headers = answer.putObject("headers");
        response.headers().forEach(headers::put);
        answer.put("body", response.body());
        answer.put("isBase64Encoded", false);
        JSON.writeValue(out, answer);
    }

    /** A plain-text answer, for a request that never reached LeaveBot's pages. */
    static WebResponse plain(int status, String text) {
        return new WebResponse(status, Map.of("Content-Type", "text/plain; charset=utf-8", "Cache-Control", "no-store"), text);
    }

    private static String text(JsonNode parent, String field, String name) {
        JsonNode value = parent.path(field);
        if (!value.isTextual() || value.asText().isEmpty()) {
            throw new IllegalArgumentException("the event has no " + name + ", so it is not a Function URL request "
                    + "(payload format 2.0)");
        }
        return value.asText();
    }

    /** The path with %-escapes decoded, as the JDK server hands it on; a path that cannot be decoded stays raw. */
    private static String decodedPath(String rawPath) {
        try {
            // under a made-up origin, so that a path starting with // is not read as a host
            return URI.create("https://function-url" + rawPath).getPath();
        } catch (IllegalArgumentException e) {
            return rawPath;
        }
    }
}
