package io.leavebot.logging;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.CoreConstants;
import ch.qos.logback.core.LayoutBase;
import io.leavebot.durable.InvocationLogContext;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * One machine's lines: {@code 2026-12-03T09:15:02.114+01:00 WARN  io.leavebot.notify.Notifier [leave-4f2a] message},
 * the execution in brackets when a durable invocation logs, then the failure's full stack trace (every cause) on the
 * lines below. The whole text is masked ({@link LogSecrets#mask}).
 */
public final class ReadableLayout extends LayoutBase<ILoggingEvent> {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSXXX");
    private static final ZoneId ZONE = ZoneId.systemDefault();

    @Override
    public String doLayout(ILoggingEvent event) {
        StringBuilder line = new StringBuilder(128);
        line.append(TIME.format(Instant.ofEpochMilli(event.getTimeStamp()).atZone(ZONE))).append(' ');
        String level = event.getLevel().toString();
        line.append(level).append(" ".repeat(Math.max(1, 6 - level.length())));
        line.append(event.getLoggerName()).append(' ');
        String execution = event.getMDCPropertyMap().get(InvocationLogContext.EXECUTION_NAME);
        if (execution != null) {
            line.append('[').append(execution).append("] ");
        }
        line.append(event.getFormattedMessage()).append(CoreConstants.LINE_SEPARATOR);
        IThrowableProxy failure = event.getThrowableProxy();
        if (failure != null) {
            line.append(ThrowableProxyUtil.asString(failure));
        }
        return LogSecrets.mask(line.toString());
    }
}
