package io.leavebot.durable;

import java.time.Duration;

/**
 * Options of a callback. A zero duration means no limit.
 *
 * @param timeout          how long the callback may stay open in total
 * @param heartbeatTimeout how long the callback may go without a heartbeat
 * @param serDes           reads the result the outside caller sent; null means the handler's
 */
public record CallbackConfig(Duration timeout, Duration heartbeatTimeout, SerDes serDes) {

    public static final CallbackConfig DEFAULT = new CallbackConfig(Duration.ZERO, Duration.ZERO, null);

    public CallbackConfig {
        timeout = timeout == null ? Duration.ZERO : timeout;
        heartbeatTimeout = heartbeatTimeout == null ? Duration.ZERO : heartbeatTimeout;
        Validation.timeoutSeconds("callback timeout", timeout);
        Validation.timeoutSeconds("callback heartbeat timeout", heartbeatTimeout);
    }

    public static CallbackConfig timeout(Duration timeout) {
        return new CallbackConfig(timeout, Duration.ZERO, null);
    }

    public CallbackConfig withHeartbeatTimeout(Duration value) {
        return new CallbackConfig(timeout, value, serDes);
    }

    public CallbackConfig withSerDes(SerDes value) {
        return new CallbackConfig(timeout, heartbeatTimeout, value);
    }
}
