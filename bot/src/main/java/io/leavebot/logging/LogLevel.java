package io.leavebot.logging;

import java.util.Locale;
import java.util.Optional;

/** A line's level, least severe first; {@link #OFF} as a logger's level writes nothing. */
enum LogLevel {
    TRACE, DEBUG, INFO, WARN, ERROR, OFF;

    boolean atLeast(LogLevel other) {
        return compareTo(other) >= 0;
    }

    static LogLevel of(org.slf4j.event.Level level) {
        return valueOf(level.name());
    }

    /** The level a setting names: TRACE, DEBUG, INFO, WARN (or WARNING), ERROR or OFF, in any case. */
    static Optional<LogLevel> named(String name) {
        String upper = name.strip().toUpperCase(Locale.ROOT);
        return switch (upper) {
            case "TRACE", "DEBUG", "INFO", "WARN", "ERROR", "OFF" -> Optional.of(valueOf(upper));
            case "WARNING" -> Optional.of(WARN);
            default -> Optional.empty();
        };
    }

    /** java.util.logging's level for this one, so that JUL drops a disabled line before it makes a record. */
    java.util.logging.Level jul() {
        return switch (this) {
            case TRACE -> java.util.logging.Level.FINEST;
            case DEBUG -> java.util.logging.Level.FINE;
            case INFO -> java.util.logging.Level.INFO;
            case WARN -> java.util.logging.Level.WARNING;
            case ERROR -> java.util.logging.Level.SEVERE;
            case OFF -> java.util.logging.Level.OFF;
        };
    }
}
