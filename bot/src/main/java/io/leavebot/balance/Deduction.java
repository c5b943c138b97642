package io.leavebot.balance;

import io.leavebot.leave.Person;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * What approving a request takes from the employee's balance, one part per leave year the request's days fall in
 * (leave over New Year takes from two), as {@link Balances#deductionFor} works it out. The store records the parts
 * in the same conditional write as the approval, and only if each leaves its year's balance within the policy.
 */
public record Deduction(Person person, String type, List<Part> parts) {

    /**
     * @param amount     what is taken, in the type's unit (0 or more)
     * @param leaveStart the first day of the request in this leave year
     * @param floor      the lowest the sum of the stored entries of this person, type and year may become, or null
     *                   for no limit (an unlimited type): the policy's part of the balance (grant or accruals,
     *                   carry-over) and how far below zero it may go, negated. The store compares, at the moment of
     *                   writing, {@code sum of stored amounts - amount >= floor}.
     */
    public record Part(int leaveYear, BigDecimal amount, LocalDate leaveStart, BigDecimal floor) {
        public Part {
            if (amount == null || amount.signum() < 0 || leaveStart == null) {
                throw new IllegalArgumentException("a deduction takes zero or more, from a first day");
            }
        }
    }

    public Deduction {
        parts = List.copyOf(parts);
    }

    /** The ledger entries the approval of {@code requestId} writes, at {@code at}, by {@code by}. */
    public List<LedgerEntry> entries(String requestId, Instant at, Person by) {
        return parts.stream().map(p -> new LedgerEntry(LedgerEntry.takenId(requestId, p.leaveYear()), person, type,
                p.leaveYear(), LedgerEntry.Kind.TAKEN, p.amount().negate(), requestId, p.leaveStart(), at, by, null)).toList();
    }
}
