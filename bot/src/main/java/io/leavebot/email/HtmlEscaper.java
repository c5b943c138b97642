package io.leavebot.email;

/** The one HTML escaper: e-mail bodies and web pages put every piece of people's text through it. */
public final class HtmlEscaper {
    private HtmlEscaper() {
    }

    /** Escapes text for element content and for single- or double-quoted attribute values; null becomes "". */
    public static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
