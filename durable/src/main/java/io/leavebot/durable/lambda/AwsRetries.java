package io.leavebot.durable.lambda;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/**
 * When and how long to wait before trying an AWS call again, as the AWS SDK's "standard" retry mode does: up to
 * three attempts; exponential backoff with full jitter from 100 ms (1 s when throttled), capped at 20 s.
 */
final class AwsRetries {
    static final int DEFAULT_MAX_ATTEMPTS = 3;
    static final Duration DEFAULT_BASE_DELAY = Duration.ofMillis(100);
    static final Duration DEFAULT_THROTTLED_BASE_DELAY = Duration.ofSeconds(1);
    private static final Duration MAX_DELAY = Duration.ofSeconds(20);

    /** The error codes the SDK treats as throttling (SdkDefaultRetrySetting). */
    private static final Set<String> THROTTLING = Set.of("Throttling", "ThrottlingException", "ThrottledException",
            "RequestThrottledException", "TooManyRequestsException", "ProvisionedThroughputExceededException",
            "TransactionInProgressException", "RequestLimitExceeded", "BandwidthLimitExceeded", "LimitExceededException",
            "RequestThrottled", "SlowDown", "PriorRequestNotComplete", "EC2ThrottledException");
    private static final Set<String> TRANSIENT = Set.of("RequestTimeout", "RequestTimeoutException", "InternalError");

    private final int maxAttempts;
    private final Duration baseDelay;
    private final Duration throttledBaseDelay;

    AwsRetries(int maxAttempts, Duration baseDelay, Duration throttledBaseDelay) {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1, but was " + maxAttempts);
        }
        this.maxAttempts = maxAttempts;
        this.baseDelay = baseDelay;
        this.throttledBaseDelay = throttledBaseDelay;
    }

    static boolean isThrottling(String errorCode) {
        return errorCode != null && THROTTLING.contains(errorCode);
    }

    static boolean isTransient(String errorCode) {
        return errorCode != null && TRANSIENT.contains(errorCode);
    }

    boolean mayRetryAfter(int attempt) {
        return attempt < maxAttempts;
    }

    /** The pause after failed attempt {@code attempt} (1-based): a random time up to base × 2^(attempt-1). */
    Duration delayAfter(int attempt, boolean throttled) {
        long base = (throttled ? throttledBaseDelay : baseDelay).toMillis();
        long ceiling = Math.min(MAX_DELAY.toMillis(), base << Math.min(attempt - 1, 20));
        return Duration.ofMillis(ceiling <= 0 ? 0 : ThreadLocalRandom.current().nextLong(ceiling + 1));
    }

    static void sleep(Duration delay) {
        try {
            Thread.sleep(delay.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting to retry an AWS call", e);
        }
    }
}
