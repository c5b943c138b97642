package io.leavebot.logging;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.LoggerFactory;

/**
 * Everything logged while open, as LeaveBot's own layout writes it (JSON lines or readable lines): the configuration
 * {@code settings} ask for (levels, clamps, the JUL bridge) is applied, and every line is also formatted by the chosen
 * layout into memory. Closing puts the process's own configuration back. Use in try-with-resources.
 */
public final class LogLines implements AutoCloseable {
    private final LineLoggers loggers = (LineLoggers) LoggerFactory.getILoggerFactory();
    private final StringBuilder written = new StringBuilder();
    private final Runnable stopCapture;

    private LogLines(Map<String, String> settings, boolean json) {
        Map<String, String> all = new HashMap<>(settings);
        if (json) {
            all.putIfAbsent(LogSettings.LAMBDA_FUNCTION, "leavebot-test");
        }
        loggers.configure(LogSettings.from(name -> Optional.ofNullable(all.get(name))));
        stopCapture = loggers.alsoWrite(json ? new LambdaJsonLayout() : new ReadableLayout(), line -> {
            synchronized (written) {
                written.append(line);
            }
        });
    }

    /** Readable lines, as on one machine, under {@code settings} (e.g. {@code LEAVEBOT_LOG_LEVEL=DEBUG}). */
    public static LogLines readable(Map<String, String> settings) {
        return new LogLines(settings, false);
    }

    /** Lambda's JSON lines, under {@code settings}. */
    public static LogLines json(Map<String, String> settings) {
        return new LogLines(settings, true);
    }

    /** All that was written so far. */
    public String text() {
        synchronized (written) {
            return written.toString();
        }
    }

    public List<String> lines() {
        return text().lines().toList();
    }

    @Override
    public void close() {
        stopCapture.run();
        loggers.configure(LogSettings.fromEnvironment());
    }
}
