package io.leavebot.ops;

import io.leavebot.email.Email;
import io.leavebot.email.Mailer;
import io.leavebot.notify.Notifier;

/** A mailer that counts the e-mails it fails to hand over, as channel {@value Notifier#EMAIL}. */
public final class MeteredMailer implements Mailer {
    private final Mailer mailer;
    private final Metrics metrics;

    public MeteredMailer(Mailer mailer, Metrics metrics) {
        this.mailer = mailer;
        this.metrics = metrics;
    }

    @Override
    public void send(Email email) {
        try {
            mailer.send(email);
        } catch (RuntimeException e) {
            metrics.notificationFailed(Notifier.EMAIL);
            throw e;
        }
    }
}
