package io.leavebot.email;

/** A message could not be handed to the mail system. */
public class MailException extends RuntimeException {
    public MailException(String message, Throwable cause) {
        super(message, cause);
    }
}
