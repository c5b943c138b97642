package io.leavebot.notify;

import io.leavebot.durable.lambda.AwsApiException;
import io.leavebot.email.MailException;
import java.io.InterruptedIOException;
import java.net.SocketException;
import java.net.http.HttpTimeoutException;
import java.sql.SQLException;
import java.sql.SQLTransientException;
import java.util.function.Predicate;

/**
 * Which failures of a step that tells people may pass by themselves, so that trying again later is worth it: chat
 * unavailable for a reason that may pass ({@link ChatUnavailableException#mayPass()}: Slack or Teams down,
 * throttling, 5xx, no answer; not a refusal such as Slack's {@code channel_not_found}), mail that could not be handed over for a reason
 * that may pass ({@link MailException#mayPass()}), a refused connection or a timeout, AWS throttling or 5xx, and a
 * database busy with another writer.
 * Anything else (a {@code NullPointerException}, a refused sender, a wrong password or bot token) would fail the same way every
 * time: retrying it for an hour would only make a bug look like a slow Slack, so the step fails at once. Every
 * retrying step of the workflows uses this one predicate.
 */
public final class TransientFailures {
    /** {@link #mayPass}, as a step's retry predicate. */
    public static final Predicate<Throwable> RETRYABLE = TransientFailures::mayPass;

    private TransientFailures() {
    }

    /** Whether {@code error}, or what caused it, is a failure that may pass; the first classified cause decides. */
    public static boolean mayPass(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof ChatUnavailableException chat) {
                return chat.mayPass();
            }
            if (cause instanceof MailException mail) {
                return mail.mayPass();
            }
            if (cause instanceof AwsApiException aws) {
                return aws.isRetryable(); // 429, 5xx or a throttling code, from the small AWS caller
            }
            if (cause instanceof SQLException sql) {
                return isBusy(sql);
            }
            if (cause instanceof SocketException || cause instanceof InterruptedIOException
                    || cause instanceof HttpTimeoutException) {
                // no answer: refused, reset or unreachable (ConnectException is a SocketException), or timed out
                // (SocketTimeoutException is an InterruptedIOException)
                return true;
            }
        }
        return false;
    }

    /**
     * Whether an HTTP answer with {@code status} may be different later: throttling (429), a timeout (408) or a
     * server's trouble (5xx). Any other error status (400, 401, 403, 404) says the call itself is wrong.
     */
    public static boolean httpStatusMayPass(int status) {
        return status == 429 || status == 408 || status >= 500;
    }

    /**
     * A database another writer holds for longer than its busy timeout: SQLite's SQLITE_BUSY (5) or SQLITE_LOCKED
     * (6), extended codes included (their low byte), as sqlite-jdbc gives them; or what JDBC calls transient.
     */
    private static boolean isBusy(SQLException sql) {
        int primary = sql.getErrorCode() & 0xff;
        return primary == 5 || primary == 6 || sql instanceof SQLTransientException;
    }
}
