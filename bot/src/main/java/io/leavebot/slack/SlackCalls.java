package io.leavebot.slack;

import io.leavebot.notify.ChatUnavailableException;
import io.leavebot.notify.TransientFailures;
import java.util.Set;

/**
 * One wording for the ways a Slack Web API call fails ({@link SlackWebApi}): Slack answering {@code "ok": false}, or
 * an HTTP error (rate limits, outages); each a {@link ChatUnavailableException} that names the method and what went
 * wrong, so the notifier can fall back to e-mail and the operator can read why. Messages never carry the token.
 * Only Slack's own trouble may pass (see {@link ChatUnavailableException#mayPass()}): a rate limit, a 5xx, or one of
 * the {@link #PASSING_ERRORS}; any other {@code "ok": false} is a refusal that asking again would not change.
 */
final class SlackCalls {
    /**
     * The {@code error} codes of Slack's {@code "ok": false} answers that say Slack is busy or unwell, not that the
     * call is wrong (from the Web API's documented errors common to every method).
     */
    static final Set<String> PASSING_ERRORS =
            Set.of("ratelimited", "service_unavailable", "internal_error", "fatal_error", "request_timeout");

    /** Slack answered {@code "ok": false}; {@link #error()} is its code, e.g. {@code channel_not_found}. */
    static final class Refused extends ChatUnavailableException {
        private final String error;

        Refused(String method, String error, String neededScope) {
            super("Slack " + method + " answered " + error + hint(error, neededScope), null,
                    error != null && PASSING_ERRORS.contains(error));
            this.error = error;
        }

        String error() {
            return error;
        }
    }

    private SlackCalls() {
    }

    /**
     * An answer other than HTTP 200: a rate limit (429, which says when to come back; the step's retry backs off
     * anyway), a timeout (408) or a 5xx may pass; any other status (a 404 from a wrong API URL) would recur.
     */
    static ChatUnavailableException httpError(String method, int status, String retryAfterSeconds) {
        String rateLimited = status == 429
                ? " (rate limited" + (retryAfterSeconds == null ? ")" : "; retry after " + retryAfterSeconds + " s)") : "";
        return new ChatUnavailableException("Slack " + method + " answered HTTP " + status + rateLimited, null,
                TransientFailures.httpStatusMayPass(status));
    }

    /** What the operator can do about the errors that are theirs to fix. */
    private static String hint(String error, String neededScope) {
        return switch (error == null ? "" : error) {
            case "invalid_auth", "not_authed", "account_inactive", "token_revoked", "token_expired" ->
                    " (check the bot token: it is missing, wrong or revoked, or the app was uninstalled)";
            case "missing_scope" -> " (the app needs the scope " + neededScope + "; add it to the manifest and reinstall)";
            default -> "";
        };
    }
}
