package io.leavebot.calendar;

import io.leavebot.balance.WorkingCalendar;
import io.leavebot.leave.Person;
import io.leavebot.notify.BalanceWording;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/** Turns a week's {@link CalendarView} into the {@link WhosOut} of one of its days. */
final class WhosOutWording {
    private static final DateTimeFormatter SHORT = DateTimeFormatter.ofPattern("EEE d MMM", Locale.ENGLISH);

    private WhosOutWording() {
    }

    /** @param week a view from {@code day} (or before) to at least the end of its week */
    static WhosOut of(CalendarView week, LocalDate day, LocalDate weekEnd, Function<Person, WorkingCalendar> calendars) {
        boolean oneGroup = week.teams().size() == 1 && week.teams().get(0).team() == null;
        List<WhosOut.Section> sections = new ArrayList<>();
        for (TeamGroup group : week.teams()) {
            List<String> onTheDay = new ArrayList<>();
            List<String> later = new ArrayList<>();
            for (PersonRow row : group.people()) {
                WorkingCalendar calendar = calendars.apply(row.person());
                Optional<Absence> today = row.absenceOn(day);
                if (today.isPresent()) {
                    onTheDay.add(row.person().name() + " — " + what(today.get()) + ", back " + SHORT.format(backOn(row, day, calendar)));
                } else {
                    firstAwayAfter(row, day, weekEnd).ifPresent(first -> later.add(row.person().name() + " — "
                            + what(row.absenceOn(first).orElseThrow()) + " from " + SHORT.format(first)
                            + ", back " + SHORT.format(backOn(row, first, calendar))));
                }
            }
            if (!onTheDay.isEmpty() || !later.isEmpty()) {
                sections.add(new WhosOut.Section(oneGroup ? null : group.teamName().orElse("No team"), onTheDay, later));
            }
        }
        return new WhosOut(day, sections);
    }

    /** "annual leave", "out" (the type hidden), with "(half day)" and "(pending)" where they apply. */
    static String what(Absence absence) {
        String what = absence.type() == null ? "out" : BalanceWording.typePhrase(absence.type());
        if (absence.halfDay()) {
            what += " (half day)";
        }
        return absence.pending() ? what + " (pending)" : what;
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
