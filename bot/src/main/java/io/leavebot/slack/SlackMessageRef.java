package io.leavebot.slack;

/**
 * Where a posted message is: Slack names a message by its conversation and timestamp, and needs both to update it
 * ({@code chat.update}) or to reply in its thread ({@code thread_ts}). Stored as {@code <channel>/<ts>} in the
 * notification log; neither part ever contains a slash.
 */
record SlackMessageRef(String channel, String ts) {
    private static final String SEPARATOR = "/";

    SlackMessageRef {
        if (isBlank(channel) || isBlank(ts) || channel.contains(SEPARATOR) || ts.contains(SEPARATOR)) {
            throw new IllegalArgumentException("a Slack message is named by a channel id and a ts, got " + channel + " and " + ts);
        }
    }

    /** The reference {@link #encode} made. */
    static SlackMessageRef decode(String ref) {
        int at = ref == null ? -1 : ref.indexOf(SEPARATOR);
        if (at < 0) {
            throw new IllegalArgumentException("not a Slack message reference (<channel>/<ts>): " + ref);
        }
        return new SlackMessageRef(ref.substring(0, at), ref.substring(at + 1));
    }

    String encode() {
        return channel + SEPARATOR + ts;
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
