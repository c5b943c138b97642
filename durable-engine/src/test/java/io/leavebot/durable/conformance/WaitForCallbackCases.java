package io.leavebot.durable.conformance;

import static java.time.Duration.ofSeconds;

import io.leavebot.durable.CallbackConfig;
import io.leavebot.durable.CallbackFailedException;
import io.leavebot.durable.CallbackSubmitter;
import io.leavebot.durable.RetryStrategies;
import io.leavebot.durable.StepConfig;
import io.leavebot.durable.WaitForCallbackConfig;

/** Handlers of the wait-for-callback suite (7-x), written from each case's {@code handler} and {@code invocations} text. */
final class WaitForCallbackCases {
    /** The submitters of these cases receive the callback id and do nothing durable with it. */
    private static final CallbackSubmitter HAND_OUT = (callbackId, step) -> step.logger().info("callback id: %s", callbackId);

    private WaitForCallbackCases() {
    }

    record Decision(String status) {
    }

    static void register(CaseHandlers cases) {
        cases.add("7-1", String.class, (name, ctx) -> ctx.waitForCallback(name, String.class, HAND_OUT));
        cases.add("7-2", Void.class, (input, ctx) -> ctx.waitForCallback("approval", String.class, HAND_OUT));
        cases.add("7-3", Void.class, (input, ctx) -> ctx.waitForCallback(null, String.class, HAND_OUT));
        cases.add("7-4", String.class, (name, ctx) -> ctx.waitForCallback(name, String.class, HAND_OUT));
        cases.add("7-5", String.class, (name, ctx) -> ctx.waitForCallback(name, String.class, HAND_OUT,
                WaitForCallbackConfig.of(CallbackConfig.timeout(ofSeconds(3)))));
        cases.add("7-6", String.class, (name, ctx) -> {
            try {
                return ctx.waitForCallback(name, String.class, HAND_OUT);
            } catch (CallbackFailedException e) {
                return "recovered";
            }
        });
        cases.add("7-7", String.class, (name, ctx) -> ctx.waitForCallback(name, String.class, (callbackId, step) -> {
            throw new IllegalStateException("submitter attempt " + step.attempt() + " failed");
        }, WaitForCallbackConfig.DEFAULT.withSubmitterConfig(StepConfig.retrying(RetryStrategies.fixedDelay(2, ofSeconds(1))))));
        cases.add("7-8", String.class, (name, ctx) -> ctx.runInChildContext("wrapper", String.class,
                child -> child.waitForCallback(name, String.class, HAND_OUT)));
        cases.add("7-9", Void.class, (input, ctx) -> {
            ctx.waitForCallback("first", String.class, HAND_OUT);
            return ctx.waitForCallback("second", String.class, HAND_OUT);
        });
        cases.add("7-10", String.class, (name, ctx) -> {
            ctx.wait(null, ofSeconds(1));
            ctx.step(null, String.class, step -> "fixed data");
            return ctx.waitForCallback(name, String.class, HAND_OUT);
        });
        cases.add("7-11", String.class, (name, ctx) -> ctx.waitForCallback(name, Decision.class, HAND_OUT).status());
    }
}
