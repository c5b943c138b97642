package io.leavebot.slack;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.leavebot.net.PlainHttp;
import io.leavebot.notify.ChatUnavailableException;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The Slack Web API methods LeaveBot calls itself (outside Bolt's handling of Slack's requests), over
 * {@link PlainHttp} with Jackson: the workflow's DMs and the digest, who is who, people's status, and the OAuth
 * exchange of {@code /leave connect}. Each call is the form-encoded POST Slack's Java SDK sends for it (same fields,
 * same {@code 1}/{@code 0} booleans, the token as {@code Authorization: Bearer}), without the SDK's per-answer Gson,
 * OkHttp or Kotlin: the Lambda functions that only send (workflow, digest) load none of them.
 *
 * <p>Every failure is a {@link ChatUnavailableException} naming the method (never the token): Slack answering
 * {@code "ok": false} ({@link SlackCalls.Refused}, with its error code), an HTTP error such as 429 (with its
 * {@code Retry-After}) or 5xx, an answer that is not JSON, or no answer within {@link #TIMEOUT}.
 *
 * @see <a href="https://docs.slack.dev/apis/web-api/">Slack Web API</a>
 */
public final class SlackWebApi {
    /** Slack's own Web API. */
    public static final String SLACK_COM = "https://slack.com/api/";
    /** How long a call may take, connecting included; the SDK's default (OkHttp's) is 10 s as well. */
    static final Duration TIMEOUT = Duration.ofSeconds(10);

    /** Connections (and TLS sessions) to Slack are kept and reused by the JDK, whichever token or endpoint calls. */
    private static final PlainHttp HTTP = new PlainHttp(TIMEOUT);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String endpoint;
    /** Each method's URL under {@link #endpoint}, parsed once (a handful of methods; the copies with a token share it). */
    private final Map<String, URI> methodUris;
    private final String token;
    private final Duration timeout;

    private SlackWebApi(String endpoint, Map<String, URI> methodUris, String token, Duration timeout) {
        this.endpoint = endpoint;
        this.methodUris = methodUris;
        this.token = token;
        this.timeout = timeout;
    }

    /** slack.com's Web API, without a token yet. */
    public static SlackWebApi slackCom() {
        return at(SLACK_COM);
    }

    /**
     * The Web API under {@code endpointUrlPrefix} (as the SDK's {@code methodsEndpointUrlPrefix}: the method name is
     * appended), e.g. a stand-in's {@code http://127.0.0.1:8080/api/}.
     */
    public static SlackWebApi at(String endpointUrlPrefix) {
        Objects.requireNonNull(endpointUrlPrefix, "endpointUrlPrefix");
        URI uri = URI.create(endpointUrlPrefix);
        if (!"https".equals(uri.getScheme()) && !"http".equals(uri.getScheme()) || uri.getHost() == null) {
            throw new IllegalArgumentException("Slack's Web API URL must be http(s)://host/…, like " + SLACK_COM
                    + "; it is " + endpointUrlPrefix);
        }
        return new SlackWebApi(endpointUrlPrefix.endsWith("/") ? endpointUrlPrefix : endpointUrlPrefix + "/",
                new ConcurrentHashMap<>(), null, TIMEOUT);
    }

    /** The same Web API, calling with {@code token} (a bot's {@code xoxb-…} or a person's {@code xoxp-…}). */
    public SlackWebApi withToken(String token) {
        if (token == null || token.isBlank()) {
            throw new IllegalArgumentException("a Slack Web API call needs a token");
        }
        return new SlackWebApi(endpoint, methodUris, token, timeout);
    }

    /** The same, giving up on a call after {@code timeout}. */
    SlackWebApi withTimeout(Duration timeout) {
        return new SlackWebApi(endpoint, methodUris, token, timeout);
    }

    /** Where the methods are, e.g. {@value #SLACK_COM}. */
    public String endpoint() {
        return endpoint;
    }

    /**
     * {@code chat.postMessage} (scope {@code chat:write}).
     *
     * @param threadTs the thread to reply in, or null
     * @return Slack's answer: {@code channel} and {@code ts} name the message
     */
    JsonNode postMessage(String channel, String threadTs, String text, List<ObjectNode> blocks) {
        return call("chat.postMessage", Form.of("channel", channel).add("thread_ts", threadTs).add("text", text)
                .add("link_names", false).add("mrkdwn", true).add("blocks", json(blocks)).add("unfurl_links", false)
                .add("unfurl_media", false).add("reply_broadcast", false));
    }

    /** {@code chat.update} of the bot's message {@code ts} in {@code channel}. */
    JsonNode update(String channel, String ts, String text, List<ObjectNode> blocks) {
        return call("chat.update", Form.of("ts", ts).add("channel", channel).add("text", text).add("link_names", false)
                .add("blocks", json(blocks)));
    }

    /** {@code conversations.open} of the DM with {@code userId} (scope {@code im:write}): the DM's channel id. */
    String openDirectMessage(String userId) {
        return call("conversations.open", Form.of("return_im", false).add("users", userId)).path("channel").path("id").asText();
    }

    /** {@code users.info} (scope {@code users:read}, and {@code users:read.email} for the e-mail): the {@code user}. */
    JsonNode userInfo(String userId) {
        return call("users.info", Form.of("user", userId).add("include_locale", false)).path("user");
    }

    /** {@code users.lookupByEmail} (scope {@code users:read.email}): the {@code user}. */
    JsonNode userByEmail(String email) {
        return call("users.lookupByEmail", Form.of("email", email)).path("user");
    }

    /** {@code users.profile.get} of the token's own user: the {@code profile}. */
    JsonNode ownProfile() {
        return call("users.profile.get", Form.of("include_labels", false)).path("profile");
    }

    /** {@code users.profile.set} of the token's own user (scope {@code users.profile:write}). */
    void setOwnProfile(ObjectNode profile) {
        call("users.profile.set", Form.of("profile", profile.toString()));
    }

    /** {@code auth.revoke} of the token. */
    void revoke() {
        call("auth.revoke", Form.of("test", false));
    }

    /**
     * {@code oauth.v2.access}: exchanges the code of Slack's authorize page, authenticated as the app (HTTP Basic, as
     * the SDK does); no token needed.
     *
     * @return Slack's answer, with {@code authed_user} (its {@code id} and {@code access_token}) and {@code team}
     */
    JsonNode oauthV2Access(String clientId, String clientSecret, String code, String redirectUri) {
        String basic = Base64.getEncoder().encodeToString((clientId + ":" + clientSecret).getBytes(StandardCharsets.UTF_8));
        return send("oauth.v2.access", "Basic " + basic, Form.of("code", code).add("redirect_uri", redirectUri));
    }

    private JsonNode call(String method, Form form) {
        if (token == null) {
            throw new IllegalStateException("Slack " + method + " needs a token: use withToken(…)");
        }
        return send(method, "Bearer " + token, form);
    }

    /** POSTs the form and returns Slack's {@code ok} answer; every other outcome is thrown (see the class comment). */
    private JsonNode send(String method, String authorization, Form form) {
        PlainHttp.Answer response;
        try {
            response = HTTP.send("POST", methodUris.computeIfAbsent(method, m -> URI.create(endpoint + m)), Map.of(
                    "Content-Type", "application/x-www-form-urlencoded",
                    "Authorization", authorization), form.encoded().getBytes(StandardCharsets.UTF_8), timeout);
        } catch (IOException e) {
            String why = e instanceof java.net.SocketTimeoutException ? "no answer within " + timeout.toMillis() + " ms" : describe(e);
            throw new ChatUnavailableException("Slack " + method + " could not be reached: " + why, e);
        }
        if (response.status() != 200) {
            throw SlackCalls.httpError(method, response.status(), response.header("Retry-After").orElse(null));
        }
        JsonNode answer = parse(method, response.body());
        if (!answer.path("ok").asBoolean(false)) {
            throw new SlackCalls.Refused(method, answer.path("error").asText(null), answer.path("needed").asText(null));
        }
        return answer;
    }

    private static JsonNode parse(String method, byte[] body) {
        try {
            JsonNode answer = JSON.readTree(body);
            if (answer != null && answer.isObject()) {
                return answer;
            }
        } catch (IOException e) {
            // reported below, with what a reader needs and without the body, which may carry people's data
        }
        throw new ChatUnavailableException("Slack " + method + " answered HTTP 200 with something that is not a JSON object ("
                + body.length + " bytes)");
    }

    private static String describe(IOException e) {
        return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
    }

    private static String json(List<ObjectNode> blocks) {
        if (blocks == null) {
            return null;
        }
        try {
            return JSON.writeValueAsString(blocks);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("blocks that are not JSON", e); // Jackson trees always are
        }
    }

    /** An {@code application/x-www-form-urlencoded} body; null values are left out, booleans are 1 or 0 (the SDK's way). */
    private static final class Form {
        private static final char[] HEX = "0123456789ABCDEF".toCharArray();
        private final StringBuilder encoded = new StringBuilder();

        static Form of(String name, Object value) {
            return new Form().add(name, value);
        }

        Form add(String name, Object value) {
            if (value != null) {
                String text = value instanceof Boolean b ? (b ? "1" : "0") : value.toString();
                if (encoded.length() > 0) {
                    encoded.append('&');
                }
                encode(name);
                encoded.append('=');
                encode(text);
            }
            return this;
        }

        /**
         * {@code text} as {@link URLEncoder#encode(String, java.nio.charset.Charset)} gives it in UTF-8 (letters,
         * digits and {@code .-*_} as they are, a space as {@code +}, every other byte as {@code %XX}, a lone surrogate
         * as {@code ?}), char by char: without a String per run of other characters (a message's blocks are mostly
         * JSON punctuation: a twentieth of the CPU per command), and without the byte array {@code getBytes}, whose
         * UTF-8 encoder is slow on a text that is not all Latin-1 ("–", "→" in the wording are not).
         */
        private void encode(String text) {
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (c < 0x80) {
                    encodeByte(c);
                } else if (c < 0x800) {
                    encodeByte(0xc0 | c >> 6);
                    encodeByte(0x80 | c & 0x3f);
                } else if (!Character.isSurrogate(c)) {
                    encodeByte(0xe0 | c >> 12);
                    encodeByte(0x80 | c >> 6 & 0x3f);
                    encodeByte(0x80 | c & 0x3f);
                } else if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                    int codePoint = Character.toCodePoint(c, text.charAt(++i));
                    encodeByte(0xf0 | codePoint >> 18);
                    encodeByte(0x80 | codePoint >> 12 & 0x3f);
                    encodeByte(0x80 | codePoint >> 6 & 0x3f);
                    encodeByte(0x80 | codePoint & 0x3f);
                } else {
                    encodeByte('?'); // as getBytes(UTF_8) replaces a surrogate without its other half
                }
            }
        }

        private void encodeByte(int c) {
            if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '.' || c == '-' || c == '*' || c == '_') {
                encoded.append((char) c);
            } else if (c == ' ') {
                encoded.append('+');
            } else {
                encoded.append('%').append(HEX[c >> 4]).append(HEX[c & 0xf]);
            }
        }

        String encoded() {
            return encoded.toString();
        }
    }
}
