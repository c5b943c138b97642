package io.leavebot.slack;

import io.leavebot.chat.ChatReply;
import java.util.ArrayList;
import java.util.List;

/** LeaveBot's words as Slack {@code mrkdwn}: people's own words (names, reasons, comments) are shown as typed. */
final class SlackText {
    private SlackText() {
    }

    /** Paragraphs as lines, then each fact as {@code *Label:* value}. */
    static String mrkdwn(ChatReply reply) {
        List<String> lines = new ArrayList<>();
        reply.paragraphs().forEach(p -> lines.add(escape(p)));
        reply.facts().forEach(f -> lines.add("*" + escape(f.label()) + ":* " + escape(f.value())));
        return String.join("\n", lines);
    }

    /**
     * Slack reads {@code &}, {@code <} and {@code >} as markup in mrkdwn ({@code <!here>} notifies a channel,
     * {@code <@U123>} mentions someone), so they are escaped as Slack asks; everything else shows as typed.
     */
    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    /** {@code text} cut to Slack's limit for a field, the cut marked with an ellipsis. */
    static String clip(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
