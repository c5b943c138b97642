package io.leavebot.durable;

import java.time.Duration;

/** Ready-made {@link WaitForConditionWaitStrategy}s. */
public final class WaitStrategies {
    /** 60 checks, 5 s growing ×1.5 up to 300 s, full jitter: the Java SDK's default for waitForCondition. */
    private static final WaitForConditionWaitStrategy<Object> DEFAULT =
            exponentialBackoff(60, Duration.ofSeconds(5), 1.5, Duration.ofSeconds(300), JitterStrategy.FULL);

    private WaitStrategies() {
    }

    /** The default strategy, typed for any state. */
    @SuppressWarnings("unchecked")
    public static <T> WaitForConditionWaitStrategy<T> defaultStrategy() {
        return (WaitForConditionWaitStrategy<T>) DEFAULT;
    }

    /**
     * Waits {@code initialDelay × backoffRate^(attempt-1)}, capped at {@code maxDelay}, then jittered and rounded up
     * to whole seconds (at least 1 s); gives up once {@code maxAttempts} checks have run.
     */
    public static <T> WaitForConditionWaitStrategy<T> exponentialBackoff(int maxAttempts, Duration initialDelay,
            double backoffRate, Duration maxDelay, JitterStrategy jitter) {
        Validation.atLeastOne("maxAttempts", maxAttempts);
        Validation.delaySeconds("initialDelay", initialDelay);
        Validation.delaySeconds("maxDelay", maxDelay);
        if (backoffRate < 1.0) {
            throw new IllegalArgumentException("backoffRate must be at least 1.0, but was " + backoffRate);
        }
        if (jitter == null) {
            throw new IllegalArgumentException("jitter must be given; use JitterStrategy.NONE for none");
        }
        return (state, attempt) -> {
            if (attempt >= maxAttempts) {
                throw new WaitForConditionFailedException("waitForCondition gave up after " + maxAttempts
                        + " checks without the condition being met");
            }
            double seconds = Math.min(initialDelay.toSeconds() * Math.pow(backoffRate, attempt - 1.0), maxDelay.toSeconds());
            return Duration.ofSeconds(Math.max(1, (long) Math.ceil(jitter.apply(seconds))));
        };
    }

    /** Waits the same {@code delay} between checks; gives up once {@code maxAttempts} checks have run. */
    public static <T> WaitForConditionWaitStrategy<T> fixedDelay(int maxAttempts, Duration delay) {
        return exponentialBackoff(maxAttempts, delay, 1.0, delay, JitterStrategy.NONE);
    }
}
