package io.leavebot.durable;

import java.util.function.BiFunction;

/**
 * Options of {@code map}: how many iterations may be open at once (null: no limit), when the batch completes, the
 * {@link SerDes} of each iteration's result (null: the handler's), how iterations are recorded, and how they are
 * named ({@code itemNamer} gets the item and its index; null: {@code <map name>-iteration-<index>}).
 */
public record MapConfig(Integer maxConcurrency, CompletionConfig completionConfig, SerDes serDes,
        NestingType nestingType, BiFunction<Object, Integer, String> itemNamer) {

    /** No concurrency limit, every item runs ({@link CompletionConfig#allCompleted()}), {@link NestingType#NESTED}. */
    public static final MapConfig DEFAULT = new MapConfig(null, null, null, null, null);

    public MapConfig {
        if (maxConcurrency != null) {
            Validation.atLeastOne("maxConcurrency", maxConcurrency);
        }
        completionConfig = completionConfig == null ? CompletionConfig.allCompleted() : completionConfig;
        nestingType = nestingType == null ? NestingType.NESTED : nestingType;
        if (itemNamer != null && nestingType == NestingType.FLAT) {
            throw new IllegalArgumentException("itemNamer cannot be used with FLAT nesting: flat iterations are not recorded");
        }
    }

    public MapConfig withMaxConcurrency(Integer value) {
        return new MapConfig(value, completionConfig, serDes, nestingType, itemNamer);
    }

    public MapConfig withCompletionConfig(CompletionConfig value) {
        return new MapConfig(maxConcurrency, value, serDes, nestingType, itemNamer);
    }

    public MapConfig withSerDes(SerDes value) {
        return new MapConfig(maxConcurrency, completionConfig, value, nestingType, itemNamer);
    }

    public MapConfig withNestingType(NestingType value) {
        return new MapConfig(maxConcurrency, completionConfig, serDes, value, itemNamer);
    }

    public MapConfig withItemNamer(BiFunction<Object, Integer, String> value) {
        return new MapConfig(maxConcurrency, completionConfig, serDes, nestingType, value);
    }
}
