package io.leavebot.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.leavebot.leave.AwayCalendar;
import io.leavebot.leave.AwayPeriod;
import io.leavebot.leave.Person;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link AwayCalendar} promises, written once; each adapter's test gives a fresh, empty one per test. */
abstract class AwayCalendarContract {
    static final Person BEA = Person.ofEmail("Bea@Example.com", "Bea Boss");
    static final Person CARL = Person.ofEmail("carl@example.com", "Carl");
    static final Person DORA = Person.ofEmail("dora@example.com", null);
    static final Instant T0 = Instant.parse("2026-12-01T09:00:00.123456789Z");
    static final LocalDate JAN_10 = LocalDate.of(2027, 1, 10);
    static final LocalDate JAN_20 = LocalDate.of(2027, 1, 20);

    AwayCalendar calendar;

    /** A new, empty calendar. */
    abstract AwayCalendar newCalendar() throws Exception;

    @BeforeEach
    void open() throws Exception {
        calendar = newCalendar();
    }

    @AfterEach
    void close() throws Exception {
        if (calendar instanceof AutoCloseable closeable) {
            closeable.close();
        }
    }

    static AwayPeriod away(LocalDate from, LocalDate to, Person standIn, Instant savedAt) {
        return new AwayPeriod(BEA, from, to, standIn, savedAt);
    }

    @Test
    void aSavedPeriodReadsBackWithItsPeopleAndDays() {
        AwayPeriod period = away(JAN_10, JAN_20, DORA, T0);

        assertEquals(period, calendar.save(period));

        assertEquals(List.of(period), calendar.periodsOf(BEA, JAN_10.minusDays(30)));
        AwayPeriod read = calendar.covering(Person.ofEmail("bea@example.com", null), JAN_20).orElseThrow();
        assertEquals("Bea Boss", read.approver().name());
        assertEquals("dora@example.com", read.standIn().name());
    }

    @Test
    void coveringIncludesBothEndsAndNothingBeyond() {
        calendar.save(away(JAN_10, JAN_20, CARL, T0));

        assertTrue(calendar.covering(BEA, JAN_10).isPresent());
        assertTrue(calendar.covering(BEA, JAN_20).isPresent());
        assertEquals(Optional.empty(), calendar.covering(BEA, JAN_10.minusDays(1)));
        assertEquals(Optional.empty(), calendar.covering(BEA, JAN_20.plusDays(1)));
        assertEquals(Optional.empty(), calendar.covering(CARL, JAN_10));
    }

    @Test
    void savingTheSameValuesAgainKeepsTheFirstSave() {
        AwayPeriod first = calendar.save(away(JAN_10, JAN_20, CARL, T0));

        assertEquals(first, calendar.save(away(JAN_10, JAN_20, CARL, T0.plusSeconds(60))));

        assertEquals(List.of(first), calendar.periodsOf(BEA, JAN_10));
    }

    @Test
    void aNewPeriodReplacesTheEarlierOnesItOverlaps() {
        AwayPeriod march = calendar.save(away(JAN_10.plusMonths(2), JAN_20.plusMonths(2), CARL, T0));
        calendar.save(away(JAN_10, JAN_20, CARL, T0));
        calendar.save(away(JAN_20.plusDays(2), JAN_20.plusDays(5), CARL, T0));

        AwayPeriod longer = calendar.save(away(JAN_10.plusDays(5), JAN_20.plusDays(3), DORA, T0.plusSeconds(1)));

        assertEquals(List.of(longer, march), calendar.periodsOf(BEA, JAN_10));
        assertEquals(Optional.empty(), calendar.covering(BEA, JAN_10));
    }

    @Test
    void theSameFirstDayWithOtherValuesReplacesThePeriod() {
        calendar.save(away(JAN_10, JAN_20, CARL, T0));

        AwayPeriod changed = calendar.save(away(JAN_10, JAN_10.plusDays(2), DORA, T0.plusSeconds(1)));

        assertEquals(List.of(changed), calendar.periodsOf(BEA, JAN_10));
    }

    @Test
    void periodsThatEndedBeforeTheDayAreLeftOutAndTheRestComeByFirstDay() {
        AwayPeriod later = calendar.save(away(JAN_20.plusDays(10), JAN_20.plusDays(12), CARL, T0));
        AwayPeriod earlier = calendar.save(away(JAN_10, JAN_20, CARL, T0));

        assertEquals(List.of(earlier, later), calendar.periodsOf(BEA, JAN_20));
        assertEquals(List.of(later), calendar.periodsOf(BEA, JAN_20.plusDays(1)));
        assertEquals(List.of(), calendar.periodsOf(CARL, JAN_10));
    }

    @Test
    void cancelRemovesThePeriodStartingThatDayOnly() {
        calendar.save(away(JAN_10, JAN_20, CARL, T0));

        assertFalse(calendar.cancel(BEA, JAN_10.plusDays(1)));
        assertFalse(calendar.cancel(CARL, JAN_10));
        assertTrue(calendar.cancel(BEA, JAN_10));

        assertEquals(List.of(), calendar.periodsOf(BEA, JAN_10));
        assertFalse(calendar.cancel(BEA, JAN_10));
    }

    @Test
    void theStandingStandInIsReplacedAndCleared() {
        assertEquals(Optional.empty(), calendar.standInOf(BEA));

        calendar.setStandIn(BEA, CARL);
        calendar.setStandIn(BEA, DORA);

        assertEquals("dora@example.com", calendar.standInOf(Person.ofEmail("BEA@example.com", null)).orElseThrow().key());
        assertEquals(Optional.empty(), calendar.standInOf(DORA));
        calendar.setStandIn(BEA, null);
        assertEquals(Optional.empty(), calendar.standInOf(BEA));
    }

    @Test
    void onADayTheCoveringPeriodAndTheStandingStandInAreReadTogether() {
        assertEquals(new AwayCalendar.Day(null, null), calendar.on(BEA, JAN_10));
        AwayPeriod first = calendar.save(away(JAN_10, JAN_20, DORA, T0));
        AwayPeriod later = calendar.save(away(JAN_20.plusDays(5), JAN_20.plusDays(9), CARL, T0.plusSeconds(1)));
        calendar.setStandIn(BEA, CARL);

        assertEquals(new AwayCalendar.Day(first, CARL), calendar.on(Person.ofEmail("bea@example.com", null), JAN_20));
        assertEquals(new AwayCalendar.Day(later, CARL), calendar.on(BEA, JAN_20.plusDays(9)));
        assertEquals(new AwayCalendar.Day(null, CARL), calendar.on(BEA, JAN_20.plusDays(1)), "between the two periods");
        assertEquals(new AwayCalendar.Day(null, null), calendar.on(CARL, JAN_10), "nothing of Bea's is Carl's");
        // a replaced period is no longer read, even before the save's deletes are done (as covering says)
        calendar.save(away(JAN_10.plusDays(2), JAN_10.plusDays(3), CARL, T0.plusSeconds(2)));
        assertEquals(calendar.covering(BEA, JAN_10).orElse(null), calendar.on(BEA, JAN_10).covering());
    }

    @Test
    void nobodyStandsInForThemselves() {
        assertThrows(IllegalArgumentException.class, () -> calendar.setStandIn(BEA, Person.ofEmail("bea@example.com", "B")));
        assertEquals(Optional.empty(), calendar.standInOf(BEA));
    }
}
