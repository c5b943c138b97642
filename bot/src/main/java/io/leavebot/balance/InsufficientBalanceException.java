package io.leavebot.balance;

import java.math.BigDecimal;

/**
 * A store refused an approval because it would take a balance below what the policy allows; nothing was written.
 * Thrown by {@code LeaveStore.decide} when another approval (or an adjustment) used the days since the workflow
 * looked.
 *
 * @see Deduction.Part#floor()
 */
public final class InsufficientBalanceException extends RuntimeException {
    private final String type;
    private final int leaveYear;
    private final BigDecimal available;
    private final BigDecimal needed;

    /** @param available what the balance allows taking now (may be negative) */
    public InsufficientBalanceException(String type, int leaveYear, BigDecimal available, BigDecimal needed) {
        super("not enough " + type + " leave in leave year " + leaveYear + ": " + needed.stripTrailingZeros().toPlainString()
                + " needed, " + available.stripTrailingZeros().toPlainString() + " available");
        this.type = type;
        this.leaveYear = leaveYear;
        this.available = available;
        this.needed = needed;
    }

    public String type() {
        return type;
    }

    public int leaveYear() {
        return leaveYear;
    }

    public BigDecimal available() {
        return available;
    }

    public BigDecimal needed() {
        return needed;
    }
}
