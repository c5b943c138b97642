package io.leavebot.slack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.leavebot.crypto.HmacSha256;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;

/**
 * The OAuth {@code state} of a {@code /leave connect} link: who asked (Slack user and team, and the LeaveBot person
 * the token will be kept for), the redirect URL the link named (so the function that completes the flow need not
 * know its own URL), until when the link works ({@link #LIFETIME}), and a random nonce, as
 * {@code base64url(JSON).base64url(HMAC-SHA256)} with LeaveBot's link secret. The MAC is checked before anything
 * in the state is read, so a changed state is {@link Status#TAMPERED}, never someone else's.
 */
final class ConnectState {
    /** How long a connect link works. */
    static final Duration LIFETIME = Duration.ofMinutes(10);
    /** Signed with the state, so a MAC made with the same secret for another purpose never verifies here. */
    private static final String CONTEXT = "leavebot-slack-connect/v1:";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final SecureRandom RANDOM = new SecureRandom();

    enum Status { VALID, EXPIRED, TAMPERED }

    /** What a state said; the fields are null unless the MAC matched. */
    record Checked(Status status, String userId, String teamId, String personKey, String redirectUri) {
    }

    private final HmacSha256 key;

    /** @param secret LeaveBot's link secret (32 bytes or more, checked where it is loaded) */
    ConnectState(String secret) {
        this.key = new HmacSha256(secret);
    }

    /** @param redirectUri where Slack sends the person back, which {@code oauth.v2.access} must name again */
    String issue(String userId, String teamId, String personKey, String redirectUri, Instant now) {
        byte[] nonce = new byte[16];
        RANDOM.nextBytes(nonce);
        var body = JSON.createObjectNode().put("u", userId).put("t", teamId).put("p", personKey).put("r", redirectUri)
                .put("exp", now.plus(LIFETIME).getEpochSecond()).put("n", HexFormat.of().formatHex(nonce));
        String payload = B64.encodeToString(body.toString().getBytes(StandardCharsets.UTF_8));
        return payload + "." + mac(payload);
    }

    Checked check(String state, Instant now) {
        int dot = state == null ? -1 : state.indexOf('.');
        if (dot < 1 || state.length() > 2000) {
            return new Checked(Status.TAMPERED, null, null, null, null);
        }
        String payload = state.substring(0, dot);
        if (!MessageDigest.isEqual(mac(payload).getBytes(StandardCharsets.US_ASCII),
                state.substring(dot + 1).getBytes(StandardCharsets.US_ASCII))) {
            return new Checked(Status.TAMPERED, null, null, null, null);
        }
        JsonNode body;
        try {
            body = JSON.readTree(Base64.getUrlDecoder().decode(payload));
        } catch (IOException | IllegalArgumentException e) {
            return new Checked(Status.TAMPERED, null, null, null, null); // signed by us, so never: but not trusted either
        }
        Status status = now.getEpochSecond() < body.path("exp").asLong() ? Status.VALID : Status.EXPIRED;
        return new Checked(status, body.path("u").asText(null), body.path("t").asText(null), body.path("p").asText(null),
                body.path("r").asText(null));
    }

    private String mac(String payload) {
        return B64.encodeToString(key.mac(CONTEXT + payload));
    }
}
