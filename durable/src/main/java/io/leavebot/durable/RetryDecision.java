package io.leavebot.durable;

import java.time.Duration;

/** What a {@link RetryStrategy} decided for a failed attempt. */
public record RetryDecision(boolean shouldRetry, Duration delay) {

    /** Try again after {@code delay} (whole seconds, at least 1 s). */
    public static RetryDecision retry(Duration delay) {
        Validation.delaySeconds("retry delay", delay);
        return new RetryDecision(true, delay);
    }

    /** Give up: the step fails with the error of this attempt. */
    public static RetryDecision fail() {
        return new RetryDecision(false, Duration.ZERO);
    }
}
