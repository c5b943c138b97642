package io.leavebot.http;

import io.leavebot.email.HtmlEscaper;
import java.util.List;

/**
 * The few HTML pieces the decision pages are made of. Every piece of text goes through {@link #text}, so nothing a
 * person typed (names, reasons, comments) can become markup.
 */
final class Html {
    private static final String STYLE = "body{font-family:system-ui,-apple-system,'Segoe UI',sans-serif;max-width:36rem;"
            + "margin:3rem auto;padding:0 1rem;color:#1d1c1d;line-height:1.5}"
            + "h1{font-size:1.4rem}table{border-collapse:collapse;margin:1rem 0}"
            + "th{text-align:left;padding:.25rem 1rem .25rem 0;color:#616061;font-weight:normal;vertical-align:top}"
            + "td{padding:.25rem 0}textarea{width:100%;min-height:5rem;font:inherit}"
            + "button{font:inherit;padding:.5rem 1.25rem;border:0;border-radius:4px;color:#fff;cursor:pointer}"
            + ".approve{background:#007a5a}.reject{background:#b3261e}.error{color:#b3261e}"
            + "footer{margin-top:2rem;color:#616061;font-size:.85rem}";

    private Html() {
    }

    /** Escapes text for element content and attribute values (see {@link HtmlEscaper}). */
    static String text(String value) {
        return HtmlEscaper.escape(value);
    }

    /** A whole page: the title (also the heading), then {@code body}, which must already be HTML. */
    static String page(String title, String body) {
        return "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                + "<meta name=\"robots\" content=\"noindex\">"
                + "<title>" + text(title) + " · LeaveBot</title><style>" + STYLE + "</style></head>\n<body>"
                + "<h1>" + text(title) + "</h1>\n" + body
                + "<footer>LeaveBot</footer></body></html>\n";
    }

    /** One paragraph per text. */
    static String paragraphs(List<String> texts) {
        StringBuilder out = new StringBuilder();
        for (String t : texts) {
            out.append("<p>").append(text(t)).append("</p>\n");
        }
        return out.toString();
    }

    /** A two-column table of label → value rows. */
    static String facts(List<String[]> rows) {
        StringBuilder out = new StringBuilder("<table>\n");
        for (String[] row : rows) {
            out.append("<tr><th scope=\"row\">").append(text(row[0])).append("</th><td>").append(text(row[1]))
                    .append("</td></tr>\n");
        }
        return out.append("</table>\n").toString();
    }
}
