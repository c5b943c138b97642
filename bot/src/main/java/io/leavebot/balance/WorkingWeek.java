package io.leavebot.balance;

import java.time.DayOfWeek;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** The weekdays someone works, e.g. Monday to Friday, or Monday to Thursday for a four-day week. */
public record WorkingWeek(Set<DayOfWeek> days) {
    public static final WorkingWeek MONDAY_TO_FRIDAY = new WorkingWeek(EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY));

    public WorkingWeek {
        if (days == null || days.isEmpty()) {
            throw new IllegalArgumentException("a working week needs at least one working day");
        }
        days = Set.copyOf(days);
    }

    /**
     * Reads "Mon-Fri", "Mon-Thu", "Mon,Tue,Thu,Fri" or "Sun-Thu" (three-letter or full English day names, any case;
     * a range may wrap around the week's end).
     *
     * @throws IllegalArgumentException saying what a working week looks like
     */
    public static WorkingWeek parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("a working week looks like \"Mon-Fri\" or \"Mon,Tue,Thu\", but it is empty");
        }
        Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        for (String part : text.split(",")) {
            String[] range = part.split("-", -1);
            if (range.length > 2) {
                throw new IllegalArgumentException("'" + part.trim() + "' is not a day or a range of days such as Mon-Fri");
            }
            DayOfWeek first = day(range[0], text);
            DayOfWeek last = range.length == 2 ? day(range[1], text) : first;
            for (DayOfWeek d = first; ; d = d.plus(1)) {
                days.add(d);
                if (d == last) {
                    break;
                }
            }
        }
        return new WorkingWeek(days);
    }

    public boolean isWorkingDay(DayOfWeek day) {
        return days.contains(day);
    }

    /** "Mon–Fri", "Mon–Thu", "Mon, Tue, Thu": as the policy file would say it. */
    @Override
    public String toString() {
        List<DayOfWeek> sorted = new ArrayList<>(days);
        sorted.sort(null);
        boolean contiguous = sorted.get(sorted.size() - 1).getValue() - sorted.get(0).getValue() == sorted.size() - 1;
        if (contiguous && sorted.size() > 2) {
            return name(sorted.get(0)) + "–" + name(sorted.get(sorted.size() - 1));
        }
        return String.join(", ", sorted.stream().map(WorkingWeek::name).toList());
    }

    private static String name(DayOfWeek day) {
        return day.getDisplayName(TextStyle.SHORT, Locale.ENGLISH);
    }

    private static DayOfWeek day(String text, String whole) {
        String wanted = text.trim().toLowerCase(Locale.ROOT);
        for (DayOfWeek d : DayOfWeek.values()) {
            String full = d.getDisplayName(TextStyle.FULL, Locale.ENGLISH).toLowerCase(Locale.ROOT);
            if (wanted.length() >= 3 && full.startsWith(wanted)) {
                return d;
            }
        }
        throw new IllegalArgumentException("'" + text.trim() + "' in \"" + whole + "\" is not a day of the week (Mon, Tue, Wed, "
                + "Thu, Fri, Sat, Sun)");
    }
}
