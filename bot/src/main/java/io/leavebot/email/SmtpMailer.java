package io.leavebot.email;

import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.util.Properties;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.eclipse.angus.mail.smtp.SMTPSenderFailedException;

/**
 * Sends through an SMTP server (for self-hosters), with Jakarta Mail: one connection per message, optional login,
 * and STARTTLS that is required when asked for, so mail is never sent in the clear by surprise. The message is
 * multipart/alternative (plain text, then HTML); its Message-ID comes from the idempotency key.
 */
public final class SmtpMailer implements Mailer {
    private final SmtpSettings settings;
    private final Session session;

    public SmtpMailer(SmtpSettings settings) {
        this.settings = settings;
        this.session = Session.getInstance(properties(settings));
    }

    @Override
    public void send(Email email) {
        MimeMessage message;
        try {
            message = MimeMessages.of(session, email);
        } catch (MessagingException e) {
            throw new MailException("SMTP: the message could not be built: " + e.getMessage(), e, false);
        }
        try (Transport transport = session.getTransport("smtp")) {
            transport.connect(settings.host(), settings.port(), settings.username(), settings.password());
            transport.sendMessage(message, message.getAllRecipients());
        } catch (AuthenticationFailedException e) {
            throw new MailException("SMTP server " + where() + " did not accept the login of user " + settings.username()
                    + "; check the configured username and password", e, false);
        } catch (MessagingException e) {
            throw new MailException("SMTP server " + where() + " did not take the message: " + reason(e), e, mayPass(e));
        }
    }

    /**
     * Whether an SMTP failure may pass: the server's reply code decides when it gave one (4xx: try again later, 5xx:
     * refused for good, RFC 5321 §4.2.1); without one, a lost or refused connection or a timeout may pass, and the
     * rest (STARTTLS required but not offered, a bad address) would recur.
     */
    static boolean mayPass(MessagingException e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            int code = replyCode(cause);
            if (code > 0) {
                return code / 100 == 4;
            }
            if (cause instanceof IOException) {
                return true;
            }
        }
        return false;
    }

    private static int replyCode(Throwable failure) {
        if (failure instanceof SMTPSendFailedException sent) {
            return sent.getReturnCode();
        }
        if (failure instanceof SMTPAddressFailedException address) {
            return address.getReturnCode();
        }
        if (failure instanceof SMTPSenderFailedException sender) {
            return sender.getReturnCode();
        }
        return -1;
    }

    private String where() {
        return settings.host() + ":" + settings.port();
    }

    /** The innermost cause says most (a refused connection, a missing STARTTLS), without any message content. */
    private static String reason(Exception e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        String own = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().strip();
        return cause == e || cause.getMessage() == null ? own : own + " (" + cause.getMessage().strip() + ")";
    }

    private static Properties properties(SmtpSettings settings) {
        String millis = String.valueOf(settings.timeout().toMillis());
        Properties properties = new Properties();
        properties.put("mail.smtp.host", settings.host());
        properties.put("mail.smtp.port", String.valueOf(settings.port()));
        properties.put("mail.smtp.connectiontimeout", millis);
        properties.put("mail.smtp.timeout", millis);
        properties.put("mail.smtp.writetimeout", millis);
        properties.put("mail.smtp.auth", String.valueOf(settings.authenticates()));
        properties.put("mail.smtp.starttls.enable", String.valueOf(settings.startTls()));
        properties.put("mail.smtp.starttls.required", String.valueOf(settings.startTls()));
        if (settings.startTls()) {
            properties.put("mail.smtp.ssl.checkserveridentity", "true");
        }
        return properties;
    }
}
