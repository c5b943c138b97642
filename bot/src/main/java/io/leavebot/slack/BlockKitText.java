package io.leavebot.slack;

import java.util.function.IntFunction;

/**
 * Block Kit's text limits and {@code mrkdwn} escaping, in one place. Slack refuses a whole message when one text is
 * too long, so texts are cut to fit and end with "…": a shortened reason is better than no message at all.
 * Lengths are counted in Java chars (UTF-16 units), which is never less than what Slack counts, and a cut never
 * splits a character or an escape.
 *
 * @see <a href="https://docs.slack.dev/reference/block-kit/blocks">Block Kit blocks</a>
 */
final class BlockKitText {
    /** A header block's plain text. */
    static final int HEADER = 150;
    /** A section block's text. */
    static final int SECTION = 3000;
    /** One of a section's fields. */
    static final int FIELD = 2000;
    /** Fields one section may hold. */
    static final int FIELDS_PER_SECTION = 10;
    /** A confirmation dialog's text. */
    static final int CONFIRM = 300;
    /** A message's top-level {@code text}: Slack truncates beyond this. */
    static final int MESSAGE = 40_000;

    private static final String ELLIPSIS = "…";

    private BlockKitText() {
    }

    /** Plain text of at most {@code max} chars. */
    static String plain(String text, int max) {
        return text.length() <= max ? text : cut(text, max, Character::toString);
    }

    /**
     * {@code mrkdwn} showing {@code text} as written, of at most {@code max} chars: {@code &}, {@code <} and
     * {@code >} are escaped, so a reason cannot mention {@code @channel} or forge a link.
     */
    static String mrkdwn(String text, int max) {
        boolean nothingToEscape = text.indexOf('&') < 0 && text.indexOf('<') < 0 && text.indexOf('>') < 0;
        return nothingToEscape && text.length() <= max ? text : cut(text, max, BlockKitText::escape); // most texts, as they are
    }

    private static String escape(int codePoint) {
        return switch (codePoint) {
            case '&' -> "&amp;";
            case '<' -> "&lt;";
            case '>' -> "&gt;";
            default -> Character.toString(codePoint);
        };
    }

    /** {@code text} rendered character by character; when the whole does not fit, as much as fits and "…". */
    private static String cut(String text, int max, IntFunction<String> render) {
        StringBuilder whole = new StringBuilder();
        text.codePoints().forEach(c -> whole.append(render.apply(c)));
        if (whole.length() <= max) {
            return whole.toString();
        }
        StringBuilder cut = new StringBuilder();
        for (int i = 0; i < text.length(); ) {
            int codePoint = text.codePointAt(i);
            String piece = render.apply(codePoint);
            if (cut.length() + piece.length() > max - ELLIPSIS.length()) {
                break;
            }
            cut.append(piece);
            i += Character.charCount(codePoint);
        }
        return cut.append(ELLIPSIS).toString();
    }
}
