package io.leavebot.slack;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.gson.Gson;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.util.json.GsonFactory;
import java.util.List;

/**
 * {@link BlockKit}'s blocks as the SDK's model, for Bolt's acks, replies and views. Bolt's side of LeaveBot runs on
 * the SDK and Gson anyway; this class keeps them out of {@link BlockKit}, which the workflow and digest functions
 * load without the SDK.
 */
final class SdkBlocks {
    private static final Gson GSON = GsonFactory.createSnakeCase();

    private SdkBlocks() {
    }

    static List<LayoutBlock> of(List<ObjectNode> blocks) {
        return List.of(GSON.fromJson(BlockKit.array(blocks).toString(), LayoutBlock[].class));
    }

    static LayoutBlock of(ObjectNode block) {
        return GSON.fromJson(block.toString(), LayoutBlock.class);
    }
}
