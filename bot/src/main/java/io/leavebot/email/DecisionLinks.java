package io.leavebot.email;

import io.leavebot.crypto.HmacSha256;
import io.leavebot.leave.LeaveStatus;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Base64;
import java.util.Locale;

/**
 * Signed Approve / Reject links for the approver's e-mail and Withdraw links for the employee's. A token names the
 * request, the action, an expiry and — for a decision — the approval callback it answers, and carries an
 * HMAC-SHA256 over them, so it cannot be changed or made up without the secret:
 * <pre>{@code <base64url(requestId)>.<approve|reject>.<expiry, epoch seconds>.<callback fingerprint>.<base64url(hmac)>}
 * {@code <base64url(requestId)>.withdraw.<expiry, epoch seconds>.<base64url(hmac)>}</pre>
 * The fingerprint ({@link #fingerprint}) ties a decision link to one round of the approval: once the approver is
 * asked again with a new callback, the old links stop working ({@link Verified#isFor}). Decision tokens made before
 * LeaveBot bound them to a callback have no fingerprint and answer the current one.
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

    /** Signed along with the token, so a MAC made for another purpose or version never verifies here. */
    private static final String CONTEXT = "leavebot-decision-link/v1:";
    private static final String WITHDRAW = "withdraw";
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

    private final HmacSha256 key;
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
        this.key = new HmacSha256(bytes);
        this.baseUrl = checkedBaseUrl(baseUrl);
    }

    /**
     * A link that approves or rejects the request, answering approval callback {@code callbackId}, until
     * {@code expiresAt} (kept to the second).
     *
     * @param decision APPROVED or REJECTED
     */
    public String link(String requestId, LeaveStatus decision, String callbackId, Instant expiresAt) {
        return withToken(token(requestId, decision, callbackId, expiresAt));
    }

    /** The token alone, as carried by {@link #link}. */
    public String token(String requestId, LeaveStatus decision, String callbackId, Instant expiresAt) {
        if (callbackId == null || callbackId.isEmpty()) {
            throw new IllegalArgumentException("a decision link answers one approval callback, and none was given");
        }
        String signed = signed(requestId, word(decision), expiresAt) + "." + fingerprint(callbackId);
        return signed + "." + mac(signed);
    }

    /** A link with which the employee withdraws the request while it waits, until {@code expiresAt}. */
    public String withdrawLink(String requestId, Instant expiresAt) {
        String signed = signed(requestId, WITHDRAW, expiresAt);
        return withToken(signed + "." + mac(signed));
    }

    /** A decision token as LeaveBot made them before they carried a callback (for tests of links still in inboxes). */
    public String tokenWithoutCallback(String requestId, LeaveStatus decision, Instant expiresAt) {
        String signed = signed(requestId, word(decision), expiresAt);
        return signed + "." + mac(signed);
    }

    /**
     * A short digest of a callback id, as decision tokens carry it: enough to tell one callback from another, and
     * signed with the rest of the token, so it cannot be changed.
     */
    static String fingerprint(String callbackId) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(callbackId.getBytes(StandardCharsets.UTF_8));
            return ENCODER.encodeToString(digest).substring(0, TokenParts.FINGERPRINT_LENGTH);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this Java runtime cannot compute SHA-256", e);
        }
    }

    private String withToken(String token) {
        String separator = baseUrl.contains("?") ? "&" : "?";
        return baseUrl + separator + TOKEN_PARAMETER + "=" + token;
    }

    private static String signed(String requestId, String action, Instant expiresAt) {
        byte[] id = requestId == null ? new byte[0] : requestId.getBytes(StandardCharsets.UTF_8);
        if (id.length == 0 || id.length > MAX_ID_BYTES) {
            throw new IllegalArgumentException("a decision link needs a request id of 1 to " + MAX_ID_BYTES + " bytes");
        }
        if (expiresAt.getEpochSecond() < 0) {
            throw new IllegalArgumentException("a decision link cannot expire before 1970: " + expiresAt);
        }
        return ENCODER.encodeToString(id) + "." + action + "." + expiresAt.getEpochSecond();
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
        return new Verified(status, requestId, parts.decision(), parts.expiresAt(), parts.fingerprint());
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

    /**
     * The signature of another kind of link made with the same secret (a report download): an HMAC-SHA256 over
     * {@code purpose} and {@code text}, so that it never verifies as a decision token, nor one purpose as another.
     *
     * @param purpose e.g. {@code leavebot-report-link/v1}
     */
    public String signature(String purpose, String text) {
        if (purpose == null || purpose.isBlank() || (purpose + ":").equals(CONTEXT)) {
            throw new IllegalArgumentException("a signed link needs a purpose of its own, not " + purpose);
        }
        return hmac(purpose + ":" + text);
    }

    /** Whether {@code offered} is {@link #signature}'s of these, compared in constant time. */
    public boolean hasSignature(String purpose, String text, String offered) {
        return offered != null && MessageDigest.isEqual(signature(purpose, text).getBytes(StandardCharsets.US_ASCII),
                offered.getBytes(StandardCharsets.US_ASCII));
    }

    private String mac(String signed) {
        return hmac(CONTEXT + signed);
    }

    private String hmac(String text) {
        return ENCODER.encodeToString(key.mac(text));
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
