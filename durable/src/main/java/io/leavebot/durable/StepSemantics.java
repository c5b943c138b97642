package io.leavebot.durable;

/** What the runtime promises about how often one attempt of a step body runs. */
public enum StepSemantics {
    /**
     * The default: the body may run again for the same attempt if the process dies before its result is
     * recorded. Make the body idempotent.
     */
    AT_LEAST_ONCE_PER_RETRY,
    /**
     * The start of each attempt is recorded before the body runs; an attempt interrupted by a crash is not
     * re-run but fails with {@link StepInterruptedException}, which then goes through the retry strategy.
     * With no retries, the body runs at most once overall.
     */
    AT_MOST_ONCE_PER_RETRY
}
