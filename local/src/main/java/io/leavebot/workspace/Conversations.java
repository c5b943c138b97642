package io.leavebot.workspace;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The workspace's conversations: {@value #GENERAL_NAME} (everyone) and each member's DM with the app, holding
 * messages in Slack's own shape ({@code type}, {@code ts}, {@code user} or {@code bot_id}, {@code text},
 * {@code blocks}, {@code thread_ts}, {@code edited}); ephemeral messages are kept apart, for one person each, and are
 * gone after a restart, as in Slack. Messages are saved to a file after every change, so the DMs are still there
 * when LeaveBot starts again (and its {@code chat.update}s still find their messages).
 */
final class Conversations {
    static final String GENERAL = "C0GENERAL";
    static final String GENERAL_NAME = "general";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One ephemeral message: {@code message} is seen by {@code user} in {@code channel} only. */
    record Ephemeral(String channel, String user, ObjectNode message) {
    }

    private final Path file;
    private final Clock clock;
    /** channel id → its messages, oldest first. */
    private final Map<String, List<ObjectNode>> channels = new LinkedHashMap<>();
    private final List<Ephemeral> ephemerals = new ArrayList<>();
    private long lastTsMicros;

    /**
     * @param file  where messages are kept; read if it exists
     * @param clock stamps messages: the workspace's time, which moves with LeaveBot's when the clock is fast
     */
    Conversations(Path file, Clock clock, People people) {
        this.file = file;
        this.clock = clock;
        channels.put(GENERAL, new ArrayList<>());
        people.members().forEach(m -> channels.put(directMessageWith(m.id()), new ArrayList<>()));
        load();
    }

    /** The id of the app's DM with a member: fixed, so a restarted LeaveBot's message references stay valid. */
    static String directMessageWith(String userId) {
        return "D" + userId;
    }

    synchronized boolean exists(String channel) {
        return channels.containsKey(channel);
    }

    /** Posts a message (a reply when {@code threadTs} is set) and returns it, with its new {@code ts}. */
    synchronized ObjectNode post(String channel, ObjectNode message, String threadTs) {
        message.put("type", "message").put("ts", nextTs());
        if (threadTs != null) {
            message.put("thread_ts", threadTs);
        }
        channels.get(channel).add(message);
        save();
        return message;
    }

    /** Replaces a message's text and blocks; empty when the channel has no message with this {@code ts}. */
    synchronized Optional<ObjectNode> update(String channel, String ts, String text, JsonNode blocks, String editor) {
        Optional<ObjectNode> found = find(channel, ts);
        found.ifPresent(message -> {
            message.put("text", text == null ? "" : text);
            message.set("blocks", blocks == null ? JSON.createArrayNode() : blocks);
            message.putObject("edited").put("user", editor).put("ts", nextTs());
            save();
        });
        return found;
    }

    synchronized void delete(String channel, String ts) {
        if (channels.getOrDefault(channel, new ArrayList<>()).removeIf(m -> m.path("ts").asText().equals(ts))) {
            save();
        }
    }

    synchronized Optional<ObjectNode> find(String channel, String ts) {
        return channels.getOrDefault(channel, List.of()).stream().filter(m -> ts != null && ts.equals(m.path("ts").asText())).findFirst();
    }

    synchronized ObjectNode postEphemeral(String channel, String user, ObjectNode message) {
        message.put("type", "message").put("ts", nextTs());
        ephemerals.add(new Ephemeral(channel, user, message));
        return message;
    }

    /** The channel's messages as {@code user} sees them: everyone's, and the ephemeral ones for them. */
    synchronized ArrayNode seenBy(String channel, String user) {
        List<ObjectNode> all = new ArrayList<>(channels.getOrDefault(channel, List.of()));
        ephemerals.stream().filter(e -> e.channel().equals(channel) && e.user().equals(user))
                .forEach(e -> all.add(e.message().deepCopy().put("is_ephemeral", true)));
        all.sort((a, b) -> a.path("ts").asText().compareTo(b.path("ts").asText()));
        ArrayNode seen = JSON.createArrayNode();
        all.forEach(seen::add);
        return seen.deepCopy();
    }

    /** Slack's {@code ts}: seconds and microseconds of the post, unique and increasing in the workspace. */
    private String nextTs() {
        long micros = Math.max(clock.millis() * 1000, lastTsMicros + 1);
        lastTsMicros = micros;
        return String.format("%d.%06d", micros / 1_000_000, micros % 1_000_000);
    }

    private void load() {
        if (!Files.isRegularFile(file)) {
            return;
        }
        try {
            JsonNode saved = JSON.readTree(file.toFile());
            saved.path("channels").properties().forEach(entry -> {
                List<ObjectNode> messages = channels.get(entry.getKey());
                if (messages != null) {
                    entry.getValue().forEach(m -> messages.add((ObjectNode) m));
                }
            });
            lastTsMicros = saved.path("last_ts_micros").asLong(0);
        } catch (IOException | ClassCastException e) {
            throw new IllegalStateException("The workspace's saved messages in " + file + " cannot be read (" + e.getMessage()
                    + "); move the file away to start with empty conversations", e);
        }
    }

    /** Written whole to a temporary file, then moved into place: a crash leaves the old file or the new one. */
    private void save() {
        ObjectNode saved = JSON.createObjectNode().put("last_ts_micros", lastTsMicros);
        ObjectNode all = saved.putObject("channels");
        channels.forEach((id, messages) -> messages.forEach(all.putArray(id)::add));
        try {
            Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
            JSON.writeValue(temporary.toFile(), saved);
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("the workspace's messages cannot be saved to " + file, e);
        }
    }
}
