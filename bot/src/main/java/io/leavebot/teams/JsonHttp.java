package io.leavebot.teams;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.leavebot.net.PlainHttp;
import io.leavebot.notify.ChatUnavailableException;
import io.leavebot.notify.TransientFailures;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
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

    private final PlainHttp http = new PlainHttp(TIMEOUT);

    JsonNode get(String call, URI uri, String bearer) {
        return send(call, "GET", uri, headers(bearer), null);
    }

    /** {@code method} with a JSON body, e.g. POST or PUT of an activity. */
    JsonNode send(String call, String method, URI uri, String bearer, JsonNode body) {
        Map<String, String> headers = headers(bearer);
        headers.put("Content-Type", "application/json; charset=utf-8");
        return send(call, method, uri, headers, body.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** A POST of form fields, as the OAuth token endpoint wants them. */
    JsonNode postForm(String call, URI uri, Map<String, String> fields) {
        String form = fields.entrySet().stream().map(f -> URLEncoder.encode(f.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(f.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
        Map<String, String> headers = headers(null);
        headers.put("Content-Type", "application/x-www-form-urlencoded");
        return send(call, "POST", uri, headers, form.getBytes(StandardCharsets.UTF_8));
    }

    private static Map<String, String> headers(String bearer) {
        Map<String, String> headers = new HashMap<>(Map.of("Accept", "application/json"));
        if (bearer != null) {
            headers.put("Authorization", "Bearer " + bearer);
        }
        return headers;
    }

    private JsonNode send(String call, String method, URI uri, Map<String, String> headers, byte[] body) {
        PlainHttp.Answer response;
        try {
            response = http.send(method, uri, headers, body, TIMEOUT);
        } catch (IOException e) {
            throw new ChatUnavailableException(call + " failed: " + e.getClass().getSimpleName(), e);
        }
        if (response.status() / 100 != 2) {
            throw new ChatUnavailableException(call + " answered " + response.status() + response
                    .header("X-Correlating-OperationId").map(id -> " (operation " + id + ")").orElse(""), null,
                    TransientFailures.httpStatusMayPass(response.status()));
        }
        try {
            String text = new String(response.body(), StandardCharsets.UTF_8);
            return text.isBlank() ? JSON.createObjectNode() : JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new ChatUnavailableException(call + " answered " + response.status() + " with a body that is not JSON");
        }
    }
}
