package io.leavebot.workspace;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Views, as Slack keeps them: each member's open modals (a stack, the top one shown) and their App Home tab, plus
 * the trigger ids that let an app open a modal. A trigger id is issued with each command, click and submission
 * for its person, works once, and only within {@value #TRIGGER_SECONDS} seconds, on Slack's own (real) clock.
 */
final class Surfaces {
    static final int TRIGGER_SECONDS = 3;
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A view LeaveBot opened or published, or Slack's reason for refusing, e.g. {@code expired_trigger_id}. */
    record Result(ObjectNode view, String error) {
        static Result of(ObjectNode view) {
            return new Result(view, null);
        }

        static Result refused(String error) {
            return new Result(null, error);
        }
    }

    private record Trigger(String user, Instant expires, boolean used) {
    }

    private final Clock slackTime;
    private final Map<String, Trigger> triggers = new HashMap<>();
    private final Map<String, List<ObjectNode>> modals = new HashMap<>();
    private final Map<String, ObjectNode> homes = new HashMap<>();
    /** view id → block id → the problem LeaveBot reported under that block ({@code response_action: errors}). */
    private final Map<String, Map<String, String>> errors = new HashMap<>();
    private long sequence;

    /** @param slackTime Slack's clock, for trigger ids: the real one, whatever LeaveBot's says */
    Surfaces(Clock slackTime) {
        this.slackTime = slackTime;
    }

    /** A new trigger id for something {@code user} did, shaped like Slack's ({@code 13345224609.738474920.8088930838d88f008e0}). */
    synchronized String trigger(String user) {
        String id = slackTime.instant().getEpochSecond() + "." + (738474920 + ++sequence) + "." + Long.toHexString(Double.doubleToLongBits(Math.random()));
        triggers.put(id, new Trigger(user, slackTime.instant().plusSeconds(TRIGGER_SECONDS), false));
        return id;
    }

    /** views.open: a new modal on top of the trigger's person's stack. */
    synchronized Result open(String triggerId, ObjectNode view, String teamId, String appId, String botId) {
        Trigger trigger = triggers.get(triggerId);
        if (trigger == null) {
            return Result.refused("invalid_trigger_id");
        }
        if (trigger.used()) {
            return Result.refused("exchanged_trigger_id");
        }
        if (slackTime.instant().isAfter(trigger.expires())) {
            return Result.refused("expired_trigger_id");
        }
        triggers.put(triggerId, new Trigger(trigger.user(), trigger.expires(), true));
        ObjectNode opened = newView(view, "modal", teamId, appId, botId);
        modals.computeIfAbsent(trigger.user(), u -> new ArrayList<>()).add(opened);
        return Result.of(opened.deepCopy());
    }

    /** views.update: new content for an open modal (or Home), keeping its id; {@code hash} guards against races. */
    synchronized Result update(String viewId, String hash, ObjectNode content) {
        for (List<ObjectNode> stack : modals.values()) {
            for (int i = 0; i < stack.size(); i++) {
                if (stack.get(i).path("id").asText().equals(viewId)) {
                    if (hash != null && !hash.equals(stack.get(i).path("hash").asText())) {
                        return Result.refused("hash_conflict");
                    }
                    ObjectNode updated = replaced(stack.get(i), content);
                    stack.set(i, updated);
                    errors.remove(viewId);
                    return Result.of(updated.deepCopy());
                }
            }
        }
        return Result.refused("not_found");
    }

    /** views.publish: {@code user}'s Home tab. */
    synchronized Result publish(String user, ObjectNode view, String teamId, String appId, String botId) {
        ObjectNode earlier = homes.get(user);
        ObjectNode home = earlier == null ? newView(view, "home", teamId, appId, botId) : replaced(earlier, view);
        homes.put(user, home);
        return Result.of(home.deepCopy());
    }

    /** The modal {@code user} sees, if any. */
    synchronized Optional<ObjectNode> modalOf(String user) {
        List<ObjectNode> stack = modals.getOrDefault(user, List.of());
        return stack.isEmpty() ? Optional.empty() : Optional.of(stack.get(stack.size() - 1).deepCopy());
    }

    /** The view with this id, if {@code user} has it open (a modal or their Home). */
    synchronized Optional<ObjectNode> viewOf(String user, String viewId) {
        ObjectNode home = homes.get(user);
        if (home != null && home.path("id").asText().equals(viewId)) {
            return Optional.of(home.deepCopy());
        }
        return modals.getOrDefault(user, List.of()).stream().filter(v -> v.path("id").asText().equals(viewId))
                .findFirst().map(ObjectNode::deepCopy);
    }

    synchronized Optional<ObjectNode> homeOf(String user) {
        return Optional.ofNullable(homes.get(user)).map(ObjectNode::deepCopy);
    }

    /** Closes {@code user}'s top modal (Cancel, or an empty answer to its submission). */
    synchronized void close(String user) {
        List<ObjectNode> stack = modals.getOrDefault(user, new ArrayList<>());
        if (!stack.isEmpty()) {
            errors.remove(stack.remove(stack.size() - 1).path("id").asText());
        }
    }

    /** {@code response_action: clear}: every modal of {@code user} closes. */
    synchronized void clear(String user) {
        modals.getOrDefault(user, new ArrayList<>()).forEach(v -> errors.remove(v.path("id").asText()));
        modals.remove(user);
    }

    /** {@code response_action: errors}: problems to show under the modal's blocks until it is sent again. */
    synchronized void showErrors(String viewId, Map<String, String> byBlock) {
        errors.put(viewId, Map.copyOf(byBlock));
    }

    synchronized Map<String, String> errorsOf(String viewId) {
        return errors.getOrDefault(viewId, Map.of());
    }

    /** A view as Slack returns it: the app's content plus Slack's fields ({@code id}, {@code hash}, {@code state}, …). */
    private ObjectNode newView(ObjectNode content, String type, String teamId, String appId, String botId) {
        String id = "V0" + Long.toString(1_000_000 + ++sequence, 36).toUpperCase();
        ObjectNode view = JSON.createObjectNode().put("id", id).put("team_id", teamId).put("type", type);
        view.put("root_view_id", id).putNull("previous_view_id");
        view.put("app_id", appId).put("app_installed_team_id", teamId).put("bot_id", botId);
        return replaced(view, content);
    }

    private ObjectNode replaced(ObjectNode view, ObjectNode content) {
        ObjectNode next = view.deepCopy();
        for (String field : List.of("title", "submit", "close", "blocks", "private_metadata", "callback_id", "external_id",
                "clear_on_close", "notify_on_close")) {
            JsonNode value = content.get(field);
            next.set(field, value != null ? value : defaultOf(field));
        }
        next.putObject("state").putObject("values");
        next.put("hash", slackTime.instant().getEpochSecond() + "." + Long.toString(++sequence, 36));
        return next;
    }

    private static JsonNode defaultOf(String field) {
        return switch (field) {
            case "blocks" -> JSON.createArrayNode();
            case "private_metadata", "callback_id", "external_id" -> JSON.getNodeFactory().textNode("");
            case "clear_on_close", "notify_on_close" -> JSON.getNodeFactory().booleanNode(false);
            default -> JSON.getNodeFactory().nullNode();
        };
    }
}
