package io.leavebot.durable;

import java.util.function.BooleanSupplier;

/**
 * A logger that stays quiet while its context replays, so each line appears once per execution, not once per
 * invocation. Messages use {@link String#format} placeholders.
 */
public final class DurableLogger {
    private final System.Logger logger;
    private final BooleanSupplier replaying;

    public DurableLogger(String name, BooleanSupplier replaying) {
        this.logger = System.getLogger(name);
        this.replaying = replaying;
    }

    public void debug(String format, Object... args) {
        log(System.Logger.Level.DEBUG, format, args);
    }

    public void info(String format, Object... args) {
        log(System.Logger.Level.INFO, format, args);
    }

    public void warn(String format, Object... args) {
        log(System.Logger.Level.WARNING, format, args);
    }

    public void error(String format, Object... args) {
        log(System.Logger.Level.ERROR, format, args);
    }

    /** An error with the failure's full stack, for the operator to find the bug. */
    public void error(Throwable failure, String format, Object... args) {
        if (!replaying.getAsBoolean() && logger.isLoggable(System.Logger.Level.ERROR)) {
            logger.log(System.Logger.Level.ERROR, args.length == 0 ? format : String.format(format, args), failure);
        }
    }

    private void log(System.Logger.Level level, String format, Object... args) {
        if (!replaying.getAsBoolean() && logger.isLoggable(level)) {
            logger.log(level, args.length == 0 ? format : String.format(format, args));
        }
    }
}
