package io.leavebot.durable;

/**
 * Options of {@code parallel}: how many branches may be open at once (null: no limit), when the batch completes
 * and how branches are recorded.
 */
public record ParallelConfig(Integer maxConcurrency, CompletionConfig completionConfig, NestingType nestingType) {

    /** No concurrency limit, every branch runs ({@link CompletionConfig#allCompleted()}), {@link NestingType#NESTED}. */
    public static final ParallelConfig DEFAULT = new ParallelConfig(null, null, null);

    public ParallelConfig {
        if (maxConcurrency != null) {
            Validation.atLeastOne("maxConcurrency", maxConcurrency);
        }
        completionConfig = completionConfig == null ? CompletionConfig.allCompleted() : completionConfig;
        nestingType = nestingType == null ? NestingType.NESTED : nestingType;
    }

    public ParallelConfig withMaxConcurrency(Integer value) {
        return new ParallelConfig(value, completionConfig, nestingType);
    }

    public ParallelConfig withCompletionConfig(CompletionConfig value) {
        return new ParallelConfig(maxConcurrency, value, nestingType);
    }

    public ParallelConfig withNestingType(NestingType value) {
        return new ParallelConfig(maxConcurrency, completionConfig, value);
    }
}
