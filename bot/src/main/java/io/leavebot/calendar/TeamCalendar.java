package io.leavebot.calendar;

import io.leavebot.balance.WorkingCalendar;
import io.leavebot.leave.LeaveRequest;
import io.leavebot.leave.LeaveStore;
import io.leavebot.leave.Person;
import io.leavebot.workflow.LeaveRequests;
import io.leavebot.workflow.Roles;
import io.leavebot.workflow.Roles.Sight;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The team calendar: for a viewer and a period, who is out which day, approved or pending, filtered and masked with
 * {@link Roles} (a colleague's leave without type or reason; another team's not at all), grouped by team. A day of
 * someone's leave that is not one of their working days (their policy's week, holidays, company days off) is marked
 * {@link DayMark#DAY_OFF}, not out.
 */
public final class TeamCalendar {
    /** The longest period one view covers: the calendar's "next 4 weeks" and a little more, never a year in memory. */
    public static final int MAX_DAYS = 62;
    public static final int WEEKS_AHEAD = 4;

    /** Where a calendar reads everyone's open leave: {@code LeaveStore::forEachOverlapping}, or LeaveRequests'. */
    @FunctionalInterface
    public interface OpenLeave {
        /** As {@link LeaveStore#forEachOverlapping}. */
        void forEachOverlapping(LocalDate from, LocalDate to, Consumer<LeaveRequest> each);
    }

    private final OpenLeave leave;
    private final Roles roles;
    private final Function<Person, WorkingCalendar> calendars;

    /** @param calendars each person's working days ({@code Balances::calendarOf}) */
    public TeamCalendar(OpenLeave leave, Roles roles, Function<Person, WorkingCalendar> calendars) {
        this.leave = leave;
        this.roles = roles;
        this.calendars = calendars;
    }

    /** The calendar of the requests, roles and working days a front end already has. */
    public static TeamCalendar of(LeaveRequests leaves) {
        return new TeamCalendar(leaves::forEachOverlapping, leaves.roles(), leaves.balances()::calendarOf);
    }

    /** Monday to Sunday of the week {@code day} is in. */
    public CalendarView week(Person viewer, LocalDate day) {
        LocalDate monday = day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        return view(viewer, monday, monday.plusDays(6));
    }

    /** The {@value #WEEKS_AHEAD} weeks from the Monday of {@code day}'s week. */
    public CalendarView weeksAhead(Person viewer, LocalDate day) {
        LocalDate monday = day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        return view(viewer, monday, monday.plusWeeks(WEEKS_AHEAD).minusDays(1));
    }

    /** Who is out on {@code day} and in the rest of its week (to Sunday), by team, in plain words. */
    public WhosOut whosOut(Person viewer, LocalDate day) {
        LocalDate sunday = day.with(TemporalAdjusters.nextOrSame(DayOfWeek.SUNDAY));
        return WhosOutWording.of(view(viewer, day, sunday), day, sunday, calendars, false);
    }

    /**
     * {@link #whosOut} for a channel rather than a person (the morning digest): everyone's leave, every team, and
     * as a colleague sees it — that they are out, and whether it is approved, never the type or the reason.
     */
    public WhosOut whosOutForAChannel(LocalDate day) {
        LocalDate sunday = day.with(TemporalAdjusters.nextOrSame(DayOfWeek.SUNDAY));
        CalendarView week = build(null, day, sunday, request -> Sight.OUT_ONLY, WorkingCalendar.mondayToFriday());
        return WhosOutWording.of(week, day, sunday, calendars, true);
    }

    /**
     * @throws IllegalArgumentException when {@code to} is before {@code from} or the period is longer than
     *                                  {@value #MAX_DAYS} days (the message says so)
     */
    public CalendarView view(Person viewer, LocalDate from, LocalDate to) {
        return build(viewer, from, to, request -> roles.sightOf(viewer, request), calendars.apply(viewer));
    }

    /**
     * Everyone's leave in full, for integrations with the API key (no viewer: weekends are Saturday and Sunday).
     *
     * @throws IllegalArgumentException as {@link #view}
     */
    public CalendarView organisation(LocalDate from, LocalDate to) {
        return build(null, from, to, request -> Sight.FULL, WorkingCalendar.mondayToFriday());
    }

    private CalendarView build(Person viewer, LocalDate from, LocalDate to, Function<LeaveRequest, Sight> sightOf,
            WorkingCalendar viewers) {
        checkPeriod(from, to);
        Map<String, List<Absence>> byPerson = new LinkedHashMap<>();
        Map<String, Person> people = new LinkedHashMap<>();
        leave.forEachOverlapping(from, to, request -> {
            Sight sight = sightOf.apply(request);
            if (sight != Sight.NONE) {
                byPerson.computeIfAbsent(request.employee().key(), k -> new ArrayList<>()).add(Absence.of(request, sight));
                people.putIfAbsent(request.employee().key(), request.employee());
            }
        });
        Map<String, List<PersonRow>> byTeam = new TreeMap<>(Comparator.nullsLast(Comparator.naturalOrder()));
        byPerson.forEach((key, absences) -> {
            Person person = people.get(key);
            byTeam.computeIfAbsent(roles.teamOf(person).orElse(null), t -> new ArrayList<>())
                    .add(new PersonRow(person, absences, marks(calendars.apply(person), absences, from, to)));
        });
        List<TeamGroup> teams = new ArrayList<>();
        byTeam.forEach((team, rows) -> {
            rows.sort(Comparator.comparing(row -> sortName(row.person())));
            teams.add(new TeamGroup(team, rows));
        });
        return new CalendarView(viewer, from, to, days(viewers, from, to), teams);
    }

    /** The same check {@link #view} makes, for front ends that read a period from a request. */
    public static void checkPeriod(LocalDate from, LocalDate to) {
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("The calendar's last day (" + to + ") is before its first day (" + from + ").");
        }
        if (from.plusDays(MAX_DAYS).isBefore(to.plusDays(1))) {
            throw new IllegalArgumentException("A calendar covers at most " + MAX_DAYS + " days; " + from + " to " + to
                    + " is longer. Please ask for a shorter period.");
        }
    }

    private static Map<LocalDate, DayMark> marks(WorkingCalendar calendar, List<Absence> absences, LocalDate from, LocalDate to) {
        Map<LocalDate, DayMark> marks = new TreeMap<>();
        for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
            marks.put(day, markOn(calendar, absences, day));
        }
        return marks;
    }

    private static DayMark markOn(WorkingCalendar calendar, List<Absence> absences, LocalDate day) {
        boolean covered = false;
        boolean approved = false;
        for (Absence absence : absences) {
            if (absence.covers(day)) {
                covered = true;
                approved |= !absence.pending();
            }
        }
        if (!covered) {
            return DayMark.IN;
        }
        if (!calendar.isWorkingDay(day)) {
            return DayMark.DAY_OFF;
        }
        return approved ? DayMark.OUT : DayMark.PENDING;
    }

    private static List<CalendarDay> days(WorkingCalendar viewers, LocalDate from, LocalDate to) {
        List<CalendarDay> days = new ArrayList<>();
        for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
            days.add(new CalendarDay(day, !viewers.week().isWorkingDay(day.getDayOfWeek())));
        }
        return days;
    }

    private static String sortName(Person person) {
        return (person.displayName() != null ? person.displayName() : person.key()).toLowerCase(Locale.ROOT);
    }
}
