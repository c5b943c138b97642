package io.leavebot.slack;

import com.slack.api.methods.MethodsClient;
import com.slack.api.model.block.LayoutBlock;
import io.leavebot.calendar.WhosOut;
import io.leavebot.workflow.DigestChannel;
import java.util.List;

/**
 * The who's-out digest as a message from the bot in a Slack channel ({@code chat.postMessage}, scope
 * {@code chat:write}; the bot must be a member of the channel, else Slack answers {@code not_in_channel}), in the
 * blocks of {@code /leave whosout} ({@link CalendarBlocks#whosOut}: a header, a section per team, within Slack's
 * limits).
 */
public final class SlackDigestChannel implements DigestChannel {
    private final MethodsClient slack;
    private final String channel;

    /**
     * @param slack   a client holding the bot token ({@code xoxb-…})
     * @param channel the channel's id ({@code C…}), as Slack shows it under the channel's details
     */
    public SlackDigestChannel(MethodsClient slack, String channel) {
        this.slack = slack;
        this.channel = channel;
    }

    @Override
    public String name() {
        return io.leavebot.LeaveBotNames.SLACK_CHANNEL;
    }

    @Override
    public String post(WhosOut digest) {
        List<LayoutBlock> blocks = CalendarBlocks.whosOut(digest);
        String text = CalendarBlocks.fallback(digest);
        var posted = SlackCalls.ok("chat.postMessage", () -> slack.chatPostMessage(r -> r.channel(channel)
                .text(text).blocks(blocks).unfurlLinks(false)));
        return new SlackMessageRef(posted.getChannel(), posted.getTs()).encode();
    }
}
