package io.leavebot.store;

import io.leavebot.balance.Deduction;
import io.leavebot.balance.InsufficientBalanceException;
import io.leavebot.balance.LedgerEntry;
import io.leavebot.leave.Decision;
import io.leavebot.leave.LeaveRequest;
import io.leavebot.leave.LeaveStatus;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The checks both stores make before a ledger write, with one wording, and the one rule for amounts: they are kept
 * in exact hundredths of the type's unit and read back with two decimals ({@code 0.50}), on SQLite and on DynamoDB
 * alike.
 */
final class LedgerWrites {
    private LedgerWrites() {
    }

    /**
     * @throws IllegalArgumentException if a deduction comes with anything but an approval, is from someone else's
     *                                  balance, or has an amount finer than hundredths
     */
    static void requireFits(LeaveRequest request, LeaveStatus to, Deduction deduction) {
        if (deduction == null) {
            return;
        }
        if (to != LeaveStatus.APPROVED) {
            throw new IllegalArgumentException("only an approval takes leave from a balance; request " + request.id()
                    + " was to become " + to + " with a deduction");
        }
        if (!deduction.person().isSameAs(request.employee())) {
            throw new IllegalArgumentException("the deduction for request " + request.id() + " is from " + deduction.person().key()
                    + "'s balance, but the request is " + request.employee().key() + "'s");
        }
        deduction.parts().forEach(part -> hundredths(part.amount()));
    }

    /** @throws IllegalArgumentException if the entry is not an ADJUSTMENT or its amount has more than two decimals */
    static void requireAdjustment(LedgerEntry entry) {
        if (entry.kind() != LedgerEntry.Kind.ADJUSTMENT) {
            throw new IllegalArgumentException("only adjustments are recorded directly; leave " + entry.kind()
                    + " is written with its request's decision (" + entry.id() + ")");
        }
        hundredths(entry.amount());
    }

    /**
     * The part's refusal when the stored sum of its year, {@code sum}, cannot give its amount; null when it can (or
     * the part has no floor).
     */
    static InsufficientBalanceException shortfall(String type, Deduction.Part part, BigDecimal sum) {
        if (part.floor() == null || sum.subtract(part.amount()).compareTo(part.floor()) >= 0) {
            return null;
        }
        return new InsufficientBalanceException(type, part.leaveYear(), sum.subtract(part.floor()), part.amount());
    }

    /** @throws IllegalArgumentException if the cancellation has no time (it becomes the request's and the refunds') */
    static void requireCancellation(Decision cancellation) {
        if (cancellation == null || cancellation.at() == null) {
            throw new IllegalArgumentException("a cancellation needs its time");
        }
    }

    /** The refund of a TAKEN entry, by whoever cancelled, at the cancellation's time. */
    static LedgerEntry refundOf(LedgerEntry taken, Decision cancellation) {
        return new LedgerEntry(LedgerEntry.refundId(taken.requestId(), taken.leaveYear()), taken.person(), taken.type(),
                taken.leaveYear(), LedgerEntry.Kind.REFUND, taken.amount().negate(), taken.requestId(), taken.leaveStart(),
                cancellation.at(), cancellation.by(), null);
    }

    /**
     * @throws IllegalArgumentException if the amount has more than two decimals (Balances rounds to hundredths)
     */
    static long hundredths(BigDecimal amount) {
        try {
            return amount.movePointRight(2).setScale(0, RoundingMode.UNNECESSARY).longValueExact();
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException("ledger amounts are kept to hundredths of a day or hour; "
                    + amount.toPlainString() + " has more decimals", e);
        }
    }

    static BigDecimal amount(long hundredths) {
        return BigDecimal.valueOf(hundredths, 2);
    }

    /** The entry as it reads back from a store: its amount with two decimals. */
    static LedgerEntry asStored(LedgerEntry e) {
        return new LedgerEntry(e.id(), e.person(), e.type(), e.leaveYear(), e.kind(), normalized(e.amount()), e.requestId(),
                e.leaveStart(), e.at(), e.by(), e.reason());
    }

    /** An amount as it reads back: two decimals. */
    static BigDecimal normalized(BigDecimal amount) {
        return amount(hundredths(amount));
    }
}
