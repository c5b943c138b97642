package io.leavebot.leave;

import java.time.DayOfWeek;
import java.time.LocalDate;

/** Counts Monday-to-Friday days; public holidays are not known to LeaveBot. */
public final class WorkingDays {
    private WorkingDays() {
    }

    /** Working days from {@code start} to {@code end}, both included; 0 when end is before start. */
    public static int between(LocalDate start, LocalDate end) {
        if (end.isBefore(start)) {
            return 0;
        }
        int count = 0;
        for (LocalDate day = start; !day.isAfter(end); day = day.plusDays(1)) {
            if (isWorkingDay(day)) {
                count++;
            }
        }
        return count;
    }

    /** The day messages suggest as an example: a week from today, or the Monday after when that is a weekend day. */
    public static LocalDate exampleDay(LocalDate today) {
        LocalDate day = today.plusDays(7);
        while (!isWorkingDay(day)) {
            day = day.plusDays(1);
        }
        return day;
    }

    private static boolean isWorkingDay(LocalDate day) {
        return day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY;
    }
}
