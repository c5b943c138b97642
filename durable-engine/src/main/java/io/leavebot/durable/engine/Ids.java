package io.leavebot.durable.engine;

import java.security.SecureRandom;

/** Random, unguessable identifiers for tokens, callbacks and executions. */
final class Ids {
    private static final char[] ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    private Ids() {
    }

    /** {@code length} characters of [A-Za-z0-9]: valid as a checkpoint token and as a base64-pattern callback id. */
    static String random(int length) {
        byte[] bytes = new byte[length];
        RANDOM.nextBytes(bytes); // one call: SecureRandom is synchronized and slow per call
        char[] chars = new char[length];
        for (int i = 0; i < length; i++) {
            chars[i] = ALPHABET[(bytes[i] & 0xFF) % ALPHABET.length]; // ~5.95 bits each; 32 characters give 190 bits
        }
        return new String(chars);
    }

    static String executionArn(String functionName, String executionName, String executionId) {
        return "arn:aws:lambda:us-east-1:000000000000:function:" + functionName + ":$LATEST/durable-execution/"
                + executionName + "/" + executionId;
    }
}
