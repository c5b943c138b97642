package io.leavebot.workspace;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Set;

/**
 * Slack gives every block an app sent without a {@code block_id} (and every interactive element without an
 * {@code action_id}) an id of its own, which clicks then report; so does the workspace, from the block's content,
 * so that the same block always gets the same id.
 */
final class BlockIds {
    /** Elements of context blocks, which nobody clicks. */
    private static final Set<String> NOT_INTERACTIVE = Set.of("mrkdwn", "plain_text", "image");

    private BlockIds() {
    }

    /** Fills in the missing ids of {@code blocks} (a JSON array of blocks) in place, and returns it. */
    static JsonNode assign(JsonNode blocks) {
        for (JsonNode block : blocks) {
            if (block.isObject() && !block.hasNonNull("block_id")) {
                ((ObjectNode) block).put("block_id", shortHash(block.toString()));
            }
            actionId(block.path("accessory"));
            actionId(block.path("element"));
            block.path("elements").forEach(BlockIds::actionId);
        }
        return blocks;
    }

    private static void actionId(JsonNode element) {
        if (element.isObject() && !NOT_INTERACTIVE.contains(element.path("type").asText()) && !element.hasNonNull("action_id")) {
            ((ObjectNode) element).put("action_id", shortHash(element.toString()));
        }
    }

    private static String shortHash(String text) {
        return Integer.toString(text.hashCode() & 0x7fffffff, 36);
    }
}
