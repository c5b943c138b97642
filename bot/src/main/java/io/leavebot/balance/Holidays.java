package io.leavebot.balance;

import de.focus_shift.jollyday.core.CalendarHierarchy;
import de.focus_shift.jollyday.core.HolidayManager;
import de.focus_shift.jollyday.core.HolidayType;
import de.focus_shift.jollyday.core.ManagerParameters;
import java.time.LocalDate;
import java.time.Year;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Public holidays by country and region, from jollyday's calendars (230+ countries with their regions). Bank
 * holidays count as days off; observances (days marked in the calendar that people work) do not. A holiday that
 * falls on a weekend and is observed on a weekday is on the observed day. Each instance keeps every year it was
 * asked for; the countries' calendars are loaded once per process.
 */
public final class Holidays {
    /**
     * Loaded calendars, one per country for the whole process: a calendar never changes, and loading one takes a few
     * hundred milliseconds, so the policy file's check at start-up and the counting afterwards share them.
     */
    private static final Map<String, HolidayManager> MANAGERS = new ConcurrentHashMap<>();
    private final Map<String, Map<LocalDate, String>> years = new ConcurrentHashMap<>();

    /**
     * The holidays from {@code from} to {@code to} (both included), with their English names; none when
     * {@code country} is null.
     *
     * @param region jollyday's region id within the country ("by", "eng"; a sub-region as "by/mu"), or null
     */
    public Map<LocalDate, String> between(String country, String region, LocalDate from, LocalDate to) {
        Map<LocalDate, String> found = new TreeMap<>();
        if (country == null || to.isBefore(from)) {
            return found;
        }
        for (int year = from.getYear(); year <= to.getYear(); year++) {
            of(country, region, year).forEach((day, name) -> {
                if (!day.isBefore(from) && !day.isAfter(to)) {
                    found.put(day, name);
                }
            });
        }
        return found;
    }

    /**
     * What is wrong with a country and region, said for someone editing the policy file: an unknown country, or a
     * region the country does not have (with the ones it has); empty when both are known.
     */
    public Optional<String> problem(String country, String region) {
        if (country == null) {
            return region == null ? Optional.empty() : Optional.of("a region needs its country");
        }
        HolidayManager manager;
        try {
            manager = manager(country);
        } catch (RuntimeException e) {
            return Optional.of("'" + country + "' is not a country jollyday knows; use its ISO 3166 code, e.g. de, gb, us, fr");
        }
        if (region == null) {
            return Optional.empty();
        }
        CalendarHierarchy level = manager.getCalendarHierarchy();
        for (String part : region.toLowerCase(Locale.ROOT).split("/")) {
            CalendarHierarchy next = level.getChildren().get(part);
            if (next == null) {
                return Optional.of("'" + region + "' is not a region of " + country + "; its regions are "
                        + new TreeSet<>(level.getChildren().keySet()));
            }
            level = next;
        }
        return Optional.empty();
    }

    private Map<LocalDate, String> of(String country, String region, int year) {
        String key = country + "|" + region + "|" + year;
        return years.computeIfAbsent(key, k -> {
            String[] regions = region == null ? new String[0] : region.toLowerCase(Locale.ROOT).split("/");
            Map<LocalDate, String> days = new TreeMap<>();
            manager(country).getHolidays(Year.of(year), regions).stream()
                    .filter(h -> h.getType() != HolidayType.OBSERVANCE)
                    .forEach(h -> days.merge(h.getDate(), h.getDescription(Locale.ENGLISH), (a, b) -> a + ", " + b));
            return Map.copyOf(days);
        });
    }

    private HolidayManager manager(String country) {
        return MANAGERS.computeIfAbsent(country.toLowerCase(Locale.ROOT),
                code -> HolidayManager.getInstance(ManagerParameters.create(code)));
    }
}
