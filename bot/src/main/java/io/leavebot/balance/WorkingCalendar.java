package io.leavebot.balance;

import java.time.LocalDate;
import java.util.Map;
import java.util.TreeMap;

/**
 * One person's working days: their working week, less their country's and region's public holidays and the
 * company's days off. Every count of leave (its length, the texts, the balance) goes through here.
 */
public final class WorkingCalendar {
    private final WorkingWeek week;
    private final Holidays holidays;
    private final String country;
    private final String region;
    private final Map<LocalDate, String> companyDaysOff;

    public WorkingCalendar(WorkingWeek week, Holidays holidays, String country, String region, Map<LocalDate, String> companyDaysOff) {
        this.week = week;
        this.holidays = holidays;
        this.country = country;
        this.region = region;
        this.companyDaysOff = Map.copyOf(companyDaysOff);
    }

    /** Monday to Friday, no holidays: how LeaveBot counted before it knew them. */
    public static WorkingCalendar mondayToFriday() {
        return new WorkingCalendar(WorkingWeek.MONDAY_TO_FRIDAY, new Holidays(), null, null, Map.of());
    }

    public boolean isWorkingDay(LocalDate day) {
        return week.isWorkingDay(day.getDayOfWeek()) && !companyDaysOff.containsKey(day)
                && holidays.between(country, region, day, day).isEmpty();
    }

    /** Working days from {@code start} to {@code end}, both included; 0 when end is before start. */
    public int workingDays(LocalDate start, LocalDate end) {
        if (end.isBefore(start)) {
            return 0;
        }
        Map<LocalDate, String> off = daysOff(start, end);
        int count = 0;
        for (LocalDate day = start; !day.isAfter(end); day = day.plusDays(1)) {
            if (week.isWorkingDay(day.getDayOfWeek()) && !off.containsKey(day)) {
                count++;
            }
        }
        return count;
    }

    /**
     * Whether [aStart, aEnd] and [bStart, bEnd] share a working day: two requests that meet only on a weekend or a
     * holiday do not overlap, since neither takes that day.
     */
    public boolean sharesWorkingDay(LocalDate aStart, LocalDate aEnd, LocalDate bStart, LocalDate bEnd) {
        LocalDate from = aStart.isAfter(bStart) ? aStart : bStart;
        LocalDate to = aEnd.isBefore(bEnd) ? aEnd : bEnd;
        return workingDays(from, to) > 0;
    }

    /** The length of a request: its working days, or 0.5 for a half day on a working day. */
    public double length(LocalDate start, LocalDate end, boolean halfDay) {
        if (halfDay) {
            return isWorkingDay(start) ? 0.5 : 0;
        }
        return workingDays(start, end);
    }

    /**
     * The public holidays and company days off from {@code start} to {@code end} that fall on working weekdays
     * (those a request does not count), with their names, by date.
     */
    public Map<LocalDate, String> daysOff(LocalDate start, LocalDate end) {
        Map<LocalDate, String> off = new TreeMap<>(holidays.between(country, region, start, end));
        companyDaysOff.forEach((day, name) -> {
            if (!day.isBefore(start) && !day.isAfter(end)) {
                off.merge(day, name, (a, b) -> a + ", " + b);
            }
        });
        off.keySet().removeIf(day -> !week.isWorkingDay(day.getDayOfWeek()));
        return off;
    }

    /** The first working day on or after {@code day} (within a year; else {@code day}). */
    public LocalDate nextWorkingDay(LocalDate day) {
        for (LocalDate d = day; d.isBefore(day.plusYears(1)); d = d.plusDays(1)) {
            if (isWorkingDay(d)) {
                return d;
            }
        }
        return day;
    }

    public WorkingWeek week() {
        return week;
    }
}
