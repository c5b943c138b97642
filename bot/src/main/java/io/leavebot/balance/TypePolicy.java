package io.leavebot.balance;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.Period;

/**
 * How one leave type is counted for a group of people.
 *
 * @param kind          ANNUAL: {@code allowance} for each leave year, granted on its first day; ACCRUAL:
 *                      {@code accrual}'s amount at the start of each period; UNLIMITED: taken days are tracked, never
 *                      limited (e.g. sick leave)
 * @param allowance     ANNUAL: the year's allowance in {@code unit}; else null
 * @param accrual       ACCRUAL: what accrues and how often; else null
 * @param year          when the leave year starts
 * @param carryOver     how much of a year's unused balance moves to the next, and until when; {@link CarryOver#NONE}
 * @param negativeLimit how far below zero a balance may go (0: not at all)
 * @param proRate       ANNUAL: someone who joins during a leave year gets the part of the allowance for the rest of it
 */
public record TypePolicy(String type, Kind kind, Unit unit, BigDecimal allowance, Accrual accrual, LeaveYear year,
        CarryOver carryOver, BigDecimal negativeLimit, boolean proRate) {

    public enum Kind {
        ANNUAL, ACCRUAL, UNLIMITED
    }

    /**
     * {@code amount} accrues at the start of each period: each month from the leave year's start ({@code every} one
     * month), or every {@code every} days (e.g. a pay period of 14) counted from {@code from}.
     */
    public record Accrual(BigDecimal amount, Period every, LocalDate from) {
        public Accrual {
            if (amount == null || amount.signum() <= 0) {
                throw new IllegalArgumentException("an accrual needs a positive amount per period");
            }
            if (every == null || every.isNegative() || every.isZero() || every.getYears() != 0
                    || (every.getMonths() != 0 && every.getDays() != 0)) {
                throw new IllegalArgumentException("an accrual period is a number of months or a number of days, not " + every);
            }
            if (every.getDays() != 0 && from == null) {
                throw new IllegalArgumentException("an accrual every " + every.getDays() + " days needs the day the first period starts");
            }
        }

        public boolean monthly() {
            return every.getMonths() != 0;
        }
    }

    /**
     * @param cap     most that moves to the next year (unused days above it are lost); a negative balance (leave taken
     *                in advance) always moves in full
     * @param expires the day of the new leave year from which the carried days that were not used are gone (e.g.
     *                31 March: leave from 1 April on cannot use them); null: they never expire
     */
    public record CarryOver(BigDecimal cap, MonthDay expires) {
        public static final CarryOver NONE = new CarryOver(BigDecimal.ZERO, null);

        public CarryOver {
            if (cap == null || cap.signum() < 0) {
                throw new IllegalArgumentException("a carry-over cap is zero or more");
            }
        }
    }

    public TypePolicy {
        if (type == null || type.isBlank() || kind == null || unit == null || year == null) {
            throw new IllegalArgumentException("a leave type's policy needs its type, kind, unit and leave year");
        }
        if (kind == Kind.ANNUAL && (allowance == null || allowance.signum() < 0)) {
            throw new IllegalArgumentException("the annual allowance of " + type + " is zero or more");
        }
        if (kind == Kind.ACCRUAL && accrual == null) {
            throw new IllegalArgumentException("the accrual policy of " + type + " needs what accrues and how often");
        }
        carryOver = carryOver == null ? CarryOver.NONE : carryOver;
        negativeLimit = negativeLimit == null ? BigDecimal.ZERO : negativeLimit;
        if (negativeLimit.signum() < 0) {
            throw new IllegalArgumentException("how far below zero a balance of " + type + " may go is zero or more");
        }
    }

    /** 25 days a calendar year, no carry-over, no negative balance, pro-rated for joiners. */
    public static TypePolicy annual(String type, int days) {
        return new TypePolicy(type, Kind.ANNUAL, Unit.DAYS, BigDecimal.valueOf(days), null, LeaveYear.CALENDAR,
                CarryOver.NONE, BigDecimal.ZERO, true);
    }

    /** Tracked in days, never limited. */
    public static TypePolicy unlimited(String type) {
        return new TypePolicy(type, Kind.UNLIMITED, Unit.DAYS, null, null, LeaveYear.CALENDAR, CarryOver.NONE,
                BigDecimal.ZERO, false);
    }

    public boolean limited() {
        return kind != Kind.UNLIMITED;
    }
}
