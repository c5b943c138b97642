/** E-mail: the {@link io.leavebot.email.Mailer} port with SES, SMTP and outbox adapters, and signed decision links. */
package io.leavebot.email;
