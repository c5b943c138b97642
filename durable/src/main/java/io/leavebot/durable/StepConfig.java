package io.leavebot.durable;

/** Options of one step: its retry strategy, its per-attempt semantics and its {@link SerDes}. */
public record StepConfig(RetryStrategy retryStrategy, StepSemantics semantics, SerDes serDes) {

    public static final StepConfig DEFAULT = new StepConfig(RetryStrategies.DEFAULT, StepSemantics.AT_LEAST_ONCE_PER_RETRY, null);

    public StepConfig {
        if (retryStrategy == null) {
            throw new IllegalArgumentException("retryStrategy must be given; use RetryStrategies.NO_RETRY for none");
        }
        if (semantics == null) {
            throw new IllegalArgumentException("semantics must be given");
        }
    }

    public static StepConfig retrying(RetryStrategy strategy) {
        return DEFAULT.withRetryStrategy(strategy);
    }

    public StepConfig withRetryStrategy(RetryStrategy strategy) {
        return new StepConfig(strategy, semantics, serDes);
    }

    public StepConfig withSemantics(StepSemantics value) {
        return new StepConfig(retryStrategy, value, serDes);
    }

    /** A {@link SerDes} for this step's result only; null means the handler's. */
    public StepConfig withSerDes(SerDes value) {
        return new StepConfig(retryStrategy, semantics, value);
    }
}
