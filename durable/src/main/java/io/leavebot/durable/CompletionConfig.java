package io.leavebot.durable;

/**
 * When a parallel or map completes. Each rule is optional (null); the batch completes as soon as one is met:
 * {@code minSuccessful} branches have succeeded ({@link ConcurrencyCompletionStatus#MIN_SUCCESSFUL_REACHED}), or
 * more than {@code toleratedFailureCount} branches, or more than {@code toleratedFailurePercentage} (a fraction from
 * 0.0 to 1.0 of all branches, as in the AWS Java SDK) have failed
 * ({@link ConcurrencyCompletionStatus#FAILURE_TOLERANCE_EXCEEDED}); otherwise once every branch has an outcome
 * ({@link ConcurrencyCompletionStatus#ALL_COMPLETED}). Branches not started by then never start.
 */
public record CompletionConfig(Integer minSuccessful, Integer toleratedFailureCount, Double toleratedFailurePercentage) {

    public CompletionConfig {
        if (minSuccessful != null) {
            Validation.atLeastOne("minSuccessful", minSuccessful);
        }
        if (toleratedFailureCount != null && toleratedFailureCount < 0) {
            throw new IllegalArgumentException("toleratedFailureCount must be at least 0, but was " + toleratedFailureCount);
        }
        if (toleratedFailurePercentage != null && !(toleratedFailurePercentage >= 0.0 && toleratedFailurePercentage <= 1.0)) {
            throw new IllegalArgumentException("toleratedFailurePercentage must be between 0.0 and 1.0, but was "
                    + toleratedFailurePercentage);
        }
    }

    /** Every branch must succeed: the first failure completes the batch. */
    public static CompletionConfig allSuccessful() {
        return new CompletionConfig(null, 0, null);
    }

    /** Every branch runs, whatever fails (the default). */
    public static CompletionConfig allCompleted() {
        return new CompletionConfig(null, null, null);
    }

    /** The first success completes the batch. */
    public static CompletionConfig firstSuccessful() {
        return new CompletionConfig(1, null, null);
    }

    public static CompletionConfig minSuccessful(int count) {
        return new CompletionConfig(count, null, null);
    }

    public static CompletionConfig toleratedFailureCount(int count) {
        return new CompletionConfig(null, count, null);
    }

    /** @param fraction of all branches, from 0.0 to 1.0 */
    public static CompletionConfig toleratedFailurePercentage(double fraction) {
        return new CompletionConfig(null, null, fraction);
    }

    public CompletionConfig withMinSuccessful(Integer count) {
        return new CompletionConfig(count, toleratedFailureCount, toleratedFailurePercentage);
    }

    public CompletionConfig withToleratedFailureCount(Integer count) {
        return new CompletionConfig(minSuccessful, count, toleratedFailurePercentage);
    }

    public CompletionConfig withToleratedFailurePercentage(Double fraction) {
        return new CompletionConfig(minSuccessful, toleratedFailureCount, fraction);
    }
}
