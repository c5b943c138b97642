package io.leavebot.balance;

import java.math.BigDecimal;

/**
 * An employee's balance of a request's type as a message states it: "Sam will have 7 of 25 days left" in an
 * approval request, "you have 7 of 25 days left" in an outcome, "4 days of sick leave taken in 2027" for an
 * unlimited type.
 *
 * @param left  what is left: after this request in a receipt, approval request or reminder; as it is now in an
 *              outcome or a cancellation
 * @param total what the year gives in all ({@link Balance#total})
 * @param taken approved leave of the year (with this request once it is approved)
 */
public record BalanceNote(String type, Unit unit, String yearName, boolean limited, BigDecimal left, BigDecimal total,
        BigDecimal taken) {
}
