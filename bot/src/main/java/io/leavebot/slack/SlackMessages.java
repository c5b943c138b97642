package io.leavebot.slack;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.leavebot.leave.LeaveRequest;
import io.leavebot.notify.Notification;
import io.leavebot.notify.NotificationText;
import io.leavebot.notify.NotificationText.Detail;
import io.leavebot.notify.NotificationTexts;
import io.leavebot.slack.DecisionButtons.Target;
import java.util.ArrayList;
import java.util.List;

/**
 * The workflow's notifications as Slack messages, in the words of {@link NotificationTexts} so that Slack and
 * e-mail say the same: the title as a header, each paragraph as a section, the details (dates, working days,
 * type, reason, status, who else is away) as section fields, and Approve / Reject buttons when the reader is
 * asked to decide. The e-mail greeting is left out: a DM is already addressed to its reader.
 *
 * <p>Every text is cut to Block Kit's limits ({@link BlockKitText}), so a long reason or name never costs the message.
 */
public final class SlackMessages {
    /**
     * One message, ready for {@code chat.postMessage} or {@code chat.update}.
     *
     * @param text   the fallback Slack shows in notifications and to clients without blocks
     * @param blocks what people see in the conversation, as Slack reads them ({@link BlockKit}); not to be changed
     */
    public record Message(String text, List<ObjectNode> blocks) {
        public Message {
            blocks = List.copyOf(blocks);
        }
    }

    private final NotificationTexts texts;

    public SlackMessages(NotificationTexts texts) {
        this.texts = texts;
    }

    /** The message for {@code notification}; with decision buttons for an approval request or a reminder. */
    public Message of(Notification notification) {
        return render(texts.of(notification), notification);
    }

    /** {@code text} as a message; the notification supplies what the buttons resolve. */
    static Message render(NotificationText text, Notification notification) {
        List<ObjectNode> blocks = new ArrayList<>();
        blocks.add(BlockKit.header(BlockKitText.plain(text.title(), BlockKitText.HEADER)));
        for (String paragraph : text.paragraphs()) {
            blocks.add(BlockKit.section(BlockKit.plainText(BlockKitText.plain(paragraph, BlockKitText.SECTION))));
        }
        List<ObjectNode> fields = text.details().stream().map(SlackMessages::field).toList();
        for (int from = 0; from < fields.size(); from += BlockKitText.FIELDS_PER_SECTION) {
            blocks.add(BlockKit.fields(fields.subList(from, Math.min(fields.size(), from + BlockKitText.FIELDS_PER_SECTION))));
        }
        if (text.hasActions()) {
            LeaveRequest leave = notification.leave();
            blocks.add(DecisionButtons.block(new Target(leave.id(), notification.callbackId()),
                    NotificationTexts.nameOf(leave.employee())));
        }
        return new Message(fallback(text), blocks);
    }

    /** "*Dates*" over "Mon 12 Jan 2026 – Fri 16 Jan 2026"; the label is one of ours and short, the value gets the rest. */
    private static ObjectNode field(Detail detail) {
        String label = "*" + BlockKitText.mrkdwn(detail.label(), BlockKitText.FIELD / 2) + "*\n";
        String value = BlockKitText.mrkdwn(detail.value(), BlockKitText.FIELD - label.length());
        return BlockKit.verbatimMarkdown(label + value);
    }

    /** The title and the paragraphs: what a notification banner or a screen reader needs to make sense of it. */
    private static String fallback(NotificationText text) {
        String whole = text.title() + "\n\n" + String.join("\n\n", text.paragraphs());
        return BlockKitText.mrkdwn(whole, BlockKitText.MESSAGE);
    }
}
