package io.leavebot.durable;

import io.leavebot.durable.model.ErrorObject;

/**
 * The callback was not completed in time: {@link #errorType()} is {@code Callback.Timeout} for the overall
 * timeout and {@code Callback.Heartbeat} when heartbeats stopped.
 */
public class CallbackTimeoutException extends CallbackException {
    public static final String TIMEOUT = "Callback.Timeout";
    public static final String HEARTBEAT = "Callback.Heartbeat";

    public CallbackTimeoutException(String operationId, String operationName, ErrorObject error) {
        super(describe("callback", operationName, error), operationId, operationName, error);
    }

    /** True when the callback expired because heartbeats stopped, not because its overall timeout passed. */
    public boolean isHeartbeatTimeout() {
        return HEARTBEAT.equals(errorType());
    }
}
