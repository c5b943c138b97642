package io.leavebot.durable.conformance;

import static java.time.Duration.ofSeconds;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.leavebot.durable.BatchResult;
import io.leavebot.durable.CompletionConfig;
import io.leavebot.durable.NestingType;
import io.leavebot.durable.ParallelBranch;
import io.leavebot.durable.ParallelConfig;
import io.leavebot.durable.SerDes;
import io.leavebot.durable.SerDesException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Handlers of the parallel suite (8-x), written from each case's {@code handler} and {@code invocations} text. */
final class ParallelCases {
    /** Every case but 8-11 runs one branch at a time, so that the history is deterministic. */
    private static final ParallelConfig ONE_AT_A_TIME = ParallelConfig.DEFAULT.withMaxConcurrency(1);

    private ParallelCases() {
    }

    static void register(CaseHandlers cases) {
        cases.add("8-1", Void.class, (input, ctx) -> ctx.parallel("parallel", List.of(
                ParallelBranch.of(String.class, b -> b.step(null, String.class, s -> "task-1")),
                ParallelBranch.of(String.class, b -> b.step(null, String.class, s -> "task-2"))), ONE_AT_A_TIME).succeeded());
        cases.add("8-2", Void.class, (input, ctx) -> ctx.parallel(null, List.of(
                ParallelBranch.of(String.class, b -> "alpha"), ParallelBranch.of(String.class, b -> "beta")), ONE_AT_A_TIME).succeeded());
        cases.add("8-3", Void.class, (input, ctx) -> ctx.parallel("named", List.of(
                ParallelBranch.of("first", String.class, b -> "one"),
                ParallelBranch.of("second", String.class, b -> "two")), ONE_AT_A_TIME).succeeded());
        cases.add("8-4", Void.class, (input, ctx) -> ctx.parallel("hetero", List.of(
                ParallelBranch.of(String.class, b -> "hello"), ParallelBranch.of(Integer.class, b -> 42),
                ParallelBranch.of(Map.class, b -> Map.of("k", "v"))), ONE_AT_A_TIME).succeeded());
        cases.add("8-5", Void.class, (input, ctx) ->
                ctx.parallel("empty", List.<ParallelBranch<String>>of()).succeeded());
        cases.add("8-6", Void.class, (input, ctx) -> project(ctx.parallel("failfast", List.of(ok("ok"), failing(1), ok("never")),
                tolerating(0)), "completionReason", "status", "successCount", "failureCount", "totalCount"));
        cases.add("8-7", Void.class, (input, ctx) -> {
            ctx.parallel("throwing", List.of(failing(0), ok("never")), tolerating(0)).throwIfError();
            return "not reached";
        });
        cases.add("8-8", Void.class, (input, ctx) -> project(ctx.parallel("min-successful",
                List.of(ok("a"), ok("b"), ok("c"), ok("d")),
                ONE_AT_A_TIME.withCompletionConfig(CompletionConfig.minSuccessful(2))), "completionReason", "successCount", "totalCount"));
        cases.add("8-9", Void.class, (input, ctx) -> project(ctx.parallel("tolerated", List.of(ok("a"), failing(1), ok("c")),
                tolerating(1)), "completionReason", "status", "successCount", "failureCount", "totalCount"));
        cases.add("8-10", Void.class, (input, ctx) -> project(ctx.parallel("tolerated-exceeded",
                List.of(failing(0), failing(1), ok("c")), tolerating(1)),
                "completionReason", "successCount", "failureCount", "totalCount"));
        cases.add("8-11", Void.class, (input, ctx) -> ctx.parallel("concurrent", List.of(ok("r0"), ok("r1"), ok("r2")),
                ParallelConfig.DEFAULT.withMaxConcurrency(2)).succeeded());
        cases.add("8-12", Void.class, (input, ctx) -> ctx.parallel("flat", List.of(
                ParallelBranch.of(String.class, b -> b.step(null, String.class, s -> "fa")),
                ParallelBranch.of(String.class, b -> b.step(null, String.class, s -> "fb"))),
                ONE_AT_A_TIME.withNestingType(NestingType.FLAT)).succeeded());
        cases.add("8-13", Void.class, (input, ctx) -> project(ctx.parallel("tolerated-pct",
                List.of(failing(0), failing(1), ok("c"), ok("d")),
                ONE_AT_A_TIME.withCompletionConfig(CompletionConfig.toleratedFailurePercentage(0.25))),
                "completionReason", "successCount", "failureCount", "totalCount"));
        cases.add("8-14", Void.class, (input, ctx) -> ctx.parallel("replay", List.of(
                ParallelBranch.of(String.class, b -> b.step(null, String.class, s -> "b0")),
                ParallelBranch.of(String.class, b -> {
                    b.wait(null, ofSeconds(2));
                    return "b1";
                })), ONE_AT_A_TIME).succeeded());
        cases.add("8-15", Void.class, (input, ctx) -> ctx.parallel("serde", List.of(
                ParallelBranch.of(String.class, b -> "x").withSerDes(new WrappingSerDes()),
                ParallelBranch.of(String.class, b -> "y").withSerDes(new WrappingSerDes())), ONE_AT_A_TIME).succeeded());
    }

    private static ParallelConfig tolerating(int failures) {
        return ONE_AT_A_TIME.withCompletionConfig(CompletionConfig.toleratedFailureCount(failures));
    }

    private static ParallelBranch<String> ok(String result) {
        return ParallelBranch.of(String.class, b -> result);
    }

    private static ParallelBranch<String> failing(int index) {
        return ParallelBranch.of(String.class, b -> {
            throw new IllegalStateException("branch " + index + " failed");
        });
    }

    /** The projection of a batch the cases return: the named properties, in the order given. */
    static Map<String, Object> project(BatchResult<?> batch, String... properties) {
        var all = Map.<String, Object>of("completionReason", batch.completionReason().name(), "status", batch.status().name(),
                "successCount", batch.successCount(), "failureCount", batch.failureCount(), "totalCount", batch.totalCount());
        var projection = new LinkedHashMap<String, Object>();
        for (String property : properties) {
            projection.put(property, all.get(property));
        }
        return projection;
    }

    /** Case 8-15: writes a value v as {@code {"wrapped": v}} and reads that envelope back to v. */
    static final class WrappingSerDes implements SerDes {
        @Override
        public String serialize(Object value) {
            return SuiteJson.MAPPER.createObjectNode().set("wrapped", SuiteJson.MAPPER.valueToTree(value)).toString();
        }

        @Override
        public <T> T deserialize(String text, Class<T> type) {
            try {
                JsonNode envelope = SuiteJson.MAPPER.readTree(text);
                return SuiteJson.MAPPER.treeToValue(envelope.get("wrapped"), type);
            } catch (JsonProcessingException e) {
                throw new SerDesException("not a wrapped value: " + text, e);
            }
        }
    }
}
