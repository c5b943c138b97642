package io.leavebot.email;

import io.leavebot.notify.NotificationText;
import io.leavebot.notify.NotificationText.Detail;
import java.util.List;

/**
 * The HTML part: one small card with inline styles (mail clients drop style sheets). Every piece of text is
 * escaped, since names, reasons and comments come from users.
 */
final class HtmlBody {
    private static final String MUTED = "color:#5f6368;";

    private HtmlBody() {
    }

    static String of(NotificationText text, List<ActionLink> links, String linksNote, String signature) {
        StringBuilder out = new StringBuilder(2048);
        out.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head><meta charset=\"utf-8\"><title>")
                .append(escape(text.title())).append("</title></head>\n")
                .append("<body style=\"margin:0;padding:24px;background:#f6f7f9;color:#1d1f23;")
                .append("font-family:-apple-system,'Segoe UI',Helvetica,Arial,sans-serif;font-size:15px;line-height:1.5;\">\n")
                .append("<div style=\"max-width:560px;margin:0 auto;background:#ffffff;border:1px solid #e3e5e8;")
                .append("border-radius:8px;padding:24px;\">\n")
                .append("<h1 style=\"font-size:18px;margin:0 0 16px;\">").append(escape(text.title())).append("</h1>\n")
                .append("<p>").append(escape(text.greeting())).append("</p>\n");
        for (String paragraph : text.paragraphs()) {
            out.append("<p>").append(escape(paragraph)).append("</p>\n");
        }
        appendDetails(out, text.details());
        appendLinks(out, links, linksNote);
        return out.append("<p style=\"font-size:12px;").append(MUTED)
                .append("border-top:1px solid #e3e5e8;padding-top:12px;margin-top:24px;\">")
                .append(escape(signature)).append("</p>\n</div>\n</body>\n</html>\n").toString();
    }

    private static void appendDetails(StringBuilder out, List<Detail> details) {
        if (details.isEmpty()) {
            return;
        }
        out.append("<table style=\"border-collapse:collapse;margin:16px 0;\">\n");
        for (Detail detail : details) {
            out.append("<tr><th style=\"text-align:left;vertical-align:top;font-weight:normal;padding:4px 16px 4px 0;")
                    .append(MUTED).append("\">").append(escape(detail.label()))
                    .append("</th><td style=\"padding:4px 0;\">").append(escape(detail.value()).replace("\n", "<br>"))
                    .append("</td></tr>\n");
        }
        out.append("</table>\n");
    }

    private static void appendLinks(StringBuilder out, List<ActionLink> links, String linksNote) {
        if (links.isEmpty()) {
            return;
        }
        out.append("<p style=\"margin:24px 0 8px;\">\n");
        for (ActionLink link : links) {
            String colour = link.approves() ? "#1a7f37" : "#cf222e";
            out.append("<a href=\"").append(escape(link.url())).append("\" style=\"display:inline-block;margin-right:12px;")
                    .append("padding:10px 22px;border-radius:6px;background:").append(colour)
                    .append(";color:#ffffff;text-decoration:none;font-weight:bold;\">").append(escape(link.label()))
                    .append("</a>\n");
        }
        out.append("</p>\n<p style=\"font-size:13px;").append(MUTED).append("\">").append(escape(linksNote)).append("</p>\n");
    }

    private static String escape(String text) {
        return HtmlEscaper.escape(text);
    }
}
