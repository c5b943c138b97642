package io.leavebot.slack;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Seals people's Slack user tokens for storage: AES-256-GCM with a random 12-byte nonce per seal, the person's key
 * as associated data (a sealed token copied to another person's row does not open), written as
 * {@code v1.<base64url(nonce ‖ ciphertext ‖ tag)>}. The key is {@code LEAVEBOT_TOKEN_KEY} (locally, one generated
 * once in the data folder; on AWS the secret's {@code tokenKey}): base64 of 32 random bytes.
 */
public final class TokenSeal {
    /** The setting that holds the key, for messages. */
    public static final String KEY_SETTING = "LEAVEBOT_TOKEN_KEY";
    private static final int KEY_BYTES = 32;
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final String VERSION = "v1.";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretKeySpec key;

    private TokenSeal(byte[] key) {
        this.key = new SecretKeySpec(key, "AES");
    }

    /**
     * @param base64Key base64 of exactly 32 bytes
     * @param where     where the key came from, for the message (e.g. {@code LEAVEBOT_TOKEN_KEY})
     * @throws IllegalArgumentException naming {@code where} (never the value) when it is not such a key
     */
    public static TokenSeal of(String base64Key, String where) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(base64Key == null ? "" : base64Key.trim());
        } catch (IllegalArgumentException e) {
            bytes = new byte[0];
        }
        if (bytes.length != KEY_BYTES) {
            throw new IllegalArgumentException(where + " must be base64 of 32 random bytes (e.g. `openssl rand -base64 32`), "
                    + "but it " + (bytes.length == 0 ? "is not base64 or is empty" : "has " + bytes.length + " bytes"));
        }
        return new TokenSeal(bytes);
    }

    /** A new random key, as {@link #of} reads it. */
    public static String newKey() {
        byte[] key = new byte[KEY_BYTES];
        RANDOM.nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }

    /** {@code token} sealed for {@code personKey}; each call gives another text (a fresh nonce). */
    public String seal(String personKey, String token) {
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        try {
            Cipher cipher = cipher(Cipher.ENCRYPT_MODE, nonce, personKey);
            byte[] sealed = cipher.doFinal(token.getBytes(StandardCharsets.UTF_8));
            byte[] out = ByteBuffer.allocate(NONCE_BYTES + sealed.length).put(nonce).put(sealed).array();
            return VERSION + Base64.getUrlEncoder().withoutPadding().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this Java runtime cannot seal with AES-GCM", e);
        }
    }

    /**
     * The token {@link #seal} sealed for {@code personKey}.
     *
     * @throws IllegalArgumentException when the text was changed, sealed with another key or for another person
     */
    public String open(String personKey, String sealed) {
        byte[] all;
        try {
            all = sealed != null && sealed.startsWith(VERSION) ? Base64.getUrlDecoder().decode(sealed.substring(VERSION.length())) : null;
        } catch (IllegalArgumentException e) {
            all = null;
        }
        if (all == null || all.length <= NONCE_BYTES + TAG_BITS / 8) {
            throw new IllegalArgumentException("the stored Slack token of " + personKey + " is not a sealed token");
        }
        try {
            byte[] nonce = java.util.Arrays.copyOf(all, NONCE_BYTES);
            Cipher cipher = cipher(Cipher.DECRYPT_MODE, nonce, personKey);
            return new String(cipher.doFinal(all, NONCE_BYTES, all.length - NONCE_BYTES), StandardCharsets.UTF_8);
        } catch (AEADBadTagException e) {
            throw new IllegalArgumentException("the stored Slack token of " + personKey + " does not open with "
                    + KEY_SETTING + ": it was changed, or sealed with another key");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this Java runtime cannot open AES-GCM", e);
        }
    }

    private Cipher cipher(int mode, byte[] nonce, String personKey) throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, nonce));
        cipher.updateAAD(("leavebot-slack-user-token/v1:" + personKey).getBytes(StandardCharsets.UTF_8));
        return cipher;
    }

    /** The key must not reach a log. */
    @Override
    public String toString() {
        return "TokenSeal[AES-256-GCM, key hidden]";
    }
}
