package io.leavebot.durable.conformance;

import static java.time.Duration.ofSeconds;

import java.time.Duration;

/** Handlers of the wait suite (2-x), written from each case's {@code handler} and {@code invocations} text. */
final class WaitCases {
    private WaitCases() {
    }

    record WaitSummary(int completedWaits) {
    }

    static void register(CaseHandlers cases) {
        cases.add("2-1", Void.class, (input, ctx) -> {
            ctx.wait(null, ofSeconds(2));
            return null;
        });
        cases.add("2-2", Void.class, (input, ctx) -> {
            ctx.wait("custom_wait_name", ofSeconds(2));
            return null;
        });
        cases.add("2-3", Void.class, (input, ctx) -> {
            ctx.wait("wait-1", ofSeconds(2));
            ctx.wait("wait-2", ofSeconds(2));
            return new WaitSummary(2);
        });
        cases.add("2-4", Void.class, (input, ctx) -> {
            ctx.wait(null, Duration.ofMinutes(1));
            return null;
        });
    }
}
