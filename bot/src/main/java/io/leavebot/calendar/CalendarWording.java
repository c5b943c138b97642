package io.leavebot.calendar;

import io.leavebot.notify.BalanceWording;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** How a calendar's parts read, the same in Slack, Teams, the workspace and the digest. */
public final class CalendarWording {
    private static final DateTimeFormatter SHORT = DateTimeFormatter.ofPattern("EEE d MMM", Locale.ENGLISH);
    private static final DateTimeFormatter LONG = DateTimeFormatter.ofPattern("EEE d MMM yyyy", Locale.ENGLISH);

    private CalendarWording() {
    }

    /** "Thu 15 Jan". */
    public static String day(LocalDate day) {
        return SHORT.format(day);
    }

    /** "Thu 15 Jan 2026". */
    public static String longDay(LocalDate day) {
        return LONG.format(day);
    }

    /** "Mon 12 Jan – Sun 18 Jan 2026". */
    public static String period(CalendarView view) {
        return day(view.from()) + " – " + longDay(view.to());
    }

    /** "Thu 15 Jan – Mon 19 Jan", "Tue 13 Jan", "Tue 13 Jan (half day)". */
    public static String dates(Absence absence) {
        if (absence.halfDay()) {
            return day(absence.start()) + " (half day)";
        }
        return absence.start().equals(absence.end()) ? day(absence.start()) : day(absence.start()) + " – " + day(absence.end());
    }

    /** "annual leave", or "out" when the type is hidden from the viewer. */
    public static String what(Absence absence) {
        return absence.type() == null ? "out" : BalanceWording.typePhrase(absence.type());
    }

    /** "annual leave", "out", with "(half day)" and "(pending)" where they apply. */
    public static String whatWithStatus(Absence absence) {
        String what = what(absence);
        if (absence.halfDay()) {
            what += " (half day)";
        }
        return absence.pending() ? what + " (pending)" : what;
    }

    /**
     * A group's heading: the team's name, "No team" for the people in none beside named teams, and null when there
     * are no teams at all (everyone is one group, and a heading would say nothing).
     */
    public static String heading(CalendarView view, TeamGroup group) {
        boolean oneGroup = view.teams().size() == 1 && group.team() == null;
        return oneGroup ? null : group.teamName().orElse("No team");
    }

    /** "Nobody you can see is out from Mon 12 Jan – Sun 18 Jan 2026." */
    public static String nobodyOut(CalendarView view) {
        return "Nobody you can see is out from " + period(view) + ".";
    }
}
