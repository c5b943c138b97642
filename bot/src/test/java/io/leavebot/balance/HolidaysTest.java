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
        Set<LocalDate> bavaria = days("de", "by");
        Set<LocalDate> berlin = days("de", "be");
        List<LocalDate> both = List.of(d(1, 1), d(4, 3), d(4, 6), d(5, 1), d(5, 14), d(5, 25), d(10, 3), d(12, 25), d(12, 26));

        assertTrue(bavaria.containsAll(both), bavaria.toString());
        assertTrue(berlin.containsAll(both), berlin.toString());
        for (LocalDate onlyBavaria : List.of(d(1, 6), d(6, 4), d(11, 1))) {
            assertTrue(bavaria.contains(onlyBavaria) && !berlin.contains(onlyBavaria), onlyBavaria.toString());
        }
        assertTrue(berlin.contains(d(3, 8)) && !bavaria.contains(d(3, 8)), "International Women's Day");
        assertEquals("Epiphany", HOLIDAYS.between("de", "by", d(1, 6), d(1, 6)).get(d(1, 6)));
    }

    @Test
    void scotlandHas2JanuaryAndStAndrewsDayAndEnglandEasterMonday() {
        Set<LocalDate> england = days("gb", "eng");
        Set<LocalDate> scotland = days("gb", "sct");

        assertTrue(scotland.containsAll(List.of(d(1, 2), d(11, 30))), scotland.toString());
        assertTrue(!england.contains(d(1, 2)) && !england.contains(d(11, 30)), england.toString());
        assertTrue(england.contains(d(4, 6)) && !scotland.contains(d(4, 6)), "Easter Monday");
        for (LocalDate both : List.of(d(1, 1), d(4, 3), d(5, 4), d(5, 25), d(12, 25), d(12, 28))) {
            assertTrue(england.contains(both) && scotland.contains(both), both.toString());
        }
        assertTrue(england.contains(d(8, 31)) && scotland.contains(d(8, 3)), "the summer bank holidays differ");
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
