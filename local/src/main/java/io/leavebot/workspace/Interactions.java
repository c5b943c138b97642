package io.leavebot.workspace;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.leavebot.workspace.Delivery.Ack;
import io.leavebot.workspace.People.Member;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.StreamSupport;

/**
 * What a person does in the workspace, turned into what Slack sends the app, in the shapes of Slack's reference:
 * a slash command (form fields), a {@code block_actions} click or change of a dispatching input, and a
 * {@code view_submission} ({@code payload=}
 * JSON), an {@code app_home_opened} event (an Events API envelope). LeaveBot's answer is then shown as Slack
 * shows it: a command's ack text as an ephemeral message, a submission's {@code response_action} on the modal, a
 * failed delivery as Slack's error.
 */
final class Interactions {
    static final String COMMAND = "/leave";
    /** The legacy verification token Slack still puts in payloads; LeaveBot checks signatures instead. */
    private static final String VERIFICATION_TOKEN = "workspace-verification-token";
    private static final ObjectMapper JSON = new ObjectMapper();
    /** An @name at the start of a word (so not the domain of an e-mail address). */
    private static final Pattern MENTION = Pattern.compile("(?<!\\S)@([A-Za-z0-9._-]+)");

    private final People people;
    private final Conversations conversations;
    private final Surfaces surfaces;
    private final ResponseUrls responseUrls;
    private final SlackServer server;
    private final Delivery delivery;
    private final Clock slackTime;

    Interactions(People people, Conversations conversations, Surfaces surfaces, ResponseUrls responseUrls, SlackServer server,
            Delivery delivery, Clock slackTime) {
        this.people = people;
        this.conversations = conversations;
        this.surfaces = surfaces;
        this.responseUrls = responseUrls;
        this.server = server;
        this.delivery = delivery;
        this.slackTime = slackTime;
    }

    /** Something typed into a conversation's composer: a slash command, or a message. */
    void type(Member who, String channel, String text) {
        String typed = text.strip();
        if (!typed.startsWith("/")) {
            say(who, channel, typed);
            return;
        }
        String command = typed.split("\\s+", 2)[0];
        if (!command.equals(COMMAND)) {
            slackbot(channel, who, command + " is not a valid command. In this workspace, LeaveBot's " + COMMAND + " is the one command.");
            return;
        }
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("token", VERIFICATION_TOKEN);
        fields.put("team_id", Team.TEAM_ID);
        fields.put("team_domain", Team.TEAM_DOMAIN);
        fields.put("channel_id", channel);
        fields.put("channel_name", channel.equals(Conversations.GENERAL) ? Conversations.GENERAL_NAME : "directmessage");
        fields.put("user_id", who.id());
        fields.put("user_name", userName(who));
        fields.put("command", COMMAND);
        fields.put("text", escaped(typed.substring(command.length()).strip()));
        fields.put("api_app_id", Team.APP_ID);
        fields.put("is_enterprise_install", "false");
        fields.put("response_url", server.responseUrl(responseUrls.issue(channel, who.id(), null)));
        fields.put("trigger_id", surfaces.trigger(who.id()));
        Ack ack = delivery.form(form(fields));
        if (ack.failure() != null) {
            slackbot(channel, who, COMMAND + " failed with the error \"" + ack.failure() + "\"");
        } else if (!ack.body().isBlank()) {
            answerInChannel(channel, who, parse(ack.body()));
        }
    }

    /** A click on a button in a message; the button is looked up in the message, as Slack's client knows it. */
    void clickInMessage(Member who, String channel, String ts, String blockId, String actionId) {
        ObjectNode message = conversations.find(channel, ts).orElseThrow(() -> new IllegalArgumentException("no such message"));
        ObjectNode button = button(message.path("blocks"), blockId, actionId);
        ObjectNode payload = interaction("block_actions", who);
        payload.putObject("container").put("type", "message").put("message_ts", ts).put("channel_id", channel)
                .put("is_ephemeral", false);
        payload.putObject("channel").put("id", channel).put("name", channel.startsWith("D") ? "directmessage" : Conversations.GENERAL_NAME);
        payload.set("message", message);
        payload.putObject("state").putObject("values");
        payload.put("response_url", server.responseUrl(responseUrls.issue(channel, who.id(), ts)));
        payload.putArray("actions").add(action(button, blockId));
        Ack ack = delivery.form(form(Map.of("payload", payload.toString())));
        if (ack.failure() != null) {
            slackbot(channel, who, "LeaveBot did not answer your click (" + ack.failure() + "). Please try again.");
        }
    }

