package io.leavebot.slack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * Block Kit as Slack reads it, built as Jackson trees: the blocks the workflow's messages and the digest are made of,
 * in the same JSON the Slack SDK's model classes serialize to (a test sends both and compares), so that
 * {@link SlackWebApi} sends them without the SDK's model or Gson. Absent optional fields are left out, as the SDK
 * leaves out nulls. Bolt's replies and views, which still take the SDK's model, convert with {@link SdkBlocks}.
 *
 * @see <a href="https://docs.slack.dev/reference/block-kit/blocks">Block Kit blocks</a>
 */
final class BlockKit {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private BlockKit() {
    }

    static ObjectNode plainText(String text) {
        return NODES.objectNode().put("type", "plain_text").put("text", text);
    }

    static ObjectNode markdownText(String text) {
        return NODES.objectNode().put("type", "mrkdwn").put("text", text);
    }

    /** mrkdwn that Slack shows as written: no automatic links, mentions or channel names. */
    static ObjectNode verbatimMarkdown(String text) {
        return markdownText(text).put("verbatim", true);
    }

    static ObjectNode header(String plain) {
        return block("header").set("text", plainText(plain));
    }

    static ObjectNode section(ObjectNode text) {
        return block("section").set("text", text);
    }

    /** A section of fields only (at most {@link BlockKitText#FIELDS_PER_SECTION}). */
    static ObjectNode fields(List<ObjectNode> fields) {
        return block("section").set("fields", array(fields));
    }

    /** A section with its text, and its fields when there are any. */
    static ObjectNode section(ObjectNode text, List<ObjectNode> fields) {
        ObjectNode section = section(text);
        return fields.isEmpty() ? section : section.set("fields", array(fields));
    }

    /** @param blockId null for none */
    static ObjectNode actions(String blockId, List<ObjectNode> elements) {
        ObjectNode actions = block("actions").set("elements", array(elements));
        return blockId == null ? actions : actions.put("block_id", blockId);
    }

    static ObjectNode context(List<ObjectNode> elements) {
        return block("context").set("elements", array(elements));
    }

    /** A button; give it a {@code style} or a {@code confirm} dialog with {@code put}/{@code set} on the result. */
    static ObjectNode button(String actionId, String text, String value) {
        ObjectNode button = NODES.objectNode().put("type", "button").set("text", plainText(text));
        button.put("action_id", actionId);
        return value == null ? button : button.put("value", value);
    }

    /** The dialog Slack shows before a button's click counts. */
    static ObjectNode confirm(String style, String title, String text, String confirm, String deny) {
        ObjectNode dialog = NODES.objectNode();
        dialog.set("title", plainText(title));
        dialog.set("text", plainText(text));
        dialog.set("confirm", plainText(confirm));
        dialog.set("deny", plainText(deny));
        return dialog.put("style", style);
    }

    static ArrayNode array(List<? extends JsonNode> nodes) {
        return NODES.arrayNode().addAll(nodes);
    }

    private static ObjectNode block(String type) {
        return NODES.objectNode().put("type", type);
    }
}
