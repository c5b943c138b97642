package io.leavebot.logging;

import ch.qos.logback.classic.LoggerContext;
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
        LoggerFactory.getILoggerFactory();
    }

    /** Configures logging again from {@code settings} (the launcher's: the environment over {@code .env}). */
    public static void configure(Function<String, Optional<String>> settings) {
        ILoggerFactory factory = LoggerFactory.getILoggerFactory();
        if (factory instanceof LoggerContext context) {
            LeaveBotLogConfigurator.apply(context, LogSettings.from(settings));
        }
    }
}
