package io.leavebot.durable.conformance;

import static java.time.Duration.ofSeconds;

import io.leavebot.durable.CallbackConfig;
import io.leavebot.durable.CallbackFailedException;
import io.leavebot.durable.CallbackTimeoutException;

/** Handlers of the callback suite (4-x), written from each case's {@code handler} and {@code invocations} text. */
final class CallbackCases {
    private CallbackCases() {
    }

    static void register(CaseHandlers cases) {
        cases.add("4-1", String.class, (name, ctx) -> ctx.createCallback(name, String.class).get());
        cases.add("4-2", Void.class, (input, ctx) -> ctx.createCallback("approval", String.class).get());
        cases.add("4-3", String.class, (name, ctx) ->
                ctx.createCallback(name, String.class, CallbackConfig.timeout(ofSeconds(5))).get());
        cases.add("4-4", String.class, (name, ctx) ->
                ctx.createCallback(name, String.class, CallbackConfig.DEFAULT.withHeartbeatTimeout(ofSeconds(5))).get());
        cases.add("4-5", String.class, (name, ctx) ->
                ctx.createCallback(name, String.class, CallbackConfig.DEFAULT.withHeartbeatTimeout(ofSeconds(10))).get());
        cases.add("4-6", String.class, (name, ctx) -> ctx.createCallback(name, String.class).get());
        cases.add("4-7", String.class, (name, ctx) -> {
            var callback = ctx.createCallback(name, String.class);
            ctx.step(null, String.class, step -> "step done");
            return callback.get();
        });
        cases.add("4-8", String.class, (name, ctx) -> {
            var callback = ctx.createCallback(name, String.class, CallbackConfig.timeout(ofSeconds(5)));
            ctx.step(null, String.class, step -> "step done");
            return callback.get();
        });
        cases.add("4-9", String.class, (name, ctx) -> {
            var callback = ctx.createCallback(name, String.class);
            ctx.wait(null, ofSeconds(5));
            return callback.get();
        });
        cases.add("4-10", String.class, (name, ctx) -> {
            var callback = ctx.createCallback(name, String.class);
            ctx.wait(null, ofSeconds(5));
            return callback.get();
        });
        cases.add("4-11", String.class, (name, ctx) -> {
            var callback = ctx.createCallback(name, String.class, CallbackConfig.timeout(ofSeconds(3)));
            ctx.wait(null, ofSeconds(6));
            return callback.get();
        });
        cases.add("4-12", String.class, (name, ctx) -> {
            String result = ctx.createCallback(name, String.class).get();
            ctx.wait(null, ofSeconds(2));
            return result;
        });
        cases.add("4-13", String.class, (name, ctx) -> {
            String message;
            try {
                message = ctx.createCallback(name, String.class).get();
            } catch (CallbackFailedException e) {
                message = "callback failed: " + e.errorMessage();
            }
            ctx.wait(null, ofSeconds(2));
            return message;
        });
        cases.add("4-14", String.class, (name, ctx) -> {
            String message;
            try {
                message = ctx.createCallback(name, String.class, CallbackConfig.timeout(ofSeconds(3))).get();
            } catch (CallbackTimeoutException e) {
                message = "callback timed out: " + e.errorType();
            }
            ctx.wait(null, ofSeconds(2));
            return message;
        });
    }
}
