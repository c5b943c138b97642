package io.leavebot.notify;

/**
 * The chat channel could not deliver; the notifier falls back to e-mail. Each channel says whether the failure
 * {@link #mayPass()}: an outage, throttling, a 5xx or no answer may pass, and the step that sends retries; a refusal
 * (Slack's {@code channel_not_found} or {@code invalid_auth}, a Teams 403 or 404) would fail every time, and the step
 * fails at once.
 */
public class ChatUnavailableException extends RuntimeException {
    private final boolean mayPass;

    /** An outage, which may pass. */
    public ChatUnavailableException(String message) {
        this(message, null, true);
    }

    /** An outage, which may pass. */
    public ChatUnavailableException(String message, Throwable cause) {
        this(message, cause, true);
    }

    public ChatUnavailableException(String message, Throwable cause, boolean mayPass) {
        super(message, cause);
        this.mayPass = mayPass;
    }

    /** Whether delivering again later may succeed (see {@link TransientFailures}). */
    public boolean mayPass() {
        return mayPass;
    }
}
