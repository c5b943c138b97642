package io.leavebot.durable;

/**
 * Options of one {@code waitForCondition}: the state the first check receives, how long to wait between checks,
 * and the {@link SerDes} of the state.
 *
 * @param initialState what the first check receives (may be null)
 * @param waitStrategy chooses the delay after each "not yet", or gives up
 * @param serDes       turns the state into the recorded JSON and back; null means the handler's
 */
public record WaitForConditionConfig<T>(T initialState, WaitForConditionWaitStrategy<T> waitStrategy, SerDes serDes) {

    public WaitForConditionConfig {
        if (waitStrategy == null) {
            throw new IllegalArgumentException("waitStrategy must be given; use WaitStrategies.defaultStrategy() for the default");
        }
    }

    /** First check receives {@code initialState}; the default wait strategy; the handler's SerDes. */
    public static <T> WaitForConditionConfig<T> startingWith(T initialState) {
        return new WaitForConditionConfig<>(initialState, WaitStrategies.defaultStrategy(), null);
    }

    public WaitForConditionConfig<T> withWaitStrategy(WaitForConditionWaitStrategy<T> value) {
        return new WaitForConditionConfig<>(initialState, value, serDes);
    }

    /** A {@link SerDes} for this operation's state only; null means the handler's. */
    public WaitForConditionConfig<T> withSerDes(SerDes value) {
        return new WaitForConditionConfig<>(initialState, waitStrategy, value);
    }
}
