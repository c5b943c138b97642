package io.leavebot.teams;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.leavebot.notify.ChatUnavailableException;
import io.leavebot.notify.TransientFailures;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The few HTTP calls Teams needs, each with JSON back: reading Bot Framework's keys, getting a token, and the Bot
 * Connector's REST operations. Anything but a 2xx with a JSON body (or an empty one) is a
 * {@link ChatUnavailableException} naming the call, the status and Microsoft's {@code X-Correlating-OperationId}
 * (what Microsoft support asks for); never the body, which may quote people's words. A 429, 408 or 5xx may pass; any
 * other status (a 401 for a wrong app secret, a 403 from a user who blocked the bot, a 404) would recur.
 */
final class JsonHttp {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Teams waits about 15 seconds for a bot's answer; each call gets a share of that. */
    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private final HttpClient http;

    JsonHttp(HttpClient http) {
        this.http = http;
    }

    static JsonHttp create() {
        return new JsonHttp(HttpClient.newBuilder().connectTimeout(TIMEOUT).followRedirects(HttpClient.Redirect.NEVER).build());
    }

    JsonNode get(String call, URI uri, String bearer) {
        return send(call, request(uri, bearer).GET());
    }

    /** {@code method} with a JSON body, e.g. POST or PUT of an activity. */
    JsonNode send(String call, String method, URI uri, String bearer, JsonNode body) {
        return send(call, request(uri, bearer).header("Content-Type", "application/json; charset=utf-8")
                .method(method, HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8)));
    }

    /** A POST of form fields, as the OAuth token endpoint wants them. */
    JsonNode postForm(String call, URI uri, Map<String, String> fields) {
        String form = fields.entrySet().stream().map(f -> URLEncoder.encode(f.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(f.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
        return send(call, request(uri, null).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)));
    }

    private static HttpRequest.Builder request(URI uri, String bearer) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(TIMEOUT).header("Accept", "application/json");
        return bearer == null ? request : request.header("Authorization", "Bearer " + bearer);
    }

    private JsonNode send(String call, HttpRequest.Builder request) {
        HttpResponse<String> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new ChatUnavailableException(call + " failed: " + e.getClass().getSimpleName(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ChatUnavailableException(call + " was interrupted", e);
        }
        if (response.statusCode() / 100 != 2) {
            throw new ChatUnavailableException(call + " answered " + response.statusCode() + response.headers()
                    .firstValue("X-Correlating-OperationId").map(id -> " (operation " + id + ")").orElse(""), null,
                    TransientFailures.httpStatusMayPass(response.statusCode()));
        }
        try {
            return response.body().isBlank() ? JSON.createObjectNode() : JSON.readTree(response.body());
        } catch (JsonProcessingException e) {
            throw new ChatUnavailableException(call + " answered " + response.statusCode() + " with a body that is not JSON");
        }
    }
}
