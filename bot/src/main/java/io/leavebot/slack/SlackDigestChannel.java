package io.leavebot.slack;

import static com.slack.api.model.block.Blocks.header;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;

import com.slack.api.methods.MethodsClient;
import com.slack.api.model.block.LayoutBlock;
import io.leavebot.notify.Digest;
import io.leavebot.notify.DigestChannel;
import io.leavebot.notify.DigestTexts;
import io.leavebot.notify.DigestTexts.Section;
import java.util.ArrayList;
import java.util.List;

/**
 * The who's-out digest as a message from the bot in a Slack channel ({@code chat.postMessage}, scope
 * {@code chat:write}; the bot must be a member of the channel, else Slack answers {@code not_in_channel}): the
 * title as a header, then a section per team. Block Kit allows 50 blocks a message and 3,000 characters a section,
 * so a company with more teams gets the last ones in one section, and a long section is cut with "…".
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
    public String post(Digest digest) {
        List<LayoutBlock> blocks = blocks(digest);
        String text = BlockKitText.mrkdwn(DigestTexts.plain(digest), BlockKitText.MESSAGE);
        var posted = SlackCalls.ok("chat.postMessage", () -> slack.chatPostMessage(r -> r.channel(channel)
                .text(text).blocks(blocks).unfurlLinks(false)));
        return new SlackMessageRef(posted.getChannel(), posted.getTs()).encode();
    }

    static List<LayoutBlock> blocks(Digest digest) {
        List<LayoutBlock> blocks = new ArrayList<>();
        blocks.add(header(h -> h.text(plainText(BlockKitText.plain(DigestTexts.title(digest), BlockKitText.HEADER)))));
        if (digest.everyoneIsIn()) {
            blocks.add(section(s -> s.text(plainText(DigestTexts.everyoneIsIn(digest)))));
            return blocks;
        }
        List<Section> sections = DigestTexts.sections(digest);
        List<String> texts = new ArrayList<>(sections.stream().map(SlackDigestChannel::mrkdwn).toList());
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

    /** "*Platform*" over one "• Ada Lovelace — out today" line per person; names shown as typed. */
    private static String mrkdwn(Section section) {
        List<String> lines = new ArrayList<>();
        if (section.heading() != null) {
            lines.add("*" + SlackText.escape(section.heading()) + "*");
        }
        section.lines().forEach(line -> lines.add("• " + SlackText.escape(line)));
        return String.join("\n", lines);
    }
}
