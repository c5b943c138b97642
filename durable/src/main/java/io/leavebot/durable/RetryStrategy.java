package io.leavebot.durable;

/** Decides, after a step attempt threw, whether and when to try again. */
@FunctionalInterface
public interface RetryStrategy {
    /**
     * @param error   what the attempt threw
     * @param attempt the attempt that failed, counted from 1
     */
    RetryDecision decide(Throwable error, int attempt);
}
