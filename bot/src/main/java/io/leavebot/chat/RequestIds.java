package io.leavebot.chat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * Request ids for chat submissions. A chat platform names each interaction uniquely (Slack: the modal's view id,
 * a command's trigger id), and a retried or double submission carries the same name, so the id is derived from it:
 * the same interaction always gives the same request, and LeaveRequests starts at most one execution for it.
 *
 * <p>People type these ids ({@code /leave cancel 7mk2x-q9d4r}), so they are short and easy to read aloud: ten
 * characters of lower-case Crockford base32 (no i, l, o or u to mistake for 1, 1, 0 or v) in two groups. Fifty
 * bits of SHA-256 make two interactions of one workspace sharing an id vanishingly unlikely (about one in
 * twenty million at ten thousand requests). The id fits the execution-name rule: letters, digits and '-'.
 */
public final class RequestIds {
    private static final char[] ALPHABET = "0123456789abcdefghjkmnpqrstvwxyz".toCharArray();
    private static final int LENGTH = 10;

    private RequestIds() {
    }

    /**
     * @param interaction the platform's unique name for the interaction, with a prefix saying what it is
     *                    (e.g. {@code slack-view:V0123ABCD}), so that names of different kinds cannot meet
     */
    public static String from(String interaction) {
        byte[] hash = sha256(interaction);
        long bits = 0;
        for (int i = 0; i < Long.BYTES; i++) {
            bits = bits << 8 | hash[i] & 0xff;
        }
        StringBuilder id = new StringBuilder(LENGTH + 1);
        for (int i = 0; i < LENGTH; i++) {
            if (i == LENGTH / 2) {
                id.append('-');
            }
            id.append(ALPHABET[(int) (bits >>> (Long.SIZE - 5 * (i + 1))) & 0x1f]);
        }
        return id.toString();
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
