package io.leavebot.balance;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * One person's balance of one leave type in one leave year, as of a day, with the ledger lines it is made of.
 * Amounts are in {@link #unit}; {@code taken} and {@code pending} are positive.
 *
 * @param limited       false for an unlimited type: only {@code taken} and {@code pending} mean anything
 * @param entitlement   ANNUAL: the year's allowance (pro-rated for a joiner); ACCRUAL: what has accrued by the day
 * @param yearTotal     what the year grants in all: the allowance, or every accrual of the year
 * @param carriedOver   from the year before (negative: leave taken in advance)
 * @param carryExpires  the last day carried-over days can be used (leave starting on or before it), or null
 * @param carryExpired  carried-over days not used by then and gone
 * @param adjusted      the sum of admins' adjustments
 * @param taken         approved leave, less refunds
 * @param pending       requests still waiting for approval
 * @param negativeLimit how far below zero the balance may go
 * @param lines         the ledger: granted, accrued, carried, expired, taken, refunded, adjusted, oldest first
 */
public record Balance(String type, Unit unit, boolean limited, int leaveYear, String yearName, LocalDate firstDay,
        LocalDate lastDay, BigDecimal entitlement, BigDecimal yearTotal, BigDecimal carriedOver, LocalDate carryExpires,
        BigDecimal carryExpired, BigDecimal adjusted, BigDecimal taken, BigDecimal pending, BigDecimal negativeLimit,
        List<Line> lines) {

    /**
     * A line of the ledger as people read it.
     *
     * @param requestId the request it is for, or null
     */
    public record Line(LocalDate on, Kind kind, BigDecimal amount, String requestId, String note) {
        public enum Kind {
            GRANTED, ACCRUED, CARRIED_OVER, CARRY_OVER_EXPIRED, TAKEN, REFUNDED, ADJUSTED
        }
    }

    public Balance {
        lines = List.copyOf(lines);
    }

    /** What the year gives in all so far: entitlement, carry-over and adjustments ("of 25"). */
    public BigDecimal total() {
        return entitlement.add(carriedOver).subtract(carryExpired).add(adjusted);
    }

    /** What is left after approved leave. */
    public BigDecimal remaining() {
        return total().subtract(taken);
    }

    /** What is left once the pending requests are approved too. */
    public BigDecimal available() {
        return remaining().subtract(pending);
    }

    /** The most a new request may take: what is available, and as far below zero as the policy allows. */
    public BigDecimal canTake() {
        return available().add(negativeLimit);
    }
}
