package io.leavebot.calendar;

import io.leavebot.balance.WorkingCalendar;
import io.leavebot.leave.Person;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/** Turns a week's {@link CalendarView} into the {@link WhosOut} of one of its days. */
final class WhosOutWording {
    private WhosOutWording() {
    }

    /** @param week a view from {@code day} (or before) to at least the end of its week */
    static WhosOut of(CalendarView week, LocalDate day, LocalDate weekEnd, Function<Person, WorkingCalendar> calendars,
            boolean everyone) {
        List<WhosOut.Section> sections = new ArrayList<>();
        for (TeamGroup group : week.teams()) {
            List<String> onTheDay = new ArrayList<>();
            List<String> later = new ArrayList<>();
            for (PersonRow row : group.people()) {
                WorkingCalendar calendar = calendars.apply(row.person());
                Optional<Absence> today = row.absenceOn(day);
                if (today.isPresent()) {
                    onTheDay.add(row.person().name() + " — " + CalendarWording.whatWithStatus(today.get()) + ", back " + CalendarWording.day(backOn(row, day, calendar)));
                } else {
                    firstAwayAfter(row, day, weekEnd).ifPresent(first -> later.add(row.person().name() + " — "
                            + CalendarWording.whatWithStatus(row.absenceOn(first).orElseThrow()) + " from " + CalendarWording.day(first)
                            + ", back " + CalendarWording.day(backOn(row, first, calendar))));
                }
            }
            if (!onTheDay.isEmpty() || !later.isEmpty()) {
                sections.add(new WhosOut.Section(CalendarWording.heading(week, group), onTheDay, later));
            }
        }
        return new WhosOut(day, sections, everyone);
    }

    private static Optional<LocalDate> firstAwayAfter(PersonRow row, LocalDate day, LocalDate weekEnd) {
        for (LocalDate d = day.plusDays(1); !d.isAfter(weekEnd); d = d.plusDays(1)) {
            if (row.markOn(d).away()) {
                return Optional.of(d);
            }
        }
        return Optional.empty();
    }

    /** The first working day after the leave that covers {@code from} and any leave that follows on it without a gap. */
    private static LocalDate backOn(PersonRow row, LocalDate from, WorkingCalendar calendar) {
        LocalDate end = from;
        boolean extended;
        do {
            extended = false;
            LocalDate next = calendar.nextWorkingDay(end.plusDays(1));
            for (Absence absence : row.absences()) {
                if (!absence.start().isAfter(next) && absence.end().isAfter(end) && !absence.end().isBefore(from)) {
                    end = absence.end();
                    extended = true;
                }
            }
        } while (extended);
        return calendar.nextWorkingDay(end.plusDays(1));
    }
}
