package io.leavebot.crypto;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;

/**
 * HMAC-SHA256 (RFC 2104) over the JDK's SHA-256 {@link MessageDigest}, for every MAC LeaveBot computes: AWS
 * signatures, Slack's request signatures, signed e-mail links and OAuth state.
 *
 * <p>Why not {@code javax.crypto.Mac}: its first use in a JVM walks the security providers in order, loading and
 * initialising each (RSA, PKCS#11, GSS, SASL, EC, JSSE) before the JCE one, and reads the JCE's policy files: ~50 ms
 * of a Lambda function's cold start, for a MAC this class computes with the SHA-256 every JVM already has.
 * The result is the same ({@code HmacSha256Test} compares both on RFC 4231's cases and random keys and messages).
 *
 * <p>A key's padded state is computed once; each MAC clones it, so one instance serves any number of threads.
 */
public final class HmacSha256 {
    private static final int BLOCK_BYTES = 64;
    private final MessageDigest inner;
    private final MessageDigest outer;

    public HmacSha256(byte[] key) {
        byte[] block = Arrays.copyOf(key.length > BLOCK_BYTES ? sha256().digest(key) : key, BLOCK_BYTES);
        byte[] innerPad = new byte[BLOCK_BYTES];
        byte[] outerPad = new byte[BLOCK_BYTES];
        for (int i = 0; i < BLOCK_BYTES; i++) {
            innerPad[i] = (byte) (block[i] ^ 0x36);
            outerPad[i] = (byte) (block[i] ^ 0x5c);
        }
        inner = sha256();
        inner.update(innerPad);
        outer = sha256();
        outer.update(outerPad);
        Arrays.fill(block, (byte) 0);
    }

    /** The key as UTF-8 bytes (a signing secret, a link secret). */
    public HmacSha256(String key) {
        this(key.getBytes(StandardCharsets.UTF_8));
    }

    /** HMAC-SHA256 of {@code message}: 32 bytes. */
    public byte[] mac(byte[] message) {
        MessageDigest digest = copy(inner);
        digest.update(message);
        byte[] innerHash = digest.digest();
        digest = copy(outer);
        digest.update(innerHash);
        return digest.digest();
    }

    /** HMAC-SHA256 of {@code message}'s UTF-8 bytes. */
    public byte[] mac(String message) {
        return mac(message.getBytes(StandardCharsets.UTF_8));
    }

    /** One-off: HMAC-SHA256 of {@code message} under {@code key}. */
    public static byte[] mac(byte[] key, String message) {
        return new HmacSha256(key).mac(message);
    }

    private static MessageDigest copy(MessageDigest keyed) {
        try {
            return (MessageDigest) keyed.clone();
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException("this JVM's SHA-256 cannot be cloned; the JDK's can", e);
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM, which every Java has", e);
        }
    }
}
