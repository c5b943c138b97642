package io.leavebot.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.slack.api.app_backend.SlackSignature;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Requests as Slack sends them to an app over HTTP, signed with {@link #SIGNING_SECRET} at the test clock's now:
 * slash commands (form fields), {@code block_actions} and {@code view_submission} interactions ({@code payload=}
 * JSON), and {@code app_home_opened} events (a JSON envelope). The shapes follow the examples in Slack's reference
 * (slash commands, interaction payloads, Events API), with ids of the {@link SlackApi} workspace; each command and
 * click gets a fresh {@code trigger_id}, as in Slack.
 */
public final class SlackRequests {
    public static final String SIGNING_SECRET = "3a7c0f9e2b8d41f6a5e09c1d7b2f48e6";
    public static final String APP_ID = "A0LEAVEBOT";

    private static final ObjectMapper JSON = new ObjectMapper();
    private final Supplier<Instant> now;
    private final String responseUrl;
    private final AtomicInteger sequence = new AtomicInteger();

    /**
     * @param now         when requests are signed (the application's clock)
     * @param responseUrl where {@code response_url}s of commands and message clicks point
     */
    public SlackRequests(Supplier<Instant> now, String responseUrl) {
        this.now = now;
        this.responseUrl = responseUrl;
    }

    /** One request: its headers and raw body. */
    public record Signed(Map<String, List<String>> headers, String body) {
        /** The same headers with {@code name} set to {@code value} (or removed, for null). */
        public Signed withHeader(String name, String value) {
            Map<String, List<String>> changed = new LinkedHashMap<>(headers);
            if (value == null) {
                changed.remove(name);
            } else {
                changed.put(name, List.of(value));
            }
            return new Signed(changed, body);
        }

        /** Another body under the same signature, as an attacker changing a captured request would send it. */
        public Signed withBody(String otherBody) {
            return new Signed(headers, otherBody);
        }

        public String header(String name) {
            return headers.get(name).get(0);
        }
    }

    /** {@code /leave <text>} typed by {@code userId} in a channel, with a new trigger id. */
    public Signed command(String userId, String text) {
        return command(userId, text, triggerId());
    }

    /** {@code /leave <text>}, as Slack's slash command example has it (and as retried: with a trigger id given). */
    public Signed command(String userId, String text, String triggerId) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("token", "gIkuvaNzQIHg97ATvDxqgjtO");
        form.put("team_id", SlackApi.TEAM);
        form.put("team_domain", "leavebot-test");
        form.put("channel_id", "C2147483705");
        form.put("channel_name", "general");
        form.put("user_id", userId);
        form.put("user_name", userId.toLowerCase());
        form.put("command", "/leave");
        form.put("text", text);
        form.put("api_app_id", APP_ID);
        form.put("is_enterprise_install", "false");
        form.put("response_url", responseUrl);
        form.put("trigger_id", triggerId);
        return sign(formBody(form));
    }

    /** A button click in a message the bot sent to {@code userId} (a DM), like Slack's block_actions example. */
    public Signed click(String userId, String actionId, String value) {
        ObjectNode payload = interaction("block_actions", userId);
        payload.putObject("container").put("type", "message").put("message_ts", "1767603600.000200")
                .put("channel_id", "D" + userId).put("is_ephemeral", false);
        payload.putObject("channel").put("id", "D" + userId).put("name", "directmessage");
        payload.putObject("message").put("type", "message").put("user", SlackApi.BOT_USER).put("bot_id", "B0BOT")
                .put("ts", "1767603600.000200").put("text", "Leave request").putArray("blocks");
        payload.putObject("state").putObject("values");
        payload.put("response_url", responseUrl);
        button(payload.putArray("actions"), actionId, value);
        return sign(formBody(Map.of("payload", payload.toString())));
    }

    /** A button click on {@code userId}'s App Home tab: the container is the view, and there is no response_url. */
    public Signed clickOnHome(String userId, String actionId, String value) {
        ObjectNode payload = interaction("block_actions", userId);
        String viewId = "V0HOME" + sequence.incrementAndGet();
        payload.putObject("container").put("type", "view").put("view_id", viewId);
        ObjectNode view = payload.putObject("view").put("id", viewId).put("team_id", SlackApi.TEAM).put("type", "home")
                .put("private_metadata", "").put("callback_id", "").put("hash", "1767603600.Qx8Z3ymt")
                .put("app_id", APP_ID).put("bot_id", "B0BOT");
        view.putArray("blocks");
        view.putObject("state").putObject("values");
        button(payload.putArray("actions"), actionId, value);
        return sign(formBody(Map.of("payload", payload.toString())));
    }

    /** The user sent a modal: {@code values} is its {@code state.values} (see {@link #values()}). */
    public Signed viewSubmission(String userId, String viewId, String callbackId, String privateMetadata, ObjectNode values) {
        ObjectNode payload = interaction("view_submission", userId);
        ObjectNode view = payload.putObject("view").put("id", viewId).put("team_id", SlackApi.TEAM).put("type", "modal")
                .put("private_metadata", privateMetadata).put("callback_id", callbackId)
                .put("hash", "1767603600.Nc2k9BdQ").put("clear_on_close", false).put("notify_on_close", false)
                .put("root_view_id", viewId).put("app_id", APP_ID).put("bot_id", "B0BOT");
        view.putObject("title").put("type", "plain_text").put("text", "LeaveBot");
        view.putArray("blocks");
        view.putObject("state").set("values", values);
        payload.putArray("response_urls");
        return sign(formBody(Map.of("payload", payload.toString())));
    }

    /**
     * The user changed the input {@code actionId} (in the block of the same id, which dispatches actions) of their
     * open modal: block_actions with the view, whose state holds {@code values}.
     */
    public Signed changeInModal(String userId, String viewId, String callbackId, String privateMetadata, ObjectNode values,
            String actionId) {
        ObjectNode payload = interaction("block_actions", userId);
        payload.putObject("container").put("type", "view").put("view_id", viewId);
        ObjectNode view = payload.putObject("view").put("id", viewId).put("team_id", SlackApi.TEAM).put("type", "modal")
                .put("private_metadata", privateMetadata).put("callback_id", callbackId)
                .put("hash", "1767603600.Nc2k9BdQ").put("root_view_id", viewId).put("app_id", APP_ID).put("bot_id", "B0BOT");
        view.putArray("blocks");
        view.putObject("state").set("values", values);
        payload.putArray("actions").addObject().put("type", "datepicker").put("block_id", actionId).put("action_id", actionId)
                .put("action_ts", now.get().getEpochSecond() + ".913402");
        return sign(formBody(Map.of("payload", payload.toString())));
    }

    /** An empty {@code state.values}, filled with {@link #select}, {@link #date}, {@link #checked}, {@link #text}. */
    public static ObjectNode values() {
        return JSON.createObjectNode();
    }

    /** A static select's choice, in block {@code id} whose element has action id {@code id}. */
    public static ObjectNode select(ObjectNode values, String id, String value) {
        values.putObject(id).putObject(id).put("type", "static_select").putObject("selected_option")
                .put("value", value).putObject("text").put("type", "plain_text").put("text", value);
        return values;
    }

    public static ObjectNode date(ObjectNode values, String id, String isoDate) {
        values.putObject(id).putObject(id).put("type", "datepicker").put("selected_date", isoDate);
        return values;
    }

    /** Checkboxes with the given option values ticked (none: an empty list, as Slack sends it). */
    public static ObjectNode checked(ObjectNode values, String id, String... optionValues) {
        ArrayNode selected = values.putObject(id).putObject(id).put("type", "checkboxes").putArray("selected_options");
        for (String value : optionValues) {
            selected.addObject().put("value", value).putObject("text").put("type", "plain_text").put("text", value);
        }
        return values;
    }

    /** A plain-text input; null for one left empty (Slack sends {@code "value": null}). */
    public static ObjectNode text(ObjectNode values, String id, String value) {
        values.putObject(id).putObject(id).put("type", "plain_text_input").put("value", value);
        return values;
    }

    /** {@code userId} opened the Home tab of the app (Events API envelope, as in Slack's app_home_opened example). */
    public Signed appHomeOpened(String userId) {
        return appHomeOpened(userId, "home");
    }

    /** {@code userId} opened a tab of the app: {@code home} or {@code messages}. */
    public Signed appHomeOpened(String userId, String tab) {
        ObjectNode envelope = JSON.createObjectNode().put("token", "ZZZZZZWSxiZZZ2yIvs3peJ").put("team_id", SlackApi.TEAM)
                .put("api_app_id", APP_ID);
        envelope.putObject("event").put("type", "app_home_opened").put("user", userId).put("channel", "D" + userId)
                .put("tab", tab).put("event_ts", now.get().getEpochSecond() + ".000016");
        envelope.put("type", "event_callback").put("event_id", "Ev0" + sequence.incrementAndGet())
                .put("event_time", now.get().getEpochSecond());
        envelope.putArray("authorizations").addObject().putNull("enterprise_id").put("team_id", SlackApi.TEAM)
                .put("user_id", SlackApi.BOT_USER).put("is_bot", true).put("is_enterprise_install", false);
        envelope.put("is_ext_shared_channel", false);
        return sign(envelope.toString());
    }

    /** {@code body} signed now, with the headers Slack sends. */
    public Signed sign(String body) {
        return sign(body, now.get());
    }

    /** {@code body} signed as if sent at {@code at}. */
    public Signed sign(String body, Instant at) {
        String timestamp = String.valueOf(at.getEpochSecond());
        Map<String, List<String>> headers = new LinkedHashMap<>();
        headers.put("Content-Type", List.of(body.startsWith("{") ? "application/json" : "application/x-www-form-urlencoded"));
        headers.put("User-Agent", List.of("Slackbot 1.0 (+https://api.slack.com/robots)"));
        headers.put(SlackSignature.HeaderNames.X_SLACK_REQUEST_TIMESTAMP, List.of(timestamp));
        headers.put(SlackSignature.HeaderNames.X_SLACK_SIGNATURE,
                List.of(new SlackSignature.Generator(SIGNING_SECRET).generate(timestamp, body)));
        return new Signed(headers, body);
    }

    /** A trigger id shaped like Slack's ({@code 13345224609.738474920.8088930838d88f008e0}), new each time. */
    public String triggerId() {
        return now.get().getEpochSecond() + "." + (738474920 + sequence.incrementAndGet()) + ".8088930838d88f008e0";
    }

    private ObjectNode interaction(String type, String userId) {
        ObjectNode payload = JSON.createObjectNode().put("type", type);
        payload.putObject("team").put("id", SlackApi.TEAM).put("domain", "leavebot-test");
        payload.putObject("user").put("id", userId).put("username", userId.toLowerCase()).put("name", userId.toLowerCase())
                .put("team_id", SlackApi.TEAM);
        payload.put("api_app_id", APP_ID).put("token", "Shh_its_a_seekrit").put("trigger_id", triggerId());
        payload.putNull("enterprise");
        payload.put("is_enterprise_install", false);
        return payload;
    }

    private void button(ArrayNode actions, String actionId, String value) {
        ObjectNode action = actions.addObject().put("type", "button").put("block_id", "decide").put("action_id", actionId)
                .put("value", value).put("action_ts", now.get().getEpochSecond() + ".913402");
        action.putObject("text").put("type", "plain_text").put("text", actionId).put("emoji", true);
    }

    private static String formBody(Map<String, String> fields) {
        StringBuilder body = new StringBuilder();
        fields.forEach((name, value) -> body.append(body.length() == 0 ? "" : "&")
                .append(URLEncoder.encode(name, StandardCharsets.UTF_8)).append('=')
                .append(URLEncoder.encode(value, StandardCharsets.UTF_8)));
        return body.toString();
    }
}
