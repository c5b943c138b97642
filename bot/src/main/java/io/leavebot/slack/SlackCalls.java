package io.leavebot.slack;

import io.leavebot.notify.ChatUnavailableException;

/**
 * One wording for the ways a Slack Web API call fails ({@link SlackWebApi}): Slack answering {@code "ok": false}, or
 * an HTTP error (rate limits, outages); each a {@link ChatUnavailableException} that names the method and what went
 * wrong, so the notifier can fall back to e-mail and the operator can read why. Messages never carry the token.
 */
final class SlackCalls {
    /** Slack answered {@code "ok": false}; {@link #error()} is its code, e.g. {@code channel_not_found}. */
    static final class Refused extends ChatUnavailableException {
        private final String error;

        Refused(String method, String error, String neededScope) {
            super("Slack " + method + " answered " + error + hint(error, neededScope));
            this.error = error;
        }

        String error() {
            return error;
        }
    }

    private SlackCalls() {
    }

    /** Rate limits (HTTP 429) say when to come back; the step's retry backs off anyway. */
    static ChatUnavailableException httpError(String method, int status, String retryAfterSeconds) {
        String rateLimited = status == 429
                ? " (rate limited" + (retryAfterSeconds == null ? ")" : "; retry after " + retryAfterSeconds + " s)") : "";
        return new ChatUnavailableException("Slack " + method + " answered HTTP " + status + rateLimited);
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
