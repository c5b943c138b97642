package io.leavebot.durable;

import java.time.Duration;

/**
 * Decides, after a {@code waitForCondition} check that said "not yet", how long to wait before the next check,
 * or gives up by throwing {@link WaitForConditionFailedException}. Ready-made ones are in {@link WaitStrategies}.
 */
@FunctionalInterface
public interface WaitForConditionWaitStrategy<T> {
    /**
     * @param state   the state the check just returned
     * @param attempt the check that just ran, counted from 1
     * @return the delay before the next check (whole seconds, at least 1 s)
     * @throws WaitForConditionFailedException to stop polling; the operation then fails with this message
     */
    Duration evaluate(T state, int attempt);
}
