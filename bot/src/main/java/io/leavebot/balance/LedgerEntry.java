package io.leavebot.balance;

import io.leavebot.leave.Person;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * One line a store keeps in a person's leave ledger. Grants, accruals and carry-over follow from the policy and
 * are worked out by {@link Balances}, never stored; what people do is stored: leave taken (when a request is
 * approved, in the same write as the decision), refunded (when approved leave is cancelled) and adjustments by an
 * admin. Amounts are in the type's {@link Unit}: negative for leave taken, positive for a refund.
 *
 * @param id         unique, and the idempotency key of the write: {@link #takenId}, {@link #refundId}, or
 *                   {@code adjustment/<key the admin's request chose>}
 * @param leaveYear  the leave year it counts in ({@link LeaveYear#of} of the days it is for)
 * @param requestId  TAKEN, REFUND: the request; ADJUSTMENT: null
 * @param leaveStart TAKEN, REFUND: the first day of the request's part in this leave year (carried-over days are
 *                   used by leave starting before they expire); ADJUSTMENT: null
 * @param by         who did it: the approver whose approval took it, whoever cancelled, the admin who adjusted; null
 *                   for nobody (an automatic approval)
 * @param reason     ADJUSTMENT: why, as the admin said it; else null
 */
public record LedgerEntry(String id, Person person, String type, int leaveYear, Kind kind, BigDecimal amount,
        String requestId, LocalDate leaveStart, Instant at, Person by, String reason) {

    public enum Kind {
        TAKEN, REFUND, ADJUSTMENT
    }

    public LedgerEntry {
        if (id == null || person == null || type == null || kind == null || amount == null || at == null) {
            throw new IllegalArgumentException("a ledger entry needs its id, person, type, kind, amount and time");
        }
        if ((kind == Kind.ADJUSTMENT) != (requestId == null)) {
            throw new IllegalArgumentException("a " + kind + " entry " + (requestId == null ? "needs" : "has no") + " a request id");
        }
        if (kind == Kind.TAKEN && amount.signum() > 0 || kind == Kind.REFUND && amount.signum() < 0) {
            throw new IllegalArgumentException("leave taken is negative in the ledger, a refund positive; " + kind + " was " + amount);
        }
    }

    public static String takenId(String requestId, int leaveYear) {
        return "taken/" + requestId + "/" + leaveYear;
    }

    public static String refundId(String requestId, int leaveYear) {
        return "refund/" + requestId + "/" + leaveYear;
    }

    public static String adjustmentId(String key) {
        return "adjustment/" + key;
    }
}
