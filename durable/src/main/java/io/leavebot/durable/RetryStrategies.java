package io.leavebot.durable;

import java.time.Duration;
import java.util.function.Predicate;

/** Ready-made {@link RetryStrategy}s. */
public final class RetryStrategies {
    /** 6 attempts, 5 s doubling up to 60 s, full jitter: the defaults every durable SDK uses. */
    public static final RetryStrategy DEFAULT =
            exponentialBackoff(6, Duration.ofSeconds(5), 2.0, Duration.ofSeconds(60), JitterStrategy.FULL, e -> true);
    /** One attempt only. */
    public static final RetryStrategy NO_RETRY = (error, attempt) -> RetryDecision.fail();

    private RetryStrategies() {
    }

    /**
     * Retries errors accepted by {@code retryable} until {@code maxAttempts} attempts have run, waiting
     * {@code initialDelay × backoffRate^(attempt-1)}, capped at {@code maxDelay}, then jittered and rounded up to
     * whole seconds (at least 1 s).
     */
    public static RetryStrategy exponentialBackoff(int maxAttempts, Duration initialDelay, double backoffRate,
            Duration maxDelay, JitterStrategy jitter, Predicate<Throwable> retryable) {
        Validation.atLeastOne("maxAttempts", maxAttempts);
        Validation.delaySeconds("initialDelay", initialDelay);
        Validation.delaySeconds("maxDelay", maxDelay);
        if (backoffRate < 1.0) {
            throw new IllegalArgumentException("backoffRate must be at least 1.0, but was " + backoffRate);
        }
        return (error, attempt) -> {
            if (attempt >= maxAttempts || !retryable.test(error)) {
                return RetryDecision.fail();
            }
            double seconds = Math.min(initialDelay.toSeconds() * Math.pow(backoffRate, attempt - 1.0), maxDelay.toSeconds());
            long jittered = Math.max(1, (long) Math.ceil(jitter.apply(seconds)));
            return RetryDecision.retry(Duration.ofSeconds(jittered));
        };
    }

    /** Retries any error after the same delay until {@code maxAttempts} attempts have run. */
    public static RetryStrategy fixedDelay(int maxAttempts, Duration delay) {
        return exponentialBackoff(maxAttempts, delay, 1.0, delay, JitterStrategy.NONE, e -> true);
    }
}
