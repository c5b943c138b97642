package io.leavebot.durable.engine;

import java.security.SecureRandom;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The one access key that may call the {@link DurableRestServer}: an AWS-style access key id and secret access key.
 * Callers sign with them exactly as they sign for AWS (SigV4), so the AWS SDK and CLI take them as static
 * credentials. {@link #toString()} never shows the secret.
 *
 * @param accessKeyId 1 to 128 letters and digits, like AWS's {@code AKIA…} ids
 * @param secretAccessKey 16 to 128 visible ASCII characters, no spaces
 */
public record DurableCredentials(String accessKeyId, String secretAccessKey) {
    private static final Pattern KEY_ID = Pattern.compile("[A-Za-z0-9]{1,128}");
    private static final Pattern SECRET = Pattern.compile("[!-~]{16,128}");
    private static final char[] KEY_ID_LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567".toCharArray();
    private static final char[] SECRET_LETTERS =
            "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".toCharArray();

    /** @throws IllegalArgumentException naming the part that is malformed, never showing the secret */
    public DurableCredentials {
        Objects.requireNonNull(accessKeyId, "accessKeyId");
        Objects.requireNonNull(secretAccessKey, "secretAccessKey");
        if (!KEY_ID.matcher(accessKeyId).matches()) {
            throw new IllegalArgumentException("the access key id must be 1 to 128 letters and digits");
        }
        if (!SECRET.matcher(secretAccessKey).matches()) {
            throw new IllegalArgumentException("the secret access key must be 16 to 128 visible ASCII characters, "
                    + "without spaces");
        }
    }

    /** A fresh random key: a 20-character id starting {@code LBK} and a 40-character secret, shaped like AWS's. */
    public static DurableCredentials generate() {
        var random = new SecureRandom();
        return new DurableCredentials("LBK" + randomText(random, KEY_ID_LETTERS, 17),
                randomText(random, SECRET_LETTERS, 40));
    }

    private static String randomText(SecureRandom random, char[] letters, int length) {
        var text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            text.append(letters[random.nextInt(letters.length)]);
        }
        return text.toString();
    }

    @Override
    public String toString() {
        return "DurableCredentials[accessKeyId=" + accessKeyId + ", secretAccessKey=(hidden)]";
    }
}
