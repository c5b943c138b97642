package io.leavebot.balance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Public holidays against known calendars of 2026. */
class HolidaysTest {
    private static final Holidays HOLIDAYS = new Holidays();
    private static final LocalDate JAN_1 = LocalDate.of(2026, 1, 1);
    private static final LocalDate DEC_31 = LocalDate.of(2026, 12, 31);

    private static Set<LocalDate> days(String country, String region) {
        return HOLIDAYS.between(country, region, JAN_1, DEC_31).keySet();
    }

    private static LocalDate d(int month, int day) {
        return LocalDate.of(2026, month, day);
    }

    @Test
    void bavariaHasEpiphanyCorpusChristiAndAllSaintsAndBerlinWomensDayInstead() {
        assertEquals(List.of(d(1, 1), d(1, 6), d(4, 3), d(4, 6), d(5, 1), d(5, 14), d(5, 25), d(6, 4), d(10, 3), d(11, 1), d(12, 25),
                d(12, 26)), List.copyOf(days("de", "by")));
        assertEquals(List.of(d(1, 1), d(3, 8), d(4, 3), d(4, 6), d(5, 1), d(5, 14), d(5, 25), d(10, 3), d(12, 25), d(12, 26)),
                List.copyOf(days("de", "be")));
        assertEquals("Epiphany", HOLIDAYS.between("de", "by", d(1, 6), d(1, 6)).get(d(1, 6)));
        assertEquals("International Women's Day", HOLIDAYS.between("de", "be", d(3, 8), d(3, 8)).get(d(3, 8)));
    }

    @Test
    void scotlandHas2JanuaryAndStAndrewsDayAndEnglandEasterMonday() {
        // Boxing Day falls on a Saturday and is taken on Monday 28 December
        assertEquals(List.of(d(1, 1), d(4, 3), d(4, 6), d(5, 4), d(5, 25), d(8, 31), d(12, 25), d(12, 28)),
                List.copyOf(days("gb", "eng")));
        // 15 June 2026: a Scottish bank holiday for the football World Cup
        assertEquals(List.of(d(1, 1), d(1, 2), d(4, 3), d(5, 4), d(5, 25), d(6, 15), d(8, 3), d(11, 30), d(12, 25), d(12, 28)),
                List.copyOf(days("gb", "sct")));
        assertEquals("St. Andrew's Day", HOLIDAYS.between("gb", "sct", d(11, 30), d(11, 30)).get(d(11, 30)));
    }

    @Test
    void theUnitedStatesHaveJuneteenthIndependenceDayObservedOnFridayAndThanksgiving() {
        Set<LocalDate> us = days("us", null);

        assertTrue(us.containsAll(List.of(d(6, 19), d(7, 3), d(11, 26))), us.toString());
        assertTrue(!us.contains(d(7, 4)), "4 July 2026 is a Saturday, observed on Friday 3 July");
    }

    @Test
    void anUnknownCountryOrRegionIsAProblemNamingWhatIsKnown() {
        assertEquals(Optional.empty(), HOLIDAYS.problem("de", "by"));
        assertEquals(Optional.empty(), HOLIDAYS.problem(null, null));
        assertEquals(Optional.of("'xx' is not a country jollyday knows; use its ISO 3166 code, e.g. de, gb, us, fr"),
                HOLIDAYS.problem("xx", null));
        String region = HOLIDAYS.problem("de", "bayern").orElseThrow();
        assertTrue(region.startsWith("'bayern' is not a region of de; its regions are [") && region.contains("by"), region);
        assertEquals(Optional.of("a region needs its country"), HOLIDAYS.problem(null, "by"));
    }

    @Test
    void noCountryMeansNoHolidays() {
        assertEquals(Map.of(), HOLIDAYS.between(null, null, JAN_1, DEC_31));
    }
}
