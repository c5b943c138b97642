package io.leavebot.logging;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;

/**
 * One line to write: what a logger was asked, with the logging context (SLF4J's MDC) of the thread that asked.
 *
 * @param message the message with its arguments filled in
 * @param failure the exception logged with it, or null
 * @param context the thread's MDC when it logged (request id, execution name and ARN during a durable invocation)
 */
record LogEvent(long epochMillis, LogLevel level, String logger, String message, Throwable failure,
        Map<String, String> context) {

    /** The failure's stack trace as Java prints it: every frame, every cause and suppressed exception. */
    String stackTrace() {
        StringWriter text = new StringWriter(1024);
        failure.printStackTrace(new PrintWriter(text));
        return text.toString();
    }
}
