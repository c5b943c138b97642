package io.leavebot.balance;

import java.time.LocalDate;
import java.time.Month;

/**
 * When a leave type's year starts: January for the calendar year, or e.g. April. A leave year is named by the
 * calendar year it starts in, so with an April start, leave year 2027 runs from 1 April 2027 to 31 March 2028.
 */
public record LeaveYear(Month startMonth) {
    public static final LeaveYear CALENDAR = new LeaveYear(Month.JANUARY);

    public LeaveYear {
        if (startMonth == null) {
            throw new IllegalArgumentException("a leave year needs the month it starts in");
        }
    }

    /** The leave year {@code day} falls in. */
    public int of(LocalDate day) {
        return day.getMonthValue() >= startMonth.getValue() ? day.getYear() : day.getYear() - 1;
    }

    public LocalDate firstDay(int year) {
        return LocalDate.of(year, startMonth, 1);
    }

    public LocalDate lastDay(int year) {
        return firstDay(year + 1).minusDays(1);
    }

    /** "2027", or "2027/28" for a year that does not start in January. */
    public String name(int year) {
        return startMonth == Month.JANUARY ? Integer.toString(year) : year + "/" + String.format("%02d", (year + 1) % 100);
    }
}
