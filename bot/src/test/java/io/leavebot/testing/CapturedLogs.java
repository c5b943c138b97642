package io.leavebot.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Everything LeaveBot logs during a test, at every level, as text: each line with the messages of its exception
 * and of every cause. For tests that nothing secret is logged. Register with
 * {@code @RegisterExtension final CapturedLogs logs = new CapturedLogs();}.
 */
public final class CapturedLogs implements BeforeEachCallback, AfterEachCallback {
    /** Held here: java.util.logging keeps loggers only weakly, and a collected one forgets its handler. */
    private final Logger logger = Logger.getLogger("io.leavebot");
    private final List<String> lines = new CopyOnWriteArrayList<>();
    private final List<Throwable> failures = new CopyOnWriteArrayList<>();
    private final SimpleFormatter formatter = new SimpleFormatter();
    private final Handler handler = new Handler() {
        @Override
        public void publish(LogRecord record) {
            StringBuilder line = new StringBuilder(record.getLevel() + " " + record.getLoggerName() + ": "
                    + formatter.formatMessage(record));
            for (Throwable t = record.getThrown(); t != null; t = t.getCause()) {
                line.append(" | ").append(t);
            }
            lines.add(line.toString());
            if (record.getThrown() != null) {
                failures.add(record.getThrown());
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };
    private Level levelBefore;

    @Override
    public void beforeEach(ExtensionContext context) {
        levelBefore = logger.getLevel();
        handler.setLevel(Level.ALL);
        logger.setLevel(Level.ALL);
        logger.addHandler(handler);
    }

    @Override
    public void afterEach(ExtensionContext context) {
        logger.removeHandler(handler);
        logger.setLevel(levelBefore);
    }

    /** The exceptions logged so far with their stack (a line's {@code thrown}), in order. */
    public List<Throwable> failures() {
        return new ArrayList<>(failures);
    }

    /** The lines logged so far. */
    public List<String> lines() {
        return new ArrayList<>(lines);
    }
}
