package io.leavebot.slack;

import static com.slack.api.model.block.Blocks.header;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;

import com.slack.api.methods.MethodsClient;
import com.slack.api.model.block.LayoutBlock;
import io.leavebot.calendar.WhosOut;
import io.leavebot.workflow.DigestChannel;
import io.leavebot.workflow.DigestLines;
import java.util.ArrayList;
import java.util.List;

/**
 * The who's-out digest as a message from the bot in a Slack channel ({@code chat.postMessage}, scope
 * {@code chat:write}; the bot must be a member of the channel, else Slack answers {@code not_in_channel}): the
 * title as a header, then a section per team in the words of {@link WhosOut}. Block Kit allows 50 blocks a message
 * and 3,000 characters a section, so a company with more teams gets the last ones in one section, and a long
 * section is cut with "…".
 */
public final class SlackDigestChannel implements DigestChannel {
    /** Blocks of one message, Slack's limit. */
    static final int MAX_BLOCKS = 50;

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
        return "slack";
    }

    @Override
    public String post(WhosOut digest) {
        List<LayoutBlock> blocks = blocks(digest);
        String text = BlockKitText.mrkdwn(digest.plainText(), BlockKitText.MESSAGE);
        var posted = SlackCalls.ok("chat.postMessage", () -> slack.chatPostMessage(r -> r.channel(channel)
                .text(text).blocks(blocks).unfurlLinks(false)));
        return new SlackMessageRef(posted.getChannel(), posted.getTs()).encode();
    }

    static List<LayoutBlock> blocks(WhosOut digest) {
        List<LayoutBlock> blocks = new ArrayList<>();
        blocks.add(header(h -> h.text(plainText(BlockKitText.plain(digest.title(), BlockKitText.HEADER)))));
        if (digest.nobodyOut()) {
            blocks.add(section(s -> s.text(plainText(digest.nobodyOutSentence()))));
            return blocks;
        }
        List<String> texts = new ArrayList<>(digest.teams().stream().map(team -> mrkdwn(digest, team)).toList());
        if (texts.size() > MAX_BLOCKS - 1) { // the header takes one
            List<String> rest = texts.subList(MAX_BLOCKS - 2, texts.size());
            String merged = String.join("\n\n", rest);
            rest.clear();
            texts.add(merged);
        }
        for (String text : texts) {
            String cut = SlackText.clip(text, BlockKitText.SECTION);
            blocks.add(section(s -> s.text(markdownText(m -> m.text(cut).verbatim(true)))));
        }
        return blocks;
    }

    /** One team's lines as {@link WhosOut#lines} words them, the heading in bold; names shown as typed. */
    private static String mrkdwn(WhosOut digest, WhosOut.Section team) {
        List<String> lines = DigestLines.of(digest, team);
        List<String> out = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = SlackText.escape(lines.get(i));
            out.add(i == 0 && team.heading() != null ? "*" + line + "*" : line);
        }
        return String.join("\n", out);
    }
}
