package io.leavebot.durable;

/** Why a parallel or map stopped; {@link BatchResult#completionReason()}. */
public enum ConcurrencyCompletionStatus {
    /** Every branch or item ran to an outcome. */
    ALL_COMPLETED,
    /** {@link CompletionConfig#minSuccessful()} branches succeeded; the rest were not started or are ignored. */
    MIN_SUCCESSFUL_REACHED,
    /** More branches failed than the {@link CompletionConfig} tolerates; the rest were not started or are ignored. */
    FAILURE_TOLERANCE_EXCEEDED
}
