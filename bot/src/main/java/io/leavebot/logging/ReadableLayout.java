package io.leavebot.logging;

import io.leavebot.durable.InvocationLogContext;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * One machine's lines: {@code 2026-12-03T09:15:02.114+01:00 WARN  io.leavebot.notify.Notifier [leave-4f2a] message},
 * the execution in brackets when a durable invocation logs, then the failure's full stack trace (every cause) on the
 * lines below. The whole text is masked ({@link LogSecrets#mask}).
 */
final class ReadableLayout implements LineLayout {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSXXX");
    private static final ZoneId ZONE = ZoneId.systemDefault();

    @Override
    public String format(LogEvent event) {
        StringBuilder line = new StringBuilder(128);
        line.append(TIME.format(Instant.ofEpochMilli(event.epochMillis()).atZone(ZONE))).append(' ');
        String level = event.level().name();
        line.append(level).append(" ".repeat(Math.max(1, 6 - level.length())));
        line.append(event.logger()).append(' ');
        String execution = event.context().get(InvocationLogContext.EXECUTION_NAME);
        if (execution != null) {
            line.append('[').append(execution).append("] ");
        }
        line.append(event.message()).append(System.lineSeparator());
        if (event.failure() != null) {
            line.append(event.stackTrace());
        }
        return LogSecrets.mask(line.toString());
    }
}
