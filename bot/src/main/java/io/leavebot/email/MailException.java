package io.leavebot.email;

/**
 * A message could not be handed to the mail system. Each mailer says whether the failure {@link #mayPass()}: the
 * server unreachable, a timeout, throttling, a 4xx SMTP reply or a 5xx from SES may pass, and the step that sends
 * retries; a refused login, sender or recipient, or a message that cannot be built, would fail every time, and the
 * step fails at once.
 */
public class MailException extends RuntimeException {
    private final boolean mayPass;

    public MailException(String message, Throwable cause, boolean mayPass) {
        super(message, cause);
        this.mayPass = mayPass;
    }

    /** Whether sending again later may succeed (see {@link io.leavebot.notify.TransientFailures}). */
    public boolean mayPass() {
        return mayPass;
    }
}
