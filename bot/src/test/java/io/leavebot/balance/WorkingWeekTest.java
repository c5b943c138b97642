package io.leavebot.balance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;

class WorkingWeekTest {

    @Test
    void rangesListsAndFullNamesReadAndARangeMayWrapAroundTheWeekend() {
        assertEquals(WorkingWeek.MONDAY_TO_FRIDAY, WorkingWeek.parse("mon - FRI"));
        assertEquals(new WorkingWeek(EnumSet.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.THURSDAY)), WorkingWeek.parse("Monday,Tue,thu"));
        assertEquals(new WorkingWeek(EnumSet.of(DayOfWeek.SUNDAY, DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY,
                DayOfWeek.THURSDAY)), WorkingWeek.parse("Sun-Thu"));
        assertEquals("Mon–Thu", WorkingWeek.parse("Mon-Thu").toString());
        assertEquals("Mon, Tue, Thu", WorkingWeek.parse("Mon,Tue,Thu").toString());
    }

    @Test
    void whatIsNotAWeekSaysWhatOneLooksLike() {
        assertEquals("'Mo' in \"Mo-Fr\" is not a day of the week (Mon, Tue, Wed, Thu, Fri, Sat, Sun)",
                assertThrows(IllegalArgumentException.class, () -> WorkingWeek.parse("Mo-Fr")).getMessage());
        assertEquals("'Mon-Wed-Fri' is not a day or a range of days such as Mon-Fri",
                assertThrows(IllegalArgumentException.class, () -> WorkingWeek.parse("Mon-Wed-Fri")).getMessage());
        assertThrows(IllegalArgumentException.class, () -> WorkingWeek.parse(" "));
    }

    @Test
    void aLeaveYearFromAprilIsNamedByTheYearItStartsIn() {
        LeaveYear april = new LeaveYear(Month.APRIL);

        assertEquals(2026, april.of(LocalDate.of(2027, 3, 31)));
        assertEquals(2027, april.of(LocalDate.of(2027, 4, 1)));
        assertEquals("2027/28", april.name(2027));
        assertEquals(LocalDate.of(2028, 3, 31), april.lastDay(2027));
        assertEquals("2027", LeaveYear.CALENDAR.name(2027));
    }
}
