package io.leavebot.store;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;

/**
 * Days and instants read back from the text the stores wrote: {@link LocalDate#toString()} ({@code 2026-01-12}) and
 * {@link Instant#toString()} ({@code 2026-01-12T09:30:00.123456Z}). Those shapes are read digit by digit; anything
 * else goes to the JDK's parser, so the result and the errors are the JDK's. The JDK's {@code DateTimeFormatter} was
 * a fiftieth of the Slack front end's CPU per command: every row read has two days, every chain its answer times.
 */
final class IsoText {
    private IsoText() {
    }

    /** As {@link LocalDate#parse(CharSequence)}; null for null. */
    static LocalDate date(String text) {
        if (text == null) {
            return null;
        }
        LocalDate day = text.length() == 10 ? day(text) : null;
        return day != null ? day : LocalDate.parse(text);
    }

    /** As {@link Instant#parse(CharSequence)}; null for null. */
    static Instant instant(String text) {
        if (text == null) {
            return null;
        }
        int length = text.length();
        if (length >= 20 && text.charAt(10) == 'T' && text.charAt(13) == ':' && text.charAt(16) == ':'
                && text.charAt(length - 1) == 'Z' && (length == 20 || text.charAt(19) == '.' && length > 21 && length <= 30)) {
            LocalDate day = day(text);
            int hour = digits(text, 11, 13);
            int minute = digits(text, 14, 16);
            int second = digits(text, 17, 19);
            int nanos = length == 20 ? 0 : digits(text, 20, length - 1);
            if (day != null && hour >= 0 && hour < 24 && minute >= 0 && minute < 60 && second >= 0 && second < 60 && nanos >= 0) {
                for (int places = length - 21; length > 20 && places < 9; places++) {
                    nanos *= 10; // .5 is 500,000,000 ns
                }
                return Instant.ofEpochSecond(day.toEpochDay() * 86_400 + hour * 3_600 + minute * 60 + second, nanos);
            }
        }
        return Instant.parse(text);
    }

    /** The day {@code yyyy-MM-dd} at the start of {@code text}, or null when it is not one (for the JDK to say why). */
    private static LocalDate day(String text) {
        if (text.charAt(4) != '-' || text.charAt(7) != '-') {
            return null;
        }
        int year = digits(text, 0, 4);
        int month = digits(text, 5, 7);
        int day = digits(text, 8, 10);
        if (year < 0 || month < 0 || day < 0) {
            return null;
        }
        try {
            return LocalDate.of(year, month, day);
        } catch (DateTimeException notADay) {
            return null; // 2026-02-30 and the like
        }
    }

    /** The number the ASCII digits {@code text[from, to)} spell, or -1 when one is not a digit. */
    private static int digits(String text, int from, int to) {
        int value = 0;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }
}
