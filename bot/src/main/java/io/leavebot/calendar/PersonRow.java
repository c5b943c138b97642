package io.leavebot.calendar;

import io.leavebot.leave.Person;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One person's line on the calendar: their leave in the period, by start, and the mark of each day of the period.
 *
 * @param marks every day of the period to its mark
 */
public record PersonRow(Person person, List<Absence> absences, Map<LocalDate, DayMark> marks) {
    public PersonRow {
        absences = List.copyOf(absences);
        marks = Map.copyOf(marks);
    }

    /** {@link DayMark#IN} for a day outside the period. */
    public DayMark markOn(LocalDate day) {
        return marks.getOrDefault(day, DayMark.IN);
    }

    /** The leave that makes them away on {@code day} (approved before pending), if they are. */
    public Optional<Absence> absenceOn(LocalDate day) {
        if (!markOn(day).away()) {
            return Optional.empty();
        }
        return absences.stream().filter(a -> a.covers(day)).min((a, b) -> Boolean.compare(a.pending(), b.pending()));
    }
}
