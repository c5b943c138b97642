package io.leavebot.email;

import io.leavebot.leave.LeaveStatus;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Base64;
import java.util.Locale;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signed Approve / Reject links for e-mail. A token names the request, the decision and an expiry, and carries an
 * HMAC-SHA256 over them, so it cannot be changed or made up without the secret:
 * <pre>{@code <base64url(requestId)>.<approve|reject>.<expiry, epoch seconds>.<base64url(hmac)>}</pre>
 * {@link #verify} says whether a token is {@link Verified.Status#VALID}, {@link Verified.Status#EXPIRED},
 * {@link Verified.Status#TAMPERED} or {@link Verified.Status#MALFORMED}. Whether the request is still waiting (the
 * callback is open, the link not used before) is for the decision endpoint to check; a token alone cannot know.
 */
public final class DecisionLinks {
    /** The shortest secret accepted: as long as the HMAC-SHA256 output. */
    public static final int MIN_SECRET_BYTES = 32;
    /** The query parameter of a link that holds the token. */
    public static final String TOKEN_PARAMETER = "token";

    /** Longest request id a token carries; {@link TokenParts} accepts exactly what this allows. */
    static final int MAX_ID_BYTES = 300;

    private static final String ALGORITHM = "HmacSHA256";
    /** Signed along with the token, so a MAC made for another purpose or version never verifies here. */
    private static final String CONTEXT = "leavebot-decision-link/v1:";
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

    private final SecretKeySpec key;
    private final String baseUrl;

    /**
     * @param secret  at least {@value #MIN_SECRET_BYTES} bytes in UTF-8, from configuration; a long random value
     * @param baseUrl where the decision endpoint listens, e.g. {@code http://127.0.0.1:3000/decide}
     * @throws IllegalArgumentException if the secret is too short or the base URL is not an absolute http(s) URL
     */
    public DecisionLinks(String secret, String baseUrl) {
        byte[] bytes = secret == null ? new byte[0] : secret.getBytes(StandardCharsets.UTF_8);
        if (bytes.length < MIN_SECRET_BYTES) {
            throw new IllegalArgumentException("the decision-link secret is " + bytes.length + " bytes long, but it must "
                    + "have at least " + MIN_SECRET_BYTES + "; use a long random value, e.g. from `openssl rand -base64 48`");
        }
        this.key = new SecretKeySpec(bytes, ALGORITHM);
        this.baseUrl = checkedBaseUrl(baseUrl);
    }

    /**
     * A link that approves or rejects the request until {@code expiresAt} (kept to the second).
     *
     * @param decision APPROVED or REJECTED
     */
    public String link(String requestId, LeaveStatus decision, Instant expiresAt) {
        String separator = baseUrl.contains("?") ? "&" : "?";
        return baseUrl + separator + TOKEN_PARAMETER + "=" + token(requestId, decision, expiresAt);
    }

    /** The token alone, as carried by {@link #link}. */
    public String token(String requestId, LeaveStatus decision, Instant expiresAt) {
        byte[] id = requestId == null ? new byte[0] : requestId.getBytes(StandardCharsets.UTF_8);
        if (id.length == 0 || id.length > MAX_ID_BYTES) {
            throw new IllegalArgumentException("a decision link needs a request id of 1 to " + MAX_ID_BYTES + " bytes");
        }
        if (expiresAt.getEpochSecond() < 0) {
            throw new IllegalArgumentException("a decision link cannot expire before 1970: " + expiresAt);
        }
        String signed = ENCODER.encodeToString(id) + "." + word(decision) + "." + expiresAt.getEpochSecond();
        return signed + "." + mac(signed);
    }

    /**
     * Checks a token from a link. The signature is checked before the expiry, so a token with a changed expiry is
     * {@link Verified.Status#TAMPERED}, not valid or expired.
     */
    public Verified verify(String token, Instant now) {
        TokenParts parts = TokenParts.parse(token);
        if (parts == null) {
            return Verified.malformed();
        }
        byte[] expected = mac(parts.signed()).getBytes(StandardCharsets.US_ASCII);
        if (!MessageDigest.isEqual(expected, parts.mac().getBytes(StandardCharsets.US_ASCII))) {
            return Verified.tampered();
        }
        String requestId = parts.requestId();
        if (requestId == null) {
            return Verified.malformed();
        }
        Verified.Status status = now.isBefore(parts.expiresAt()) ? Verified.Status.VALID : Verified.Status.EXPIRED;
        return new Verified(status, requestId, parts.decision(), parts.expiresAt());
    }

    @Override
    public String toString() {
        return "DecisionLinks[" + baseUrl + "]";
    }

    static String word(LeaveStatus decision) {
        if (decision != LeaveStatus.APPROVED && decision != LeaveStatus.REJECTED) {
            throw new IllegalArgumentException("a decision link approves or rejects, not " + decision);
        }
        return decision == LeaveStatus.APPROVED ? "approve" : "reject";
    }

    private String mac(String signed) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return ENCODER.encodeToString(mac.doFinal((CONTEXT + signed).getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this Java runtime cannot compute " + ALGORITHM, e);
        }
    }

    private static String checkedBaseUrl(String baseUrl) {
        URI uri;
        try {
            uri = baseUrl == null ? null : URI.create(baseUrl.trim());
        } catch (IllegalArgumentException e) {
            uri = null;
        }
        String scheme = uri == null || uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (uri == null || !(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null
                || uri.getFragment() != null) {
            throw new IllegalArgumentException("the decision-link base URL must be an absolute http or https URL "
                    + "without a #fragment, e.g. http://127.0.0.1:3000/decide, but was: " + baseUrl);
        }
        return uri.toString();
    }
}
