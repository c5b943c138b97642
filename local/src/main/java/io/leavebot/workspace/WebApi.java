package io.leavebot.workspace;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.leavebot.workspace.People.Member;
import io.leavebot.workspace.Surfaces.Result;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The Slack Web API methods LeaveBot calls, answered as Slack answers them: HTTP 200 with {@code "ok": true} and the
 * method's fields, or {@code "ok": false} with Slack's error code ({@code not_authed}, {@code invalid_auth},
 * {@code channel_not_found}, {@code user_not_found}, {@code users_not_found}, {@code expired_trigger_id}, …).
 * Arguments come form-encoded (as Slack's SDKs send them) or as JSON, the token as {@code Authorization: Bearer}
 * or a {@code token} argument.
 */
final class WebApi {
    /** The methods answered; anything else is {@code unknown_method}, as on Slack. */
    static final Set<String> METHODS = Set.of("auth.test", "chat.postMessage", "chat.update", "chat.postEphemeral",
            "conversations.open", "views.open", "views.update", "views.publish", "users.info", "users.lookupByEmail");

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Slack's limits: a message's blocks, and its text. */
    private static final int MAX_BLOCKS = 50;
    private static final int MAX_TEXT = 40_000;

    private final Team team;
    private final People people;
    private final Conversations conversations;
    private final Surfaces surfaces;
    private final byte[] botToken;
    private final Set<String> openedDirectMessages = new HashSet<>();
    private final UserGrants grants;

    WebApi(Team team, People people, Conversations conversations, Surfaces surfaces, UserGrants grants) {
        this.grants = grants;
        this.team = team;
        this.people = people;
        this.conversations = conversations;
        this.surfaces = surfaces;
        this.botToken = team.botToken().getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Calls {@code method} and returns Slack's JSON answer.
     *
     * @param authorization the {@code Authorization} header, or null
     * @param contentType   the body's content type, or null
     */
    String call(String method, String authorization, String contentType, String body) {
        if (!METHODS.contains(method) && !UserGrants.METHODS.contains(method)) {
            return error("unknown_method");
        }
        Map<String, String> args = arguments(contentType, body);
        if (args == null) {
            return error("invalid_form_data");
        }
        String token = authorization != null && authorization.startsWith("Bearer ") ? authorization.substring(7).trim() : args.get("token");
        if (UserGrants.METHODS.contains(method)) {
            // people's own tokens (and, for oauth.v2.access, the app's client id and secret, in the form or as Basic)
            if (authorization != null && authorization.startsWith("Basic ")) {
                String[] client = new String(java.util.Base64.getDecoder().decode(authorization.substring(6).trim()),
                        StandardCharsets.UTF_8).split(":", 2);
                args.putIfAbsent("client_id", client[0]);
                args.putIfAbsent("client_secret", client.length > 1 ? client[1] : "");
            }
            return grants.call(method, args, token);
        }
        if (token == null || token.isBlank()) {
            return error("not_authed");
        }
        if (!MessageDigest.isEqual(botToken, token.getBytes(StandardCharsets.UTF_8))) {
            return error("invalid_auth");
        }
        return switch (method) {
            case "auth.test" -> ok().put("url", team.url()).put("team", team.name()).put("user", Team.BOT_NAME)
                    .put("team_id", Team.TEAM_ID).put("user_id", Team.BOT_USER).put("bot_id", Team.BOT_ID)
                    .put("is_enterprise_install", false).toString();
            case "chat.postMessage" -> postMessage(args);
            case "chat.update" -> update(args);
            case "chat.postEphemeral" -> postEphemeral(args);
            case "conversations.open" -> openDirectMessage(args);
            case "views.open" -> view(args, v -> surfaces.open(args.get("trigger_id"), v, Team.TEAM_ID, Team.APP_ID, Team.BOT_ID), "modal");
            case "views.update" -> view(args, v -> surfaces.update(args.get("view_id"), args.get("hash"), v), null);
            case "views.publish" -> publish(args);
            case "users.info" -> args.get("user") == null ? error("user_not_found") : user(people.byId(args.get("user")), "user_not_found");
            default -> user(people.byEmail(args.get("email")), "users_not_found"); // users.lookupByEmail
        };
    }

    private String postMessage(Map<String, String> args) {
        String channel = channel(args.get("channel"));
        if (channel == null) {
            return error("channel_not_found");
        }
        String threadTs = args.get("thread_ts");
        if (threadTs != null && conversations.find(channel, threadTs).isEmpty()) {
            return error("thread_not_found");
        }
        return content(args).map(WebApi::error).orElseGet(() -> {
            ObjectNode posted = conversations.post(channel, botMessage(args), threadTs);
            return ok().put("channel", channel).put("ts", posted.path("ts").asText()).set("message", posted.deepCopy()).toString();
        });
    }

    private String update(Map<String, String> args) {
        String channel = channel(args.get("channel"));
        if (channel == null) {
            return error("channel_not_found");
        }
        Optional<ObjectNode> original = conversations.find(channel, args.get("ts"));
        if (original.isEmpty()) {
            return error("message_not_found");
        }
        if (!Team.BOT_USER.equals(original.get().path("user").asText())) {
            return error("cant_update_message");
        }
        return content(args).map(WebApi::error).orElseGet(() -> {
            ObjectNode message = botMessage(args);
            ObjectNode updated = conversations.update(channel, args.get("ts"), message.path("text").asText(), message.get("blocks"),
                    Team.BOT_USER).orElseThrow();
            return ok().put("channel", channel).put("ts", args.get("ts")).put("text", updated.path("text").asText())
                    .set("message", updated.deepCopy()).toString();
        });
    }

    private String postEphemeral(Map<String, String> args) {
        String channel = channel(args.get("channel"));
        if (channel == null) {
            return error("channel_not_found");
        }
        String user = args.get("user");
        if (people.byId(user).isEmpty()) {
            return error("user_not_found");
        }
        if (channel.startsWith("D") && !channel.equals(Conversations.directMessageWith(user))) {
            return error("user_not_in_channel");
        }
        return content(args).map(WebApi::error).orElseGet(() -> ok().put("message_ts",
                conversations.postEphemeral(channel, user, botMessage(args)).path("ts").asText()).toString());
    }

    /** conversations.open with one member: the app's DM with them. */
    private String openDirectMessage(Map<String, String> args) {
        String users = args.get("users");
        if (users == null || users.isBlank()) {
            return error("users_list_not_supplied");
        }
        String[] ids = users.split(",");
        if (ids.length != 1) {
            return error("not_implemented"); // group DMs: LeaveBot never opens one, and the workspace has none
        }
        String user = ids[0].trim();
        if (people.byId(user).isEmpty()) {
            return error("user_not_found");
        }
        ObjectNode answer = ok();
        synchronized (openedDirectMessages) {
            if (!openedDirectMessages.add(user)) {
                answer.put("no_op", true).put("already_open", true);
            }
        }
        answer.putObject("channel").put("id", Conversations.directMessageWith(user));
        return answer.toString();
    }

    private String publish(Map<String, String> args) {
        String user = args.get("user_id");
        if (user == null || people.byId(user).isEmpty()) {
            return error("invalid_arguments");
        }
        return view(args, v -> surfaces.publish(user, v, Team.TEAM_ID, Team.APP_ID, Team.BOT_ID), "home");
    }

    /** views.open, .update and .publish: the {@code view} argument checked, then handed to {@code action}. */
    private String view(Map<String, String> args, Function<ObjectNode, Result> action, String type) {
        JsonNode view = parse(args.get("view"));
        if (view == null || !view.isObject() || !view.path("blocks").isArray()
                || type != null && !type.equals(view.path("type").asText())) {
            return error("invalid_arguments");
        }
        BlockIds.assign(view.path("blocks"));
        Result result = action.apply((ObjectNode) view);
        return result.error() != null ? error(result.error()) : ok().set("view", result.view()).toString();
    }

    private String user(Optional<Member> found, String notFound) {
        if (found.isEmpty()) {
            return error(notFound);
        }
        Member m = found.get();
        ObjectNode user = JSON.createObjectNode().put("id", m.id()).put("team_id", Team.TEAM_ID)
                .put("name", m.email().substring(0, m.email().indexOf('@'))).put("deleted", false).put("real_name", m.name())
                .put("tz", ZoneId.systemDefault().getId()).put("is_admin", false).put("is_owner", false).put("is_bot", false)
                .put("is_app_user", false).put("updated", 1767225600);
        user.putObject("profile").put("real_name", m.name()).put("real_name_normalized", m.name())
                .put("display_name", m.name().split(" ")[0]).put("display_name_normalized", m.name().split(" ")[0])
                .put("title", m.title() == null ? "" : m.title()).put("email", m.email()).put("team", Team.TEAM_ID);
        return ok().set("user", user).toString();
    }

    /** A channel id, or a member's user id (which posts into the app's DM with them); null when there is no such conversation. */
    private String channel(String id) {
        if (id == null) {
            return null;
        }
        String channel = people.byId(id).isPresent() ? Conversations.directMessageWith(id) : id;
        return conversations.exists(channel) ? channel : null;
    }

    /** What is wrong with a message's text and blocks, as Slack names it; empty when nothing is. */
    private static Optional<String> content(Map<String, String> args) {
        String text = args.get("text");
        String blocks = args.get("blocks");
        JsonNode parsed = blocks == null ? null : parse(blocks);
        if (blocks != null && (parsed == null || !parsed.isArray() || parsed.size() > MAX_BLOCKS)) {
            return Optional.of("invalid_blocks");
        }
        if ((text == null || text.isBlank()) && (parsed == null || parsed.isEmpty())) {
            return Optional.of("no_text");
        }
        return text != null && text.length() > MAX_TEXT ? Optional.of("msg_too_long") : Optional.empty();
    }

    private static ObjectNode botMessage(Map<String, String> args) {
        ObjectNode message = JSON.createObjectNode().put("user", Team.BOT_USER).put("bot_id", Team.BOT_ID).put("app_id", Team.APP_ID)
                .put("team", Team.TEAM_ID).put("text", args.getOrDefault("text", ""));
        message.set("blocks", args.get("blocks") == null ? JSON.createArrayNode() : BlockIds.assign(parse(args.get("blocks"))));
        return message;
    }

    /** Form fields or a JSON object's members (non-text members as JSON); null when the body is neither. */
    static Map<String, String> arguments(String contentType, String body) {
        Map<String, String> args = new HashMap<>();
        if (body == null || body.isBlank()) {
            return args;
        }
        if (contentType != null && contentType.startsWith("application/json")) {
            JsonNode json = parse(body);
            if (json == null || !json.isObject()) {
                return null;
            }
            json.properties().forEach(e -> args.put(e.getKey(), e.getValue().isTextual() ? e.getValue().asText() : e.getValue().toString()));
            return args;
        }
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            try {
                args.put(URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8),
                        eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            } catch (IllegalArgumentException e) {
                return null;
            }
        }
        return args;
    }

    private static JsonNode parse(String json) {
        try {
            return json == null ? null : JSON.readTree(json);
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    private static ObjectNode ok() {
        return JSON.createObjectNode().put("ok", true);
    }

    static String error(String code) {
        return JSON.createObjectNode().put("ok", false).put("error", code).toString();
    }
}
