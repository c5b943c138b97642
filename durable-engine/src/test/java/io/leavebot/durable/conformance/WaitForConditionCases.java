package io.leavebot.durable.conformance;

import static java.time.Duration.ofSeconds;

import io.leavebot.durable.DurableContext;
import io.leavebot.durable.WaitForConditionConfig;
import io.leavebot.durable.WaitForConditionFailedException;
import io.leavebot.durable.WaitForConditionResult;
import io.leavebot.durable.WaitStrategies;

/**
 * Handlers of the wait_for_condition suite (6-x), written from each case's {@code handler} and {@code invocations}
 * text. Where a case leaves the delay open, the default wait strategy runs (the test clock makes its delays free).
 */
final class WaitForConditionCases {
    private WaitForConditionCases() {
    }

    record Job(String status, int attempts) {
    }

    static void register(CaseHandlers cases) {
        cases.add("6-1", Integer.class, (threshold, ctx) -> countUpTo(ctx, null, threshold, WaitForConditionConfig.startingWith(0)));
        cases.add("6-2", Integer.class, (threshold, ctx) -> ctx.waitForCondition(null, Integer.class,
                (state, step) -> state >= threshold ? WaitForConditionResult.stopPolling(state)
                        : WaitForConditionResult.continuePolling(state),
                WaitForConditionConfig.startingWith(5)));
        cases.add("6-3", Integer.class, (threshold, ctx) ->
                countUpTo(ctx, "poll-status", threshold, WaitForConditionConfig.startingWith(0)));
        cases.add("6-4", Integer.class, (threshold, ctx) -> countUpTo(ctx, null, threshold, WaitForConditionConfig.startingWith(5)));
        cases.add("6-5", Integer.class, (threshold, ctx) -> countUpTo(ctx, null, threshold,
                WaitForConditionConfig.startingWith(0).withWaitStrategy(WaitStrategies.fixedDelay(Integer.MAX_VALUE, ofSeconds(2)))));
        cases.add("6-6", Integer.class, (input, ctx) -> countUpTo(ctx, null, Integer.MAX_VALUE,
                WaitForConditionConfig.startingWith(0).withWaitStrategy(WaitStrategies.fixedDelay(3, ofSeconds(2)))));
        cases.add("6-7", Void.class, (input, ctx) -> checkThatThrows(ctx));
        cases.add("6-8", Void.class, (input, ctx) -> {
            try {
                return checkThatThrows(ctx);
            } catch (WaitForConditionFailedException e) {
                return "recovered";
            }
        });
        cases.add("6-9", Void.class, (input, ctx) -> ctx.waitForCondition(null, Job.class, (job, step) -> {
            int attempts = job.attempts() + 1;
            var next = new Job(attempts >= 2 ? "DONE" : "PENDING", attempts);
            return next.status().equals("PENDING") ? WaitForConditionResult.continuePolling(next)
                    : WaitForConditionResult.stopPolling(next);
        }, WaitForConditionConfig.startingWith(new Job("PENDING", 0))));
    }

    /** Adds 1 to the state on each check and stops once it reaches {@code threshold}. */
    private static Integer countUpTo(DurableContext ctx, String name, int threshold,
            WaitForConditionConfig<Integer> config) {
        return ctx.waitForCondition(name, Integer.class, (state, step) -> {
            int next = state + 1;
            return next >= threshold ? WaitForConditionResult.stopPolling(next) : WaitForConditionResult.continuePolling(next);
        }, config);
    }

    private static String checkThatThrows(DurableContext ctx) {
        return ctx.waitForCondition(null, String.class, (state, step) -> {
            throw new IllegalStateException("the status service is unreachable");
        }, WaitForConditionConfig.startingWith("unknown"));
    }
}
