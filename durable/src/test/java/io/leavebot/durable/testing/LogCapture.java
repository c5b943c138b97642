package io.leavebot.durable.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Collects what is logged under one logger name ({@code System.Logger} writes to java.util.logging here).
 * Use in try-with-resources.
 */
public final class LogCapture extends Handler implements AutoCloseable {
    private final Logger logger; // held so the logger, and this handler on it, is not garbage collected
    private final boolean silencing;
    private final List<LogRecord> records = new ArrayList<>();

    private LogCapture(String loggerName, boolean silencing) {
        this.logger = Logger.getLogger(loggerName);
        this.silencing = silencing;
        logger.addHandler(this);
        if (silencing) {
            logger.setUseParentHandlers(false);
        }
    }

    public static LogCapture of(String loggerName) {
        return new LogCapture(loggerName, false);
    }

    /** Like {@link #of}, and keeps the records off the console until closed, so a harness can show them only on failure. */
    public static LogCapture silencing(String loggerName) {
        return new LogCapture(loggerName, true);
    }

    public synchronized List<String> messages() {
        return records.stream().map(LogRecord::getMessage).toList();
    }

    /** The exceptions logged with their stack, in order. */
    public synchronized List<Throwable> thrown() {
        return records.stream().map(LogRecord::getThrown).filter(t -> t != null).toList();
    }

    /** Each record as {@code LEVEL logger: message}, with the exception if there was one. */
    public synchronized List<String> lines() {
        return records.stream().map(r -> r.getLevel() + " " + r.getLoggerName() + ": " + r.getMessage()
                + (r.getThrown() == null ? "" : " — " + r.getThrown())).toList();
    }

    @Override
    public synchronized void publish(LogRecord record) {
        records.add(record);
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
        logger.removeHandler(this);
        if (silencing) {
            logger.setUseParentHandlers(true);
        }
    }
}
