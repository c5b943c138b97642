package io.leavebot.http;

import io.leavebot.email.HtmlEscaper;
import java.util.List;

/**
 * The few HTML pieces LeaveBot's pages (decisions, the Slack connect page) are made of. Every piece of text goes through {@link #text}, so nothing a
 * person typed (names, reasons, comments) can become markup. The pages look like the local workspace (its colours,
 * type and bar on top, the content on a card) and carry their style inline: they fetch nothing else, and their
 * Content-Security-Policy allows nothing else.
 */
public final class Html {
    // the workspace's colours (local/src/main/resources/workspace/workspace.css) and its font stack
    private static final String STYLE = ":root{--aubergine:#3f0e40;--text:#1d1c1d;--muted:#616061;--line:#e2e2e2;"
            + "--green:#007a5a;--red:#e01e5a;--panel:#f8f8f8}"
            + "*{box-sizing:border-box}"
            + "body{margin:0;background:var(--panel);color:var(--text);line-height:1.5;font-size:15px;font-family:"
            + "-apple-system,'Segoe UI',Roboto,'Helvetica Neue',Arial,'Noto Sans','DejaVu Sans',sans-serif}"
            + "header{display:flex;align-items:center;gap:8px;padding:10px 16px;background:#350d36;color:#fff;"
            + "font-weight:700;font-size:17px}"
            + ".mark{display:inline-grid;place-items:center;width:28px;height:28px;border-radius:6px;background:#fff;"
            + "color:var(--aubergine)}"
            + "main{max-width:38rem;margin:2.5rem auto;padding:0 1rem}"
            + ".card{background:#fff;border:1px solid var(--line);border-radius:10px;padding:1.5rem 1.75rem;"
            + "box-shadow:0 1px 3px #0000001a}"
            + "h1{font-size:1.35rem;margin:0 0 .75rem}"
            + "table{border-collapse:collapse;margin:1rem 0;width:100%}"
            + "th,td{padding:.4rem 0;border-top:1px solid var(--line);vertical-align:top;text-align:left}"
            + "th{padding-right:1rem;color:var(--muted);font-weight:600;white-space:nowrap;width:1%}"
            + "td{white-space:pre-line}"
            + "label{font-weight:700}"
            + "textarea{display:block;width:100%;min-height:5rem;margin-top:.4rem;padding:8px;font:inherit;"
            + "border:1px solid #bbb;border-radius:6px}"
            + "button{font:inherit;font-weight:600;padding:.5rem 1.25rem;border:0;border-radius:6px;color:#fff;cursor:pointer}"
            + ".approve{background:var(--green)}.reject{background:var(--red)}"
            + ".error{background:#fde8ee;color:#a3123d;padding:.5rem .75rem;border-radius:6px}"
            + "footer{margin-top:1rem;color:var(--muted);font-size:.85rem;text-align:center}";

    private Html() {
    }

    /** Escapes text for element content and attribute values (see {@link HtmlEscaper}). */
    public static String text(String value) {
        return HtmlEscaper.escape(value);
    }

    /** A whole page: the title (also the heading), then {@code body}, which must already be HTML. */
    public static String page(String title, String body) {
        return "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                + "<meta name=\"robots\" content=\"noindex\">"
                + "<title>" + text(title) + " · LeaveBot</title><style>" + STYLE + "</style></head>\n<body>"
                + "<header><span class=\"mark\" aria-hidden=\"true\">L</span>LeaveBot</header>\n"
                + "<main><div class=\"card\">\n<h1>" + text(title) + "</h1>\n" + body
                + "</div>\n<footer>LeaveBot</footer></main></body></html>\n";
    }

    /** One paragraph per text. */
    public static String paragraphs(List<String> texts) {
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
