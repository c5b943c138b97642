package io.leavebot.workspace;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The {@code response_url}s that come with commands and clicks in messages: LeaveBot posts its answer there. As on
 * Slack, one works {@value #USES} times within 30 minutes; the answer is ephemeral (for the person who typed or
 * clicked), {@code in_channel}, or replaces (or deletes) the message that was clicked.
 */
final class ResponseUrls {
    static final int USES = 5;
    private static final Duration LIFETIME = Duration.ofMinutes(30);
    private static final ObjectMapper JSON = new ObjectMapper();

    /** An HTTP answer: status and JSON body. */
    record Answer(int status, String body) {
    }

    private record Target(String channel, String user, String messageTs, Instant expires, int used) {
    }

    private final Clock slackTime;
    private final Conversations conversations;
    private final Map<String, Target> targets = new ConcurrentHashMap<>();

    ResponseUrls(Clock slackTime, Conversations conversations) {
        this.slackTime = slackTime;
        this.conversations = conversations;
    }

    /**
     * A new response URL's id.
     *
     * @param messageTs the clicked message, which {@code replace_original} replaces; null for a command
     */
    String issue(String channel, String user, String messageTs) {
        String id = UUID.randomUUID().toString();
        targets.put(id, new Target(channel, user, messageTs, slackTime.instant().plus(LIFETIME), 0));
        return id;
    }

    /** LeaveBot posted {@code body} to the URL with this id. */
    Answer post(String id, String body) {
        Target target = targets.computeIfPresent(id, (k, t) -> new Target(t.channel(), t.user(), t.messageTs(), t.expires(), t.used() + 1));
        if (target == null || slackTime.instant().isAfter(target.expires())) {
            return new Answer(404, WebApi.error("expired_url"));
        }
        if (target.used() > USES) {
            return new Answer(404, WebApi.error("used_url"));
        }
        JsonNode answer;
        try {
            answer = JSON.readTree(body);
        } catch (JsonProcessingException e) {
            return new Answer(400, WebApi.error("invalid_payload"));
        }
        if (answer == null || !answer.isObject()) {
            return new Answer(400, WebApi.error("invalid_payload"));
        }
        return apply(target, answer);
    }

    private Answer apply(Target target, JsonNode answer) {
        String text = answer.path("text").asText("");
        JsonNode blocks = answer.path("blocks").isArray() ? answer.get("blocks") : JSON.createArrayNode();
        if (text.isBlank() && blocks.isEmpty() && !answer.path("delete_original").asBoolean(false)) {
            return new Answer(400, WebApi.error("no_text"));
        }
        if (target.messageTs() != null && answer.path("delete_original").asBoolean(false)) {
            conversations.delete(target.channel(), target.messageTs());
        } else if (target.messageTs() != null && answer.path("replace_original").asBoolean(false)) {
            conversations.update(target.channel(), target.messageTs(), text, blocks, Team.BOT_USER);
        } else {
            ObjectNode message = JSON.createObjectNode().put("user", Team.BOT_USER).put("bot_id", Team.BOT_ID).put("text", text);
            message.set("blocks", blocks);
            if ("in_channel".equals(answer.path("response_type").asText())) {
                conversations.post(target.channel(), message, null);
            } else {
                conversations.postEphemeral(target.channel(), target.user(), message);
            }
        }
        return new Answer(200, JSON.createObjectNode().put("ok", true).toString());
    }
}
