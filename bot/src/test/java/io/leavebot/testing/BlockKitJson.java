package io.leavebot.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.slack.api.util.json.GsonFactory;
import io.leavebot.slack.DecisionButtons;
import io.leavebot.slack.DecisionButtons.Target;
import java.io.IOException;
import java.util.List;
import java.util.stream.StreamSupport;

/** Reads Block Kit as Slack receives it: the JSON of a message's {@code blocks}, e.g. from {@link SlackApi#json}. */
public final class BlockKitJson {
    private static final ObjectMapper JSON = new ObjectMapper();

    private BlockKitJson() {
    }

    /** The blocks as Slack receives them: LeaveBot's own (Jackson trees, as sent as they are) or the SDK's model. */
    public static JsonNode of(List<?> blocks) {
        if (blocks.stream().allMatch(JsonNode.class::isInstance)) {
            return JSON.valueToTree(blocks);
        }
        try {
            return JSON.readTree(GsonFactory.createSnakeCase().toJson(blocks));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The blocks of one {@code type} ("header", "section", "actions"…), in order. */
    public static List<JsonNode> ofType(JsonNode blocks, String type) {
        return StreamSupport.stream(blocks.spliterator(), false).filter(b -> type.equals(b.path("type").asText())).toList();
    }

    /** What each button of the message resolves, decoded as the click handler decodes it. */
    public static List<Target> buttonTargets(JsonNode blocks) {
        return ofType(blocks, "actions").stream()
                .flatMap(actions -> StreamSupport.stream(actions.path("elements").spliterator(), false))
                .map(button -> DecisionButtons.decode(button.path("value").asText()).orElseThrow())
                .toList();
    }
}
