package io.leavebot.email;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The Approve and Reject links found in a sent message's plain-text part (as a reader would click them). */
record SentLinks(String approve, String reject) {
    private static final Pattern APPROVE = Pattern.compile("^Approve: (\\S+)$", Pattern.MULTILINE);
    private static final Pattern REJECT = Pattern.compile("^Reject: (\\S+)$", Pattern.MULTILINE);
    private static final Pattern WITHDRAW = Pattern.compile("^Withdraw: (\\S+)$", Pattern.MULTILINE);

    static SentLinks in(String text) {
        return new SentLinks(find(APPROVE, text), find(REJECT, text));
    }

    /** The Withdraw link of a receipt. */
    static String withdrawIn(String text) {
        return find(WITHDRAW, text);
    }

    /** Both links, as they appear in an HTML part (attribute-escaped). */
    boolean bothIn(String html) {
        return html.contains("href=\"" + HtmlEscaper.escape(approve) + "\"") && html.contains("href=\"" + HtmlEscaper.escape(reject) + "\"");
    }

    private static String find(Pattern pattern, String text) {
        Matcher matcher = pattern.matcher(text.replace("\r\n", "\n"));
        if (!matcher.find()) {
            throw new AssertionError("no link matching " + pattern + " in:\n" + text);
        }
        return matcher.group(1);
    }
}
