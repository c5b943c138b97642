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
    private final List<String> messages = new ArrayList<>();

    private LogCapture(String loggerName) {
        this.logger = Logger.getLogger(loggerName);
        logger.addHandler(this);
    }

    public static LogCapture of(String loggerName) {
        return new LogCapture(loggerName);
    }

    public synchronized List<String> messages() {
        return List.copyOf(messages);
    }

    @Override
    public synchronized void publish(LogRecord record) {
        messages.add(record.getMessage());
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
        logger.removeHandler(this);
    }
}
