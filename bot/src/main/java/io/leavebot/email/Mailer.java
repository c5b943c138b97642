package io.leavebot.email;

/** Sends e-mail: {@code SesMailer} on AWS, {@code SmtpMailer} for self-hosters, {@code OutboxMailer} locally. */
public interface Mailer {
    /**
     * Sends the message or throws {@link MailException} with a reason fit for an operator's log (never the
     * message body).
     */
    void send(Email email);
}