    /** A click on a button in a view: {@code who}'s Home tab or open modal. */
    void clickInView(Member who, String viewId, String blockId, String actionId) {
        ObjectNode view = surfaces.viewOf(who.id(), viewId).orElseThrow(() -> new IllegalArgumentException("no such view"));
        ObjectNode payload = interaction("block_actions", who);
        payload.putObject("container").put("type", "view").put("view_id", viewId);
        payload.set("view", view);
        payload.putArray("actions").add(action(button(view.path("blocks"), blockId, actionId), blockId));
        delivery.form(form(Map.of("payload", payload.toString())));
    }

    /**
     * An input of {@code who}'s open modal changed, in a block with {@code dispatch_action}: Slack sends block_actions
     * with the view, its state as it is now ({@code values}), and the input's new value as the action. LeaveBot may
     * answer with views.update.
     */
    void changeInView(Member who, String viewId, String blockId, String actionId, ObjectNode values) {
        ObjectNode view = surfaces.viewOf(who.id(), viewId).orElseThrow(() -> new IllegalArgumentException("no such view"));
        view.putObject("state").set("values", values);
        ObjectNode payload = interaction("block_actions", who);
        payload.putObject("container").put("type", "view").put("view_id", viewId);
        payload.set("view", view);
        JsonNode value = values.path(blockId).path(actionId);
        ObjectNode action = value.isObject() ? ((ObjectNode) value).deepCopy() : JSON.createObjectNode();
        payload.putArray("actions").add(action.put("action_id", actionId).put("block_id", blockId).put("action_ts", eventTs()));
        delivery.form(form(Map.of("payload", payload.toString())));
    }

    /**
     * The top modal sent with {@code values} (Slack's {@code state.values}: block id → action id → value). LeaveBot's
     * answer closes it, shows errors under its blocks, or replaces it.
     */
    void submit(Member who, String viewId, ObjectNode values) {
        ObjectNode view = surfaces.modalOf(who.id()).filter(v -> v.path("id").asText().equals(viewId))
                .orElseThrow(() -> new IllegalArgumentException("no such modal"));
        view.putObject("state").set("values", values);
        ObjectNode payload = interaction("view_submission", who);
        payload.set("view", view);
        payload.putArray("response_urls");
        Ack ack = delivery.form(form(Map.of("payload", payload.toString())));
        if (ack.failure() != null) {
            surfaces.showErrors(viewId, Map.of("", "We had some trouble connecting (" + ack.failure() + "). Try again?"));
            return;
        }
        JsonNode answer = ack.body().isBlank() ? JSON.createObjectNode() : parse(ack.body());
        switch (answer.path("response_action").asText("")) {
            case "errors" -> surfaces.showErrors(viewId, errors(answer.path("errors")));
            case "update" -> surfaces.update(viewId, null, (ObjectNode) answer.get("view"));
            case "clear" -> surfaces.clear(who.id());
            default -> surfaces.close(who.id());
        }
    }

    /** {@code who} opened the app's Home tab: Slack tells the app, which publishes the view. */
    void openHome(Member who) {
        ObjectNode envelope = JSON.createObjectNode().put("token", VERIFICATION_TOKEN).put("team_id", Team.TEAM_ID)
                .put("api_app_id", Team.APP_ID);
        ObjectNode event = envelope.putObject("event").put("type", "app_home_opened").put("user", who.id())
                .put("channel", Conversations.directMessageWith(who.id())).put("tab", "home").put("event_ts", eventTs());
        surfaces.homeOf(who.id()).ifPresent(home -> event.set("view", home));
        envelope.put("type", "event_callback").put("event_id", "Ev0" + Long.toString(System.nanoTime(), 36).toUpperCase())
                .put("event_time", slackTime.instant().getEpochSecond());
        envelope.putArray("authorizations").addObject().putNull("enterprise_id").put("team_id", Team.TEAM_ID)
                .put("user_id", Team.BOT_USER).put("is_bot", true).put("is_enterprise_install", false);
        envelope.put("is_ext_shared_channel", false).put("event_context", "4-" + Team.TEAM_ID);
        delivery.event(envelope.toString());
    }

    private void say(Member who, String channel, String text) {
        if (channel.startsWith("D")) {
            slackbot(channel, who, "Sending messages to this app has been turned off; type " + COMMAND + " here, or in #"
                    + Conversations.GENERAL_NAME + ".");
            return;
        }
        conversations.post(channel, JSON.createObjectNode().put("user", who.id()).put("team", Team.TEAM_ID).put("text", text), null);
    }

