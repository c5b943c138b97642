package io.leavebot.calendar;

import io.leavebot.leave.Person;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Who is out which day of [from, to], as {@code viewer} may see it, grouped by team (teams by name, the people in
 * no team last). Only people with leave in the period appear.
 */
public record CalendarView(Person viewer, LocalDate from, LocalDate to, List<CalendarDay> days, List<TeamGroup> teams) {
    public CalendarView {
        days = List.copyOf(days);
        teams = List.copyOf(teams);
    }

    /** One person away on a day, with the team they are listed under. */
    public record Away(String team, PersonRow row, Absence absence) {
    }

    /** Who is away on {@code day} (approved or pending, on a working day of theirs), team by team. */
    public List<Away> awayOn(LocalDate day) {
        List<Away> away = new ArrayList<>();
        for (TeamGroup group : teams) {
            for (PersonRow row : group.people()) {
                row.absenceOn(day).ifPresent(absence -> away.add(new Away(group.team(), row, absence)));
            }
        }
        return away;
    }

    /** Whether nobody the viewer may see is out in the period. */
    public boolean isEmpty() {
        return teams.isEmpty();
    }
}
