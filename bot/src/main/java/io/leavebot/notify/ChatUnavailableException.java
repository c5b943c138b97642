package io.leavebot.notify;

/** The chat channel could not deliver; the notifier falls back to e-mail. */
public class ChatUnavailableException extends RuntimeException {
    public ChatUnavailableException(String message) {
        super(message);
    }

    public ChatUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
