package io.leavebot.balance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WorkingCalendarTest {
    private static final Holidays HOLIDAYS = new Holidays();
    private static final WorkingWeek MON_TO_THU = WorkingWeek.parse("Mon-Thu");

    private static LocalDate d(int month, int day) {
        return LocalDate.of(2026, month, day);
    }

    private static WorkingCalendar of(WorkingWeek week, String country, String region, Map<LocalDate, String> companyDaysOff) {
        return new WorkingCalendar(week, HOLIDAYS, country, region, companyDaysOff);
    }

    @Test
    void aWeekWithCorpusChristiHasFourWorkingDaysInBavariaAndFiveInBerlin() {
        WorkingCalendar bavaria = of(WorkingWeek.MONDAY_TO_FRIDAY, "de", "by", Map.of());
        WorkingCalendar berlin = of(WorkingWeek.MONDAY_TO_FRIDAY, "de", "be", Map.of());

        assertEquals(4, bavaria.workingDays(d(6, 1), d(6, 7)));
        assertEquals(5, berlin.workingDays(d(6, 1), d(6, 7)));
        assertEquals(List.of(d(6, 4)), List.copyOf(bavaria.daysOff(d(6, 1), d(6, 7)).keySet()));
        assertFalse(bavaria.isWorkingDay(d(6, 4)));
        assertEquals(0, bavaria.length(d(6, 4), d(6, 4), true), "half a day on a holiday takes nothing");
        assertEquals(0.5, berlin.length(d(6, 4), d(6, 4), true));
    }

    @Test
    void aFourDayWeekInEnglandCountsMondayToThursdayWithoutEasterMonday() {
        WorkingCalendar hana = of(MON_TO_THU, "gb", "eng", Map.of());

        // 30 March to 10 April 2026: Good Friday falls on her day off, Easter Monday on a working day
        assertEquals(7, hana.workingDays(d(3, 30), d(4, 10)));
        assertEquals(Map.of(d(4, 6), "Easter Monday"), hana.daysOff(d(3, 30), d(4, 10)));
        assertFalse(hana.isWorkingDay(d(4, 10)), "a Friday");
        assertEquals(d(4, 7), hana.nextWorkingDay(d(4, 3)));
        assertEquals(0, hana.workingDays(d(4, 10), d(4, 9)), "an end before the start");
    }

    @Test
    void companyDaysOffAreNotWorkingDaysAndShareADayWithAHolidayByName() {
        WorkingCalendar calendar = of(WorkingWeek.MONDAY_TO_FRIDAY, "de", "by",
                Map.of(d(12, 24), "Christmas Eve", d(12, 31), "New Year's Eve", d(12, 25), "Office closed"));

        // 21-31 December 2026: 9 weekdays, less Christmas (25th, a holiday), the 24th and the 31st; the 26th is a Saturday
        assertEquals(6, calendar.workingDays(d(12, 21), d(12, 31)));
        assertEquals(List.of(d(12, 24), d(12, 25), d(12, 31)), List.copyOf(calendar.daysOff(d(12, 21), d(12, 31)).keySet()));
        assertTrue(calendar.daysOff(d(12, 25), d(12, 25)).get(d(12, 25)).contains("Office closed"));
        assertFalse(calendar.isWorkingDay(d(12, 24)));
    }

    @Test
    void withoutACountryMondayToFridayIsEveryWeekday() {
        assertEquals(5, WorkingCalendar.mondayToFriday().workingDays(d(6, 1), d(6, 7)));
    }
}
