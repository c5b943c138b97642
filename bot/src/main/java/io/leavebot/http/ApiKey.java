package io.leavebot.http;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Locale;
import java.util.Map;

/**
 * The bearer key integrations send to the JSON API ({@code Authorization: Bearer <key>}), from configuration. It is
 * compared in constant time, and never printed: {@link #toString()} hides it.
 */
public final class ApiKey {
    /** The shortest key accepted, in characters. */
    public static final int MIN_LENGTH = 24;

    private static final String BEARER = "bearer ";

    private final byte[] digest;

    private ApiKey(String key) {
        this.digest = sha256(key);
    }

    /**
     * @param key the configured key: at least {@value #MIN_LENGTH} visible ASCII characters, no spaces
     * @throws IllegalArgumentException naming what is wrong and how to make a good key (never the key itself)
     */
    public static ApiKey of(String key) {
        if (key == null || key.isBlank()) {
            throw new IllegalArgumentException("the JSON API needs an API key, but none is configured; "
                    + "set one, e.g. from `openssl rand -hex 32`");
        }
        if (key.length() < MIN_LENGTH || !key.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
            throw new IllegalArgumentException("the API key must be at least " + MIN_LENGTH + " visible ASCII "
                    + "characters without spaces (it has " + key.length() + "); use e.g. `openssl rand -hex 32`");
        }
        return new ApiKey(key);
    }

    /** What an {@code Authorization} header holds. */
    enum Check {
        /** No header, or not a bearer credential. */
        MISSING,
        /** A bearer credential, but not this key. */
        WRONG,
        OK
    }

    Check check(String authorization) {
        if (authorization == null || authorization.length() <= BEARER.length()
                || !authorization.substring(0, BEARER.length()).toLowerCase(Locale.ROOT).equals(BEARER)) {
            return Check.MISSING;
        }
        String offered = authorization.substring(BEARER.length()).trim();
        // equal-length digests compared with isEqual: the time taken says nothing about the key or its length
        return MessageDigest.isEqual(digest, sha256(offered)) ? Check.OK : Check.WRONG;
    }

    /**
     * Lets the request through with this key, else answers 401 (RFC 6750: a missing and a wrong key both, the wrong
     * one with {@code error="invalid_token"}).
     */
    void authenticate(String authorization) {
        switch (check(authorization)) {
            case OK:
                return;
            case MISSING:
                throw new HttpProblem(401, "Please authenticate with the header Authorization: Bearer <your API key>.",
                        Map.of(), Map.of("WWW-Authenticate", "Bearer realm=\"leavebot\""));
            default:
                throw new HttpProblem(401, "The API key is not valid. Please check the key LeaveBot was configured with.",
                        Map.of(), Map.of("WWW-Authenticate", "Bearer realm=\"leavebot\", error=\"invalid_token\""));
        }
    }

    @Override
    public String toString() {
        return "ApiKey[hidden]";
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this Java runtime has no SHA-256", e);
        }
    }
}
