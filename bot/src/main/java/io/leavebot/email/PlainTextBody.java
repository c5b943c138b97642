package io.leavebot.email;

import io.leavebot.notify.NotificationText;
import io.leavebot.notify.NotificationText.Detail;
import java.util.List;

/** The plain-text part: greeting, paragraphs, aligned details, the links on lines of their own, signature. */
final class PlainTextBody {
    private PlainTextBody() {
    }

    static String of(NotificationText text, List<ActionLink> links, String linksNote, String signature) {
        StringBuilder out = new StringBuilder();
        out.append(text.greeting()).append("\n\n");
        for (String paragraph : text.paragraphs()) {
            out.append(paragraph).append("\n\n");
        }
        appendDetails(out, text.details());
        if (!links.isEmpty()) {
            for (ActionLink link : links) {
                out.append(link.label()).append(": ").append(link.url()).append('\n');
            }
            out.append('\n').append(linksNote).append("\n\n");
        }
        // "-- " is the signature delimiter mail readers recognise
        return out.append("-- \n").append(signature).append('\n').toString();
    }

    private static void appendDetails(StringBuilder out, List<Detail> details) {
        if (details.isEmpty()) {
            return;
        }
        int width = details.stream().mapToInt(d -> d.label().length()).max().orElse(0) + 2;
        for (Detail detail : details) {
            String label = detail.label() + ":";
            out.append(label).append(" ".repeat(width - label.length()));
            // continuation lines of a multi-line value line up under its first line
            out.append(detail.value().replace("\n", "\n" + " ".repeat(width))).append('\n');
        }
        out.append('\n');
    }
}
