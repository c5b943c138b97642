package io.leavebot.slack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
    private final SlackWebApi slack;
    private final String channel;

    /**
     * @param slack   the Web API with the bot token ({@code xoxb-…})
     * @param channel the channel's id ({@code C…}), as Slack shows it under the channel's details
     */
    public SlackDigestChannel(SlackWebApi slack, String channel) {
        this.slack = slack;
        this.channel = channel;
    }

    @Override
    public String name() {
        return io.leavebot.LeaveBotNames.SLACK_CHANNEL;
    }

    @Override
    public String post(WhosOut digest) {
        List<ObjectNode> blocks = CalendarBlocks.whosOut(digest);
        JsonNode posted = slack.postMessage(channel, null, CalendarBlocks.fallback(digest), blocks);
        return new SlackMessageRef(posted.path("channel").asText(), posted.path("ts").asText()).encode();
    }
}
