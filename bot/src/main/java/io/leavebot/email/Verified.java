package io.leavebot.email;

import io.leavebot.leave.LeaveStatus;
import java.time.Instant;

/**
 * What {@link DecisionLinks#verify} found in a token. For VALID and EXPIRED the signature matched, so the request
 * id, decision and expiry are the ones LeaveBot signed (the endpoint may name the request in its answer); for
 * TAMPERED and MALFORMED they are null and nothing in the token may be trusted.
 *
 * @param decision    APPROVED or REJECTED for an Approve / Reject link, CANCELLED for a Withdraw link
 * @param fingerprint of the callback a decision link answers, or null (see {@link #isFor})
 */
public record Verified(Status status, String requestId, LeaveStatus decision, Instant expiresAt, String fingerprint) {

    /** How a token stands. */
    public enum Status {
        /** Signed by us and not expired: the endpoint may go on (and check that the request still waits). */
        VALID,
        /** Signed by us, but its expiry has passed. */
        EXPIRED,
        /** Well formed, but the signature does not match: changed, or signed with another secret. */
        TAMPERED,
        /** Not a decision token at all (cut off, wrong shape). */
        MALFORMED
    }

    public boolean isValid() {
        return status == Status.VALID;
    }

    /** A withdraw link's token (decision CANCELLED), not an Approve / Reject link's. */
    public boolean isWithdrawal() {
        return decision == LeaveStatus.CANCELLED;
    }

    /**
     * Whether this decision token answers approval callback {@code callbackId}: made for it, or made before tokens
     * named their callback (then it answers whichever is open).
     */
    public boolean isFor(String callbackId) {
        return fingerprint == null || callbackId != null && fingerprint.equals(DecisionLinks.fingerprint(callbackId));
    }

    static Verified tampered() {
        return new Verified(Status.TAMPERED, null, null, null, null);
    }

    static Verified malformed() {
        return new Verified(Status.MALFORMED, null, null, null, null);
    }
}
