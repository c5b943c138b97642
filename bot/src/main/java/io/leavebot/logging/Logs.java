package io.leavebot.logging;

import java.time.ZoneId;
import java.util.Optional;
import java.util.function.Function;
import org.slf4j.ILoggerFactory;
import org.slf4j.LoggerFactory;

/** What entry points call: start the logs first, and apply the settings a {@code .env} file adds. */
public final class Logs {
    private Logs() {
    }

    /**
     * Configures logging now, from the environment, if nothing has yet: a Lambda handler's or the launcher's first
     * line, so that no line written before goes out unformatted or unmasked through java.util.logging's console.
     */
    public static void start() {
        // the zone rules first: loading them starts ical4j, which logs; logged while logging starts, SLF4J would
        // hold the line back and warn on standard error that it did
        ZoneId.systemDefault().getRules();
        LoggerFactory.getILoggerFactory();
    }

    /** Configures logging again from {@code settings} (the launcher's: the environment over {@code .env}). */
    public static void configure(Function<String, Optional<String>> settings) {
        ILoggerFactory factory = LoggerFactory.getILoggerFactory();
        LogSettings asked = LogSettings.from(settings);
        // as the start configured them (no .env, or one without log settings): nothing to do, no warning twice
        if (factory instanceof LineLoggers loggers && !asked.equals(LogSettings.fromEnvironment())) {
            loggers.configure(asked);
        }
    }
}
