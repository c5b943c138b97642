package io.leavebot.durable;

/**
 * What a {@code waitForCondition} check returns: the new state, and whether the condition now holds. The state
 * is recorded either way; a later check receives it as its argument.
 *
 * @param value  the state after this check (serialized with the operation's {@link SerDes}; may be null)
 * @param isDone true when polling should stop and {@code value} become the operation's result
 */
public record WaitForConditionResult<T>(T value, boolean isDone) {

    /** The condition holds: record {@code value} as the result and stop polling. */
    public static <T> WaitForConditionResult<T> stopPolling(T value) {
        return new WaitForConditionResult<>(value, true);
    }

    /** Not yet: record {@code value} and check again after the delay the wait strategy chooses. */
    public static <T> WaitForConditionResult<T> continuePolling(T value) {
        return new WaitForConditionResult<>(value, false);
    }
}
