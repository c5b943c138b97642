package io.leavebot.slack;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.slack.api.bolt.App;
import com.slack.api.bolt.request.Request;
import com.slack.api.bolt.request.RequestHeaders;
import com.slack.api.bolt.response.Response;
import com.slack.api.bolt.util.SlackRequestParser;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The HTTP face of the Bolt app ({@link SlackApp}): the local web server and the Lambda Function URL handler hand
 * every request from Slack here, as headers and the raw body. In order:
 * <ol>
 *   <li>the signature and timestamp are checked ({@link RequestSignature}); a request that fails gets 401 with an
 *   empty body, so a prober learns nothing, and nothing else runs: no parsing, no Slack API call;</li>
 *   <li>a body that is not one of Slack's shapes (not form-encoded, a payload that is not JSON, a type LeaveBot has
 *   no listener for) gets 400 with a short message;</li>
 *   <li>the app runs the request and its answer is returned; an unexpected failure is logged in one line and
 *   answered 500 "Internal Server Error", with no detail, since anyone could be reading.</li>
 * </ol>
 * Logs name the request type and outcome, never the body: it holds people's names and reasons, and payloads carry
 * a (legacy) verification token.
 */
public final class SlackEndpoint {
    /** What Slack is told. */
    public record Reply(int status, String contentType, String body) {
    }

    private static final System.Logger LOG = System.getLogger(SlackEndpoint.class.getName());
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TEXT = "text/plain; charset=utf-8";
    /** Interaction payloads LeaveBot listens to: button clicks and modal submissions. */
    private static final Set<String> PAYLOAD_TYPES = Set.of("block_actions", "view_submission");
    /** Events API envelopes: an event (App Home opened), and the check Slack makes when its URL is set. */
    private static final Set<String> EVENT_TYPES = Set.of("event_callback", "url_verification");

    private final App app;
    private final RequestSignature signature;
    private final SlackRequestParser parser;
    private final Clock clock;

    /**
     * @param signingSecret the app's signing secret
     * @param clock         now, to judge the requests' timestamps by
     */
    public SlackEndpoint(App app, String signingSecret, Clock clock) {
        if (signingSecret == null || signingSecret.isBlank()) {
            throw new IllegalArgumentException("Slack over HTTP needs the signing secret: set SLACK_SIGNING_SECRET "
                    + "(Basic Information → App Credentials in the app's settings), or use Socket Mode instead");
        }
        this.app = app;
        this.signature = new RequestSignature(signingSecret);
        this.parser = new SlackRequestParser(app.config());
        this.clock = clock;
    }

    /** @param headers the request's headers, names in any case */
    public Reply handle(Map<String, List<String>> headers, String body) {
        RequestHeaders requestHeaders = new RequestHeaders(headers == null ? Map.of() : headers);
        String raw = body == null ? "" : body;
        if (!signature.isValid(requestHeaders, raw, clock.instant())) {
            LOG.log(System.Logger.Level.INFO, "slack: 401, the signature or its timestamp is not valid");
            return new Reply(401, TEXT, "");
        }
        String problem = problemWith(raw);
        if (problem != null) {
            return badRequest(problem);
        }
        Request<?> request = parser.parse(SlackRequestParser.HttpRequest.builder().requestUri("/slack/events")
                .headers(requestHeaders).requestBody(raw).build());
        return request == null ? badRequest("This is not a Slack request LeaveBot handles.") : run(request);
    }

    private Reply run(Request<?> request) {
        try {
            Response response = app.run(request);
            return new Reply(response.getStatusCode(), response.getContentType() == null ? TEXT : response.getContentType(),
                    response.getBody() == null ? "" : response.getBody());
        } catch (Exception e) {
            LOG.log(System.Logger.Level.ERROR, "slack " + request.getRequestType() + " (team " + request.getContext().getTeamId()
                    + ", user " + request.getContext().getRequestUserId() + "): 500, a bug", e);
            return new Reply(500, TEXT, "Internal Server Error");
        }
    }

    private static Reply badRequest(String problem) {
        LOG.log(System.Logger.Level.INFO, "slack: 400, " + problem);
        return new Reply(400, TEXT, problem);
    }

    /** What is wrong with the body's shape, or null when it is one of Slack's. */
    private static String problemWith(String body) {
        if (body.stripLeading().startsWith("{")) {
            String type = typeOf(body);
            return type == null ? "The body is not JSON." : EVENT_TYPES.contains(type) ? null : "Unknown event type.";
        }
        Map<String, String> form = formFields(body);
        if (form == null) {
            return "The body is not form-encoded.";
        }
        if (form.containsKey("payload")) {
            String type = typeOf(form.get("payload"));
            return type == null ? "The payload is not JSON." : PAYLOAD_TYPES.contains(type) ? null : "Unknown payload type.";
        }
        return form.containsKey("command") || form.containsKey("ssl_check") ? null : "Not a Slack command, interaction or event.";
    }

    /** The {@code type} of a JSON object ("" when it has none), or null when the text is not a JSON object. */
    private static String typeOf(String json) {
        try {
            JsonNode node = JSON.readTree(json);
            return node != null && node.isObject() ? node.path("type").asText("") : null;
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    /** The fields of an {@code application/x-www-form-urlencoded} body, or null when it is not one. */
    private static Map<String, String> formFields(String body) {
        Map<String, String> fields = new HashMap<>();
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            if (eq <= 0) {
                return null;
            }
            try {
                fields.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            } catch (IllegalArgumentException e) {
                return null; // a broken %-escape
            }
        }
        return fields;
    }
}
