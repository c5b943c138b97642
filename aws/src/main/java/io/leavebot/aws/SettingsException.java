package io.leavebot.aws;

/**
 * A setting or a key of the secret is missing or malformed. The message names it and says what is expected; it
 * never holds a secret's value. Thrown while a function starts, so Lambda reports it as the init error.
 */
final class SettingsException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    SettingsException(String message) {
        super(message);
    }

    SettingsException(String message, Throwable cause) {
        super(message, cause);
    }
}
