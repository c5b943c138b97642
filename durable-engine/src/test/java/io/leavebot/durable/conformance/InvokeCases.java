package io.leavebot.durable.conformance;

import static java.time.Duration.ofSeconds;

import io.leavebot.durable.InvokeConfig;
import io.leavebot.durable.InvokeException;

/**
 * Handlers of the chained-invoke suite (5-x), written from each case's {@code handler} and {@code invocations} text,
 * and the two functions they invoke: {@value #ECHO} returns its input, {@value #FAILING} throws.
 */
final class InvokeCases {
    static final String ECHO = "conformance-echo";
    static final String FAILING = "conformance-failing";

    private InvokeCases() {
    }

    record NamedPayload(String name, String payload) {
    }

    record TenantPayload(String tenantId, String payload) {
    }

    static void register(CaseHandlers cases) {
        cases.addTarget(ECHO, Object.class, (input, ctx) -> input);
        cases.addTarget(FAILING, Object.class, (input, ctx) -> {
            throw new IllegalStateException("the target function failed on purpose");
        });
        cases.add("5-1", String.class, (input, ctx) -> ctx.invoke("invoke-basic", ECHO, input, String.class));
        cases.add("5-2", NamedPayload.class, (input, ctx) -> ctx.invoke(input.name(), ECHO, input.payload(), String.class));
        cases.add("5-3", Object.class, (input, ctx) -> ctx.invoke("invoke-complex", ECHO, input, Object.class));
        cases.add("5-4", Object.class, (input, ctx) -> ctx.invoke("invoke-null", ECHO, null, Object.class));
        cases.add("5-5", Object.class, (input, ctx) -> ctx.invoke("invoke-failing", FAILING, null, String.class));
        cases.add("5-6", Object.class, (input, ctx) -> {
            try {
                return ctx.invoke("invoke-failing", FAILING, null, String.class);
            } catch (InvokeException e) {
                return "fallback";
            }
        });
        cases.add("5-7", Object.class, (input, ctx) -> {
            String result = ctx.invoke("invoke-large", ECHO, "x".repeat(200_000), String.class);
            return result.length();
        });
        cases.add("5-8", TenantPayload.class, (input, ctx) ->
                ctx.invoke("invoke-tenant", ECHO, input.payload(), String.class, InvokeConfig.tenant(input.tenantId())));
        cases.add("5-9", Object.class, (input, ctx) -> {
            String result = ctx.invoke("invoke-cached", ECHO, "cached", String.class);
            ctx.wait(null, ofSeconds(1));
            return result;
        });
        cases.add("5-10", Object.class, (input, ctx) -> {
            String message;
            try {
                message = ctx.invoke("invoke-failing", FAILING, null, String.class);
            } catch (InvokeException e) {
                message = "caught: " + e.errorType();
            }
            ctx.wait(null, ofSeconds(1));
            return message;
        });
        cases.add("5-11", Object.class, (input, ctx) -> {
            String prepared = ctx.step("prepare", String.class, step -> "prepared");
            return ctx.invoke("invoke-after-step", ECHO, prepared, String.class);
        });
    }
}
