package io.leavebot.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class IsoTextTest {

    @Test
    void daysReadAsTheJdkReadsThem() {
        Random random = new Random(17);
        for (int n = 0; n < 20_000; n++) {
            LocalDate day = LocalDate.ofEpochDay(random.nextInt(800_000) - 400_000); // years around 900 to 3100
            assertEquals(day, IsoText.date(day.toString()));
        }
        for (String text : List.of("0000-01-01", "9999-12-31", "2024-02-29", "+10000-01-01", "-0001-06-15")) {
            assertEquals(LocalDate.parse(text), IsoText.date(text), text);
        }
        assertNull(IsoText.date(null));
    }

    @Test
    void instantsReadAsTheJdkReadsThemToTheNanosecond() {
        Random random = new Random(17);
        for (int n = 0; n < 20_000; n++) {
            long nanos = switch (n % 4) { // Instant.toString gives 0, 3, 6 or 9 digits of fraction
                case 0 -> 0;
                case 1 -> random.nextInt(1000) * 1_000_000L;
                case 2 -> random.nextInt(1_000_000) * 1_000L;
                default -> random.nextInt(1_000_000_000);
            };
            Instant at = Instant.ofEpochSecond(random.nextLong(-30_000_000_000L, 250_000_000_000L), nanos);
            assertEquals(at, IsoText.instant(at.toString()), at.toString());
        }
        for (String text : List.of("2026-12-03T13:54:02Z", "2026-12-03T13:54:02.5Z", "2026-12-03T13:54:02.12Z",
                "2026-12-03T13:54:02.1234Z", "1970-01-01T00:00:00.000000001Z", "2016-12-31T23:59:60Z", "+12026-01-01T00:00:00Z",
                "2026-01-01T24:00:00Z", "2026-01-01T10:00:00.Z", "2026-01-01t10:00:00Z")) { // the last three the JDK takes too
            assertEquals(Instant.parse(text), IsoText.instant(text), text);
        }
        assertNull(IsoText.instant(null));
    }

    @Test
    void whatIsNotADayOrAnInstantFailsAsTheJdkSays() {
        for (String text : List.of("2026-02-30", "2026-13-01", "2026-1-01", "2026/01/01", "20260101", "2026-01-0x", "")) {
            assertEquals(message(() -> LocalDate.parse(text)), message(() -> IsoText.date(text)), text);
        }
        for (String text : List.of("2026-02-30T10:00:00Z", "2026-01-01T10:60:00Z", "2026-01-01T10:00:00.1234567890Z",
                "2026-01-01T10:00:00", "2026-01-01T1x:00:00Z")) {
            assertEquals(message(() -> Instant.parse(text)), message(() -> IsoText.instant(text)), text);
        }
    }

    private static String message(org.junit.jupiter.api.function.Executable parse) {
        return assertThrows(DateTimeParseException.class, parse).getMessage();
    }
}
