package io.leavebot.logging;

import org.slf4j.Marker;
import org.slf4j.event.Level;
import org.slf4j.helpers.FormattingTuple;
import org.slf4j.helpers.LegacyAbstractLogger;
import org.slf4j.helpers.MessageFormatter;

/** One named logger of {@link LineLoggers}: its level is looked up when the settings change, never per line. */
final class LineLogger extends LegacyAbstractLogger {
    private final transient LineLoggers owner;
    private volatile LogLevel level;

    LineLogger(String name, LineLoggers owner, LogLevel level) {
        this.name = name;
        this.owner = owner;
        this.level = level;
    }

    void setLevel(LogLevel level) {
        this.level = level;
    }

    LogLevel level() {
        return level;
    }

    @Override
    public boolean isTraceEnabled() {
        return LogLevel.TRACE.atLeast(level);
    }

    @Override
    public boolean isDebugEnabled() {
        return LogLevel.DEBUG.atLeast(level);
    }

    @Override
    public boolean isInfoEnabled() {
        return LogLevel.INFO.atLeast(level);
    }

    @Override
    public boolean isWarnEnabled() {
        return LogLevel.WARN.atLeast(level);
    }

    @Override
    public boolean isErrorEnabled() {
        return LogLevel.ERROR.atLeast(level);
    }

    @Override
    protected String getFullyQualifiedCallerName() {
        return null; // lines carry no caller location: finding it costs a stack walk per line
    }

    @Override
    protected void handleNormalizedLoggingCall(Level at, Marker marker, String pattern, Object[] arguments,
            Throwable failure) {
        // a throwable passed as the last argument, with no placeholder for it, is the line's failure
        FormattingTuple formatted = MessageFormatter.arrayFormat(pattern, arguments);
        Throwable logged = failure != null ? failure : formatted.getThrowable();
        owner.write(new LogEvent(System.currentTimeMillis(), LogLevel.of(at), name, formatted.getMessage(), logged,
                owner.context()));
    }
}
