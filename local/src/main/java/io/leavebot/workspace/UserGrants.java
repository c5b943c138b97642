package io.leavebot.workspace;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.leavebot.http.Html;
import io.leavebot.http.WebRequest;
import io.leavebot.http.WebResponse;
import io.leavebot.workspace.People.Member;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Slack's OAuth v2 for user tokens, and the member profiles those tokens change, as the local workspace plays them:
 * the authorize page ({@value #AUTHORIZE_PATH} on LeaveBot's web server: pick who you are, Allow or Cancel, then
 * back to the app's redirect URL with {@code code} and {@code state}, or {@code error=access_denied}),
 * {@code oauth.v2.access} (the code once, within 10 minutes, for the client id, secret and redirect URL it was
 * issued to), {@code users.profile.set} and {@code .get} with a user token, and {@code auth.revoke}. Answers have
 * Slack's shapes and error codes ({@code invalid_code}, {@code invalid_client_id}, {@code bad_client_secret},
 * {@code bad_redirect_uri}, {@code invalid_auth}, {@code token_revoked}).
 */
final class UserGrants {
    static final String AUTHORIZE_PATH = "/workspace/oauth/v2/authorize";
    static final Set<String> METHODS = Set.of("oauth.v2.access", "users.profile.set", "users.profile.get", "auth.revoke");
    private static final Duration CODE_LIFETIME = Duration.ofMinutes(10);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final SecureRandom RANDOM = new SecureRandom();

    private record Code(String userId, String redirectUri, Instant expires) {
    }

    /** A member's status, as users.profile.get answers it. */
    record Status(String text, String emoji, long expiration) {
    }

    private final People people;
    private final Clock clock;
    private final String clientId = "L0CAL." + hex(6);
    private final String clientSecret = hex(16);
    private final Map<String, Code> codes = new ConcurrentHashMap<>();
    /** user token → member id; a revoked token is removed and remembered as such. */
    private final Map<String, String> tokens = new ConcurrentHashMap<>();
    private final Set<String> revoked = ConcurrentHashMap.newKeySet();
    private final Map<String, Status> statuses = new ConcurrentHashMap<>();

    UserGrants(People people, Clock clock) {
        this.people = people;
        this.clock = clock;
    }

    String clientId() {
        return clientId;
    }

    String clientSecret() {
        return clientSecret;
    }

    /** The member's status, unless none is set or it has expired. */
    Optional<Status> statusOf(String userId) {
        Status status = statuses.get(userId);
        if (status == null || status.text().isEmpty() && status.emoji().isEmpty()
                || status.expiration() > 0 && status.expiration() <= clock.instant().getEpochSecond()) {
            return Optional.empty();
        }
        return Optional.of(status);
    }

    /** The authorize page (GET) and the choice made on it (POST). */
    WebResponse authorize(WebRequest request) {
        Map<String, String> query = request.query();
        String redirect = query.get("redirect_uri");
        if (!clientId.equals(query.get("client_id")) || redirect == null || !isHttp(redirect)) {
            return html(400, "Slack cannot show this page", "The link names another app, or no redirect URL.");
        }
        if (request.method().equals("POST")) {
            Map<String, String> form = WebApi.arguments(null, new String(request.body(), StandardCharsets.UTF_8));
            String state = query.getOrDefault("state", "");
            Optional<Member> member = form == null ? Optional.empty() : people.byId(form.getOrDefault("user", ""));
            if (form == null || !"allow".equals(form.get("choice")) || member.isEmpty()) {
                return redirect(redirect, "error=access_denied&state=" + encode(state));
            }
            String code = "local-code-" + hex(12);
            codes.put(code, new Code(member.get().id(), redirect, clock.instant().plus(CODE_LIFETIME)));
            return redirect(redirect, "code=" + encode(code) + "&state=" + encode(state));
        }
        StringBuilder options = new StringBuilder();
        people.members().forEach(m -> options.append("<option value=\"").append(Html.text(m.id())).append("\">")
                .append(Html.text(m.name())).append("</option>"));
        return html(200, "LeaveBot wants to set your status", "<p>LeaveBot is asking to <b>set your status</b> in "
                + "LeaveBot Local (users.profile:write).</p>\n<form method=\"post\"><p><label>You are <select name=\"user\">"
                + options + "</select></label></p><p><button class=\"approve\" name=\"choice\" value=\"allow\">Allow</button> "
                + "<button class=\"reject\" name=\"choice\" value=\"cancel\">Cancel</button></p></form>\n");
    }

    /** One of {@link #METHODS}, with its arguments and the bearer token (null for oauth.v2.access), to Slack's JSON. */
    String call(String method, Map<String, String> args, String token) {
        return switch (method) {
            case "oauth.v2.access" -> access(args);
            case "auth.revoke" -> withUser(token, user -> {
                tokens.remove(token);
                revoked.add(token);
                return ok().put("revoked", true).toString();
            });
            case "users.profile.get" -> withUser(token, user -> {
                Status s = statusOf(user).orElse(new Status("", "", 0));
                ObjectNode answer = ok();
                answer.putObject("profile").put("status_text", s.text()).put("status_emoji", s.emoji())
                        .put("status_expiration", s.expiration());
                return answer.toString();
            });
            default -> withUser(token, user -> setProfile(user, args)); // users.profile.set
        };
    }

    private String access(Map<String, String> args) {
        if (!clientId.equals(args.get("client_id"))) {
            return WebApi.error("invalid_client_id");
        }
        if (!clientSecret.equals(args.get("client_secret"))) {
            return WebApi.error("bad_client_secret");
        }
        Code code = args.get("code") == null ? null : codes.remove(args.get("code"));
        if (code == null || code.expires().isBefore(clock.instant())) {
            return WebApi.error("invalid_code");
        }
        if (!code.redirectUri().equals(args.get("redirect_uri"))) {
            return WebApi.error("bad_redirect_uri");
        }
        String token = "xoxp-local-" + hex(16);
        tokens.put(token, code.userId());
        ObjectNode answer = ok().put("app_id", Team.APP_ID);
        answer.putObject("authed_user").put("id", code.userId()).put("scope", "users.profile:write")
                .put("access_token", token).put("token_type", "user");
        answer.putObject("team").put("id", Team.TEAM_ID).put("name", "LeaveBot Local");
        answer.putNull("enterprise");
        answer.put("is_enterprise_install", false);
        return answer.toString();
    }

    private String setProfile(String user, Map<String, String> args) {
        JsonNode profile;
        try {
            profile = JSON.readTree(args.getOrDefault("profile", "{}"));
        } catch (java.io.IOException e) {
            return WebApi.error("invalid_profile");
        }
        Status before = statuses.getOrDefault(user, new Status("", "", 0));
        Status after = new Status(profile.path("status_text").asText(before.text()), profile.path("status_emoji").asText(before.emoji()),
                profile.path("status_expiration").asLong(before.expiration()));
        if (after.text().length() > 100) {
            return WebApi.error("too_long");
        }
        statuses.put(user, after);
        ObjectNode answer = ok();
        answer.putObject("profile").put("status_text", after.text()).put("status_emoji", after.emoji())
                .put("status_expiration", after.expiration());
        return answer.toString();
    }

    private String withUser(String token, java.util.function.Function<String, String> answer) {
        if (token == null || token.isBlank()) {
            return WebApi.error("not_authed");
        }
        String user = tokens.get(token);
        if (user == null) {
            return WebApi.error(revoked.contains(token) ? "token_revoked" : "invalid_auth");
        }
        return answer.apply(user);
    }

    private static WebResponse redirect(String to, String query) {
        URI uri = URI.create(to);
        return new WebResponse(302, Map.of("Location", to + (uri.getRawQuery() == null ? "?" : "&") + query,
                "Content-Type", "text/plain; charset=utf-8"), "");
    }

    private static WebResponse html(int status, String title, String body) {
        return new WebResponse(status, Map.of("Content-Type", "text/html; charset=utf-8"), Html.page(title, body));
    }

    private static boolean isHttp(String uri) {
        try {
            URI parsed = URI.create(uri);
            return parsed.getHost() != null && ("http".equals(parsed.getScheme()) || "https".equals(parsed.getScheme()));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static ObjectNode ok() {
        return JSON.createObjectNode().put("ok", true);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String hex(int bytes) {
        byte[] value = new byte[bytes];
        RANDOM.nextBytes(value);
        return HexFormat.of().formatHex(value);
    }
}