    /** A command's ack: ephemeral unless LeaveBot asked for {@code in_channel}. */
    private void answerInChannel(String channel, Member who, JsonNode ack) {
        ObjectNode message = JSON.createObjectNode().put("user", Team.BOT_USER).put("bot_id", Team.BOT_ID)
                .put("text", ack.path("text").asText(""));
        message.set("blocks", ack.path("blocks").isArray() ? ack.get("blocks") : JSON.createArrayNode());
        if ("in_channel".equals(ack.path("response_type").asText())) {
            conversations.post(channel, message, null);
        } else {
            conversations.postEphemeral(channel, who.id(), message);
        }
    }

    /** What Slack itself says to one person, in the conversation they are in. */
    private void slackbot(String channel, Member who, String text) {
        conversations.postEphemeral(channel, who.id(), JSON.createObjectNode().put("user", "USLACKBOT").put("text", text));
    }

    private ObjectNode interaction(String type, Member who) {
        ObjectNode payload = JSON.createObjectNode().put("type", type);
        payload.putObject("user").put("id", who.id()).put("username", userName(who)).put("name", userName(who))
                .put("team_id", Team.TEAM_ID);
        payload.put("api_app_id", Team.APP_ID).put("token", VERIFICATION_TOKEN).put("trigger_id", surfaces.trigger(who.id()));
        payload.putObject("team").put("id", Team.TEAM_ID).put("domain", Team.TEAM_DOMAIN);
        payload.putNull("enterprise");
        payload.put("is_enterprise_install", false);
        return payload;
    }

    /** The action as Slack reports a button click: the button's own fields, where it was, and when. */
    private ObjectNode action(ObjectNode button, String blockId) {
        ObjectNode action = JSON.createObjectNode().put("type", "button").put("action_id", button.path("action_id").asText())
                .put("block_id", blockId);
        action.set("text", button.get("text"));
        if (button.has("value")) {
            action.put("value", button.path("value").asText());
        }
        if (button.has("style")) {
            action.put("style", button.path("style").asText());
        }
        return action.put("action_ts", eventTs());
    }

    /** The button with this action id in the block with this id (an actions block, or a section's accessory). */
    private static ObjectNode button(JsonNode blocks, String blockId, String actionId) {
        for (JsonNode block : blocks) {
            if (!blockId.equals(block.path("block_id").asText())) {
                continue;
            }
            Optional<JsonNode> found = block.has("accessory") ? Optional.of(block.get("accessory"))
                    : StreamSupport.stream(block.path("elements").spliterator(), false)
                            .filter(e -> actionId.equals(e.path("action_id").asText())).findFirst();
            if (found.isPresent() && actionId.equals(found.get().path("action_id").asText())) {
                return (ObjectNode) found.get();
            }
        }
        throw new IllegalArgumentException("no button " + actionId + " in block " + blockId);
    }

    private static Map<String, String> errors(JsonNode errors) {
        Map<String, String> byBlock = new LinkedHashMap<>();
        errors.properties().forEach(e -> byBlock.put(e.getKey(), e.getValue().asText()));
        return byBlock;
    }

    private String eventTs() {
        long micros = slackTime.millis() * 1000;
        return String.format("%d.%06d", micros / 1_000_000, micros % 1_000_000);
    }

    /**
     * Command text as Slack sends it for a command with {@code should_escape} (see manifest.yml): {@code &}, {@code <}
     * and {@code >} escaped, and each @mention of a member — by user name (the part of the e-mail before the @) or
     * first name, as the workspace has no mention picker — as {@code <@U…|username>}.
     */
    String escaped(String text) {
        Matcher mention = MENTION.matcher(text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;"));
        StringBuilder out = new StringBuilder();
        while (mention.find()) {
            String name = mention.group(1);
            Optional<Member> member = people.members().stream().filter(m -> userName(m).equalsIgnoreCase(name)
                    || m.name().split(" ")[0].equalsIgnoreCase(name)).findFirst();
            mention.appendReplacement(out, Matcher.quoteReplacement(member.map(m -> "<@" + m.id() + "|" + userName(m) + ">")
                    .orElse(mention.group())));
        }
        mention.appendTail(out);
        return out.toString();
    }

    private static String userName(Member who) {
        return who.email().substring(0, who.email().indexOf('@'));
    }

    private static String form(Map<String, String> fields) {
        StringBuilder body = new StringBuilder();
        fields.forEach((name, value) -> body.append(body.length() == 0 ? "" : "&").append(URLEncoder.encode(name, StandardCharsets.UTF_8))
                .append('=').append(URLEncoder.encode(value, StandardCharsets.UTF_8)));
        return body.toString();
    }

    private static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (JsonProcessingException e) {
            return JSON.createObjectNode().put("text", json); // Slack shows a plain-text ack as it is
        }
    }
}
