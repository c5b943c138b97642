package io.leavebot.durable;

import java.time.Duration;
import java.util.regex.Pattern;

/** The one place that checks names and durations against the service's limits, with one wording. */
public final class Validation {
    /** Longest duration the service accepts for waits, retry delays and execution timeouts: 366 days. */
    public static final long MAX_SECONDS = 31_622_400L;
    private static final Pattern NAME = Pattern.compile("[\\x20-\\x7E]{1,256}");
    private static final Pattern EXECUTION_NAME = Pattern.compile("[a-zA-Z0-9_-]{1,64}");

    private Validation() {
    }

    /** A wait or retry delay: whole seconds from 1 s to 366 days. Fractions round up, so a wait is never shorter. */
    public static int delaySeconds(String what, Duration duration) {
        return seconds(what, duration, 1);
    }

    /** A timeout: whole seconds from 0 (meaning none) to 366 days. */
    public static int timeoutSeconds(String what, Duration duration) {
        return seconds(what, duration, 0);
    }

    private static int seconds(String what, Duration duration, long min) {
        if (duration == null) {
            throw new IllegalArgumentException(what + " must be given");
        }
        long seconds = duration.getSeconds() + (duration.getNano() > 0 ? 1 : 0);
        if (duration.isNegative() || seconds < min || seconds > MAX_SECONDS) {
            throw new IllegalArgumentException(what + " must be between " + min + " s and " + MAX_SECONDS
                    + " s (366 days), but was " + duration);
        }
        return (int) seconds;
    }

    /** An operation name: null, or 1–256 printable ASCII characters. */
    public static String operationName(String name) {
        if (name != null && !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("operation name must be 1-256 printable ASCII characters, but was '" + name + "'");
        }
        return name;
    }

    /** An execution name: 1–64 letters, digits, '-' or '_'. */
    public static String executionName(String name) {
        if (name == null || !EXECUTION_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("execution name must be 1-64 letters, digits, '-' or '_', but was '" + name + "'");
        }
        return name;
    }

    /** A positive count such as max attempts. */
    public static int atLeastOne(String what, int value) {
        if (value < 1) {
            throw new IllegalArgumentException(what + " must be at least 1, but was " + value);
        }
        return value;
    }
}
