package io.leavebot.slack;

import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.SlackApiTextResponse;
import io.leavebot.notify.ChatUnavailableException;
import java.io.IOException;

/**
 * One wording for every way a Slack Web API call fails: Slack answering {@code "ok": false}, an HTTP error (rate
 * limits, outages) or no answer at all all become a {@link ChatUnavailableException} that names the method and
 * what went wrong, so the notifier can fall back to e-mail and the operator can read why. Messages never carry the
 * token, and the SDK's exception (whose response holds the request) is not kept as the cause.
 */
final class SlackCalls {
    /** A call through the SDK's {@code MethodsClient}. */
    @FunctionalInterface
    interface Call<R> {
        R call() throws IOException, SlackApiException;
    }

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

    /**
     * Makes the call and returns Slack's answer when it is {@code ok}.
     *
     * @throws Refused                  if Slack answered {@code "ok": false}
     * @throws ChatUnavailableException if Slack answered with an HTTP error or could not be reached
     */
    static <R extends SlackApiTextResponse> R ok(String method, Call<R> call) {
        R response;
        try {
            response = call.call();
        } catch (SlackApiException e) {
            throw new ChatUnavailableException("Slack " + method + " answered HTTP " + e.getResponse().code() + retryAfter(e));
        } catch (IOException e) {
            throw new ChatUnavailableException("Slack " + method + " could not be reached: " + e.getMessage(), e);
        }
        if (!response.isOk()) {
            throw new Refused(method, response.getError(), response.getNeeded());
        }
        return response;
    }

    /** Rate limits (HTTP 429) say when to come back; the step's retry backs off anyway. */
    private static String retryAfter(SlackApiException e) {
        String seconds = e.getResponse().header("Retry-After");
        return e.getResponse().code() == 429 ? " (rate limited" + (seconds == null ? ")" : "; retry after " + seconds + " s)") : "";
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
