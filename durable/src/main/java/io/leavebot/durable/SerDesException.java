package io.leavebot.durable;

/** A value could not be turned into JSON or back. */
public class SerDesException extends DurableExecutionException {
    public SerDesException(String message, Throwable cause) {
        super(message, cause);
    }
}
