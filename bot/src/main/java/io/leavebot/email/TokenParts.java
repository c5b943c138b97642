package io.leavebot.email;

import io.leavebot.leave.LeaveStatus;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.regex.Pattern;

/**
 * The parts of a token (see {@link DecisionLinks}), parsed strictly; nothing here is trusted before the MAC is
 * checked.
 *
 * @param decision    APPROVED, REJECTED or, for a withdraw token, CANCELLED
 * @param fingerprint of the callback a decision token answers; null for a withdraw token and for a decision token
 *                    made before tokens carried one
 */
record TokenParts(String signed, String encodedId, LeaveStatus decision, Instant expiresAt, String fingerprint, String mac) {
    static final int FINGERPRINT_LENGTH = 16;
    private static final Pattern SHAPE = Pattern.compile("[A-Za-z0-9_-]{1,400}\\.(?:(?:approve|reject)\\.[0-9]{1,12}"
            + "(?:\\.[A-Za-z0-9_-]{" + FINGERPRINT_LENGTH + "})?|withdraw\\.[0-9]{1,12})\\.[A-Za-z0-9_-]{43}");

    /** The parts, or null when the token does not have the shape {@link DecisionLinks} makes. */
    static TokenParts parse(String token) {
        if (token == null || !SHAPE.matcher(token).matches()) {
            return null;
        }
        int macStart = token.lastIndexOf('.');
        String[] parts = token.substring(0, macStart).split("\\.");
        LeaveStatus decision = switch (parts[1]) {
            case "approve" -> LeaveStatus.APPROVED;
            case "reject" -> LeaveStatus.REJECTED;
            default -> LeaveStatus.CANCELLED;
        };
        Instant expiresAt = Instant.ofEpochSecond(Long.parseLong(parts[2]));
        String fingerprint = parts.length == 4 ? parts[3] : null;
        return new TokenParts(token.substring(0, macStart), parts[0], decision, expiresAt, fingerprint,
                token.substring(macStart + 1));
    }

    /** The request id, or null if its part is not base64url of UTF-8 text. */
    String requestId() {
        try {
            byte[] bytes = Base64.getUrlDecoder().decode(encodedId);
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (IllegalArgumentException | CharacterCodingException e) {
            return null;
        }
    }
}
