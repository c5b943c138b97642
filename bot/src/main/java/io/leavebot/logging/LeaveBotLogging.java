package io.leavebot.logging;

import org.slf4j.ILoggerFactory;
import org.slf4j.IMarkerFactory;
import org.slf4j.helpers.BasicMarkerFactory;
import org.slf4j.spi.MDCAdapter;
import org.slf4j.spi.SLF4JServiceProvider;

/**
 * LeaveBot's SLF4J backend, found by SLF4J through {@code META-INF/services}: {@link LineLoggers}, configured from
 * the environment as SLF4J starts (no configuration file is looked for).
 */
public final class LeaveBotLogging implements SLF4JServiceProvider {
    private final ThreadMdc mdc = new ThreadMdc(); // asked for before initialize()
    private final IMarkerFactory markers = new BasicMarkerFactory();
    private LineLoggers loggers;

    @Override
    public void initialize() {
        LogSecrets.registerSettings(System.getenv());
        loggers = new LineLoggers(LogSettings.fromEnvironment(), mdc);
    }

    @Override
    public ILoggerFactory getLoggerFactory() {
        return loggers;
    }

    @Override
    public IMarkerFactory getMarkerFactory() {
        return markers;
    }

    @Override
    public MDCAdapter getMDCAdapter() {
        return mdc;
    }

    @Override
    public String getRequestedApiVersion() {
        return "2.0.99";
    }
}
