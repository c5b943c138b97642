package io.leavebot.logging;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Layout;
import ch.qos.logback.core.OutputStreamAppender;
import ch.qos.logback.core.encoder.LayoutWrappingEncoder;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.LoggerFactory;

/**
 * Everything logged while open, as LeaveBot's own layout writes it (JSON lines or readable lines): the configuration
 * {@code settings} ask for (levels, clamps, the JUL bridge) is applied, and one more appender with the chosen layout
 * writes to memory. Closing puts the process's own configuration back. Use in try-with-resources.
 */
public final class LogLines implements AutoCloseable {
    private final LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final OutputStreamAppender<ILoggingEvent> appender = new OutputStreamAppender<>();

    private LogLines(Map<String, String> settings, boolean json) {
        Map<String, String> all = new HashMap<>(settings);
        if (json) {
            all.putIfAbsent(LogSettings.LAMBDA_FUNCTION, "leavebot-test");
        }
        LeaveBotLogConfigurator.apply(context, LogSettings.from(name -> Optional.ofNullable(all.get(name))));
        Layout<ILoggingEvent> layout = json ? new LambdaJsonLayout() : new ReadableLayout();
        layout.setContext(context);
        layout.start();
        var encoder = new LayoutWrappingEncoder<ILoggingEvent>();
        encoder.setContext(context);
        encoder.setLayout(layout);
        encoder.start();
        appender.setContext(context);
        appender.setName("test-capture");
        appender.setEncoder(encoder);
        appender.setOutputStream(bytes);
        appender.start();
        context.getLogger(ch.qos.logback.classic.Logger.ROOT_LOGGER_NAME).addAppender(appender);
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
        synchronized (bytes) {
            return bytes.toString(StandardCharsets.UTF_8);
        }
    }

    public List<String> lines() {
        return text().lines().toList();
    }

    @Override
    public void close() {
        appender.stop();
        LeaveBotLogConfigurator.apply(context, LogSettings.fromEnvironment());
    }
}
