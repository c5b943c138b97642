package io.leavebot.infra;

/**
 * A stack input is missing or malformed: a context value, or the bot jar the functions deploy. The message names
 * the input and says how to give it; the app stops before anything is synthesized.
 */
public final class StackInputException extends RuntimeException {
    StackInputException(String message) {
        super(message);
    }
}
