package io.leavebot.calendar;

import java.time.LocalDate;

/**
 * A column of the calendar.
 *
 * @param weekend whether the day is outside the viewer's working week (shown as a weekend)
 */
public record CalendarDay(LocalDate date, boolean weekend) {
}
