package io.leavebot.durable;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class RetryStrategiesTest {
    private static final RuntimeException ERROR = new IllegalStateException("smtp down");

    @Test
    void exponentialBackoffWithoutJitterMultipliesTheDelayUpToTheCap() {
        var strategy = RetryStrategies.exponentialBackoff(10, Duration.ofSeconds(2), 3.0, Duration.ofSeconds(60),
                JitterStrategy.NONE, e -> true);

        var delays = IntStream.rangeClosed(1, 6).mapToObj(attempt -> strategy.decide(ERROR, attempt).delay().toSeconds()).toList();

        assertEquals(List.of(2L, 6L, 18L, 54L, 60L, 60L), delays);
    }

    @Test
    void exponentialBackoffStopsOnceMaxAttemptsHaveRun() {
        var strategy = RetryStrategies.exponentialBackoff(3, Duration.ofSeconds(1), 2.0, Duration.ofSeconds(10),
                JitterStrategy.NONE, e -> true);

        assertTrue(strategy.decide(ERROR, 2).shouldRetry());
        assertFalse(strategy.decide(ERROR, 3).shouldRetry());
    }

    @Test
    void exponentialBackoffGivesUpOnErrorsItsPredicateRejects() {
        var strategy = RetryStrategies.exponentialBackoff(5, Duration.ofSeconds(1), 2.0, Duration.ofSeconds(10),
                JitterStrategy.NONE, e -> !(e instanceof IllegalArgumentException));

        assertTrue(strategy.decide(ERROR, 1).shouldRetry());
        assertFalse(strategy.decide(new IllegalArgumentException("bad dates"), 1).shouldRetry());
    }

    @Test
    void fullJitterStaysBetweenOneSecondAndTheDelay() {
        var strategy = RetryStrategies.exponentialBackoff(5, Duration.ofSeconds(10), 2.0, Duration.ofSeconds(60),
                JitterStrategy.FULL, e -> true);

        for (int i = 0; i < 500; i++) {
            long seconds = strategy.decide(ERROR, 1).delay().toSeconds();
            assertTrue(seconds >= 1 && seconds <= 10, "delay " + seconds);
        }
    }

    @Test
    void halfJitterStaysBetweenHalfTheDelayAndTheDelay() {
        var strategy = RetryStrategies.exponentialBackoff(5, Duration.ofSeconds(10), 2.0, Duration.ofSeconds(60),
                JitterStrategy.HALF, e -> true);

        for (int i = 0; i < 500; i++) {
            long seconds = strategy.decide(ERROR, 1).delay().toSeconds();
            assertTrue(seconds >= 5 && seconds <= 10, "delay " + seconds);
        }
    }

    @Test
    void defaultAllowsSixAttemptsWithDelaysCappedAtOneMinute() {
        for (int attempt = 1; attempt <= 5; attempt++) {
            long seconds = RetryStrategies.DEFAULT.decide(ERROR, attempt).delay().toSeconds();
            assertTrue(seconds >= 1 && seconds <= Math.min(60, 5L << (attempt - 1)), "attempt " + attempt + ": " + seconds);
        }
        assertFalse(RetryStrategies.DEFAULT.decide(ERROR, 6).shouldRetry());
    }

    @Test
    void fixedDelayRetriesAfterTheSameDelay() {
        var strategy = RetryStrategies.fixedDelay(4, Duration.ofSeconds(30));

        assertEquals(Duration.ofSeconds(30), strategy.decide(ERROR, 1).delay());
        assertEquals(Duration.ofSeconds(30), strategy.decide(ERROR, 3).delay());
        assertFalse(strategy.decide(ERROR, 4).shouldRetry());
    }

    @Test
    void noRetryGivesUpAtOnce() {
        assertFalse(RetryStrategies.NO_RETRY.decide(ERROR, 1).shouldRetry());
    }

    @Test
    void invalidSettingsAreRejectedWithTheirName() {
        var zeroAttempts = assertThrows(IllegalArgumentException.class, () -> RetryStrategies.fixedDelay(0, Duration.ofSeconds(1)));
        var slowerRate = assertThrows(IllegalArgumentException.class, () -> RetryStrategies.exponentialBackoff(3,
                Duration.ofSeconds(1), 0.5, Duration.ofSeconds(10), JitterStrategy.NONE, e -> true));
        var subSecond = assertThrows(IllegalArgumentException.class, () -> RetryDecision.retry(Duration.ZERO));

        assertEquals("maxAttempts must be at least 1, but was 0", zeroAttempts.getMessage());
        assertEquals("backoffRate must be at least 1.0, but was 0.5", slowerRate.getMessage());
        assertTrue(subSecond.getMessage().startsWith("retry delay must be between 1 s and 31622400 s (366 days)"),
                subSecond.getMessage());
    }
}
