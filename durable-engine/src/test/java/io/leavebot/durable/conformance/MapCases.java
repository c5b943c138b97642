package io.leavebot.durable.conformance;

import static io.leavebot.durable.conformance.ParallelCases.project;

import io.leavebot.durable.CompletionConfig;
import io.leavebot.durable.MapConfig;
import io.leavebot.durable.MapFunction;
import io.leavebot.durable.NestingType;
import io.leavebot.durable.SerDes;
import io.leavebot.durable.SerDesException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** Handlers of the map suite (9-x), written from each case's {@code handler} and {@code invocations} text. */
final class MapCases {
    /** Every case but 9-11 runs one item at a time, so that the history is deterministic. */
    private static final MapConfig ONE_AT_A_TIME = MapConfig.DEFAULT.withMaxConcurrency(1);
    /** Items named "fail…" throw; the others return their own value. */
    private static final MapFunction<String, String> ECHO_OR_FAIL = (item, index, ctx) -> {
        if (item.startsWith("fail")) {
            throw new IllegalStateException("item " + index + " failed");
        }
        return item;
    };

    private MapCases() {
    }

    static void register(CaseHandlers cases) {
        cases.add("9-1", String[].class, (names, ctx) -> ctx.map("map", Arrays.asList(names), String.class,
                (name, index, it) -> it.step(null, String.class, s -> "Hello, " + name + "!"), ONE_AT_A_TIME).succeeded());
        cases.add("9-2", Integer[].class, (numbers, ctx) -> ctx.map(null, Arrays.asList(numbers), Integer.class,
                (n, index, it) -> n * 2, ONE_AT_A_TIME).succeeded());
        cases.add("9-3", Integer[].class, (numbers, ctx) -> ctx.map("indexed", Arrays.asList(numbers), Integer.class,
                (n, index, it) -> n + index, ONE_AT_A_TIME).succeeded());
        cases.add("9-4", String[].class, (none, ctx) -> ctx.map("empty", Arrays.asList(none), String.class,
                (item, index, it) -> item).succeeded());
        cases.add("9-5", Void.class, (input, ctx) -> project(ctx.map("failfast", List.of("ok", "fail", "never"), String.class,
                ECHO_OR_FAIL, tolerating(0)), "completionReason", "status", "successCount", "failureCount", "totalCount"));
        cases.add("9-6", Void.class, (input, ctx) -> {
            ctx.map("throwing", List.of("fail", "never"), String.class, ECHO_OR_FAIL, tolerating(0)).throwIfError();
            return "not reached";
        });
        cases.add("9-7", Void.class, (input, ctx) -> project(ctx.map("min-successful", List.of("a", "b", "c", "d"), String.class,
                ECHO_OR_FAIL, ONE_AT_A_TIME.withCompletionConfig(CompletionConfig.minSuccessful(2))),
                "completionReason", "successCount", "totalCount"));
        cases.add("9-8", Void.class, (input, ctx) -> project(ctx.map("tolerated", List.of("a", "fail", "c"), String.class,
                ECHO_OR_FAIL, tolerating(1)), "completionReason", "status", "successCount", "failureCount", "totalCount"));
        cases.add("9-9", Void.class, (input, ctx) -> project(ctx.map("tolerated-exceeded", List.of("fail-0", "fail-1", "c"),
                String.class, ECHO_OR_FAIL, tolerating(1)), "completionReason", "successCount", "failureCount", "totalCount"));
        cases.add("9-10", Void.class, (input, ctx) -> project(ctx.map("tolerated-pct", List.of("fail-0", "fail-1", "c", "d"),
                String.class, ECHO_OR_FAIL, ONE_AT_A_TIME.withCompletionConfig(CompletionConfig.toleratedFailurePercentage(0.25))),
                "completionReason", "successCount", "failureCount", "totalCount"));
        cases.add("9-11", Void.class, (input, ctx) -> ctx.map("concurrent", List.of("r0", "r1", "r2"), String.class,
                ECHO_OR_FAIL, MapConfig.DEFAULT.withMaxConcurrency(2)).succeeded());
        cases.add("9-12", Void.class, (input, ctx) -> ctx.map("flat", List.of("fa", "fb"), String.class,
                (item, index, it) -> it.step(null, String.class, s -> item),
                ONE_AT_A_TIME.withNestingType(NestingType.FLAT)).succeeded());
        cases.add("9-13", Integer[].class, (numbers, ctx) -> ctx.map("named-items", Arrays.asList(numbers), Integer.class,
                (n, index, it) -> n * 10, ONE_AT_A_TIME.withItemNamer((item, index) -> "item-" + item)).succeeded());
        cases.add("9-14", Void.class, (input, ctx) -> ctx.map("serdes", List.of("x", "y"), String.class,
                (item, index, it) -> item.toUpperCase(Locale.ROOT), ONE_AT_A_TIME.withSerDes(new PrefixSerDes())).succeeded());
    }

    private static MapConfig tolerating(int failures) {
        return ONE_AT_A_TIME.withCompletionConfig(CompletionConfig.toleratedFailureCount(failures));
    }

    /** Case 9-14: writes a string v as {@code wrapped:v} (not JSON) and reads it back to v. */
    static final class PrefixSerDes implements SerDes {
        private static final String PREFIX = "wrapped:";

        @Override
        public String serialize(Object value) {
            return value == null ? null : PREFIX + value;
        }

        @Override
        public <T> T deserialize(String text, Class<T> type) {
            if (text == null) {
                return null;
            }
            if (!text.startsWith(PREFIX)) {
                throw new SerDesException("not a wrapped value: " + text, null);
            }
            return type.cast(text.substring(PREFIX.length()));
        }
    }
}
