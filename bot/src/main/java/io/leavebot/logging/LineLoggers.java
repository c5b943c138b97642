package io.leavebot.logging;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.ILoggerFactory;
import org.slf4j.Logger;
import org.slf4j.bridge.SLF4JBridgeHandler;

/**
 * LeaveBot's loggers: each line formatted by one layout ({@link LambdaJsonLayout} on Lambda, {@link ReadableLayout}
 * elsewhere) and written to standard output in one write; levels from {@link LogSettings}; java.util.logging
 * (LeaveBot's own {@code System.Logger} lines, Jakarta Mail) bridged in with the same levels.
 *
 * <p>Why not logback: in a fresh JVM with the Lambda functions' options, from the first call to the first line
 * written, logback took 123 - 153 ms (its context, status manager, configurator lookup and appender classes) and
 * this backend takes 71 - 92 (README, "Logs"); logback did nothing here that these few classes do not.
 */
final class LineLoggers implements ILoggerFactory {
    /**
     * Loggers that print request or response bodies, credentials or signed requests below INFO, whatever the settings
     * ask: bodies hold people's names, reasons and Slack's verification token; signing traces hold AWS session tokens.
     * Each one's descendants are held at INFO too.
     */
    static final List<String> CLAMPED = List.of(
            "com.slack.api.util.http.listener", // the Slack SDK's DetailedLoggingListener: every Web API request and response body
            "com.slack.api.socket_mode",        // Socket Mode envelopes as received (payloads of commands and clicks)
            "com.slack.api.bolt.middleware",    // Bolt's SSL check logs the request payload and headers
            "com.slack.api.bolt.socket_mode",   // Bolt's Socket Mode app logs the bodies of failed requests
            "software.amazon.awssdk.request",   // the AWS SDK's request lines (and headers at TRACE)
            "software.amazon.awssdk.auth.signer",        // SigV4 canonical requests with X-Amz-Security-Token
            "software.amazon.awssdk.http.auth",          // the same for the SDK's newer signers
            "org.apache.http.wire", "org.apache.http.headers",                 // Apache HTTP client wire logs
            "org.apache.hc.client5.http.wire", "org.apache.hc.client5.http.headers",
            "org.eclipse.angus.mail", "jakarta.mail",    // SMTP protocol traces: whole messages with their decision links
            "jdk.internal.httpclient", "jdk.httpclient"); // the JDK HTTP client's traces: headers (Authorization) and frames

    private record Sink(LineLayout layout, Consumer<String> out) {
    }

    private final ConcurrentHashMap<String, LineLogger> loggers = new ConcurrentHashMap<>();
    private final ThreadMdc mdc;
    private final List<Sink> extraSinks = new CopyOnWriteArrayList<>();
    /** JUL keeps its loggers weakly: the ones given a level are held here, or the level would go with them. */
    private final List<java.util.logging.Logger> julLevelled = new ArrayList<>();
    private volatile LogSettings settings;
    private volatile LineLayout layout;

    LineLoggers(LogSettings settings, ThreadMdc mdc) {
        this.mdc = mdc;
        configure(settings);
    }

    @Override
    public Logger getLogger(String name) {
        LineLogger logger = loggers.get(name);
        if (logger == null) {
            logger = loggers.computeIfAbsent(name, key -> new LineLogger(key, this, levelOf(key, settings)));
        }
        return logger;
    }

    Map<String, String> context() {
        return mdc.current();
    }

    /** (Re)configures the layout, every logger's level and JUL's; then warns of each bad setting. */
    synchronized void configure(LogSettings asked) {
        settings = asked;
        layout = asked.json() ? new LambdaJsonLayout() : new ReadableLayout();
        loggers.values().forEach(logger -> logger.setLevel(levelOf(logger.getName(), asked)));
        bridgeJul(asked);
        Logger own = getLogger(LineLoggers.class.getPackageName());
        asked.problems().forEach(own::warn);
    }

    /** The level of the logger named so: its closest configured package's or the root's, clamped, at least the floor. */
    static LogLevel levelOf(String name, LogSettings settings) {
        LogLevel level = settings.root();
        int closest = -1;
        for (var entry : settings.packages().entrySet()) {
            if (covers(entry.getKey(), name) && entry.getKey().length() > closest) {
                closest = entry.getKey().length();
                level = entry.getValue();
            }
        }
        if (!level.atLeast(LogLevel.INFO) && CLAMPED.stream().anyMatch(clamped -> covers(clamped, name))) {
            level = LogLevel.INFO;
        }
        return settings.atLeastFloor(level);
    }

    private static boolean covers(String prefix, String name) {
        return name.startsWith(prefix) && (name.length() == prefix.length() || name.charAt(prefix.length()) == '.');
    }

    /** Also writes every line, formatted by {@code layout}, to {@code out} until the returned action is run. */
    Runnable alsoWrite(LineLayout layout, Consumer<String> out) {
        Sink sink = new Sink(layout, out);
        extraSinks.add(sink);
        return () -> extraSinks.remove(sink);
    }

    void write(LogEvent event) {
        String text = formatted(layout, event);
        synchronized (this) {
            System.out.print(text); // one write per line (the stream flushes at its line end), so lines never interleave
        }
        for (Sink sink : extraSinks) {
            sink.out().accept(formatted(sink.layout(), event));
        }
    }

    private static String formatted(LineLayout layout, LogEvent event) {
        try {
            return layout.format(event);
        } catch (RuntimeException e) {
            // the message itself is not repeated: unformatted, it would not be masked
            return event.level() + " " + event.logger() + " wrote a line that could not be formatted ("
                    + e.getClass().getName() + ")" + System.lineSeparator();
        }
    }

    private void bridgeJul(LogSettings asked) {
        julLevelled.forEach(logger -> logger.setLevel(null));
        julLevelled.clear();
        java.util.logging.Logger root = java.util.logging.Logger.getLogger("");
        root.setLevel(asked.atLeastFloor(asked.root()).jul());
        julLevelled.add(root);
        List<String> named = new ArrayList<>(asked.packages().keySet());
        named.addAll(CLAMPED);
        for (String name : named) {
            java.util.logging.Logger logger = java.util.logging.Logger.getLogger(name);
            logger.setLevel(levelOf(name, asked).jul());
            julLevelled.add(logger);
        }
        if (!SLF4JBridgeHandler.isInstalled()) {
            SLF4JBridgeHandler.removeHandlersForRootLogger(); // else JUL's console handler prints each line a second time
            SLF4JBridgeHandler.install();
        }
    }
}
