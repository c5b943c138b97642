package io.leavebot.durable.operation;

import static io.leavebot.durable.model.InvocationStatus.FAILED;
import static io.leavebot.durable.model.InvocationStatus.PENDING;
import static io.leavebot.durable.model.InvocationStatus.SUCCEEDED;
import static io.leavebot.durable.testing.DurableInvoker.invoke;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.leavebot.durable.NonDeterministicExecutionException;
import io.leavebot.durable.RetryStrategies;
import io.leavebot.durable.StepConfig;
import io.leavebot.durable.StepFailedException;
import io.leavebot.durable.testing.FunctionHandler;
import io.leavebot.durable.testing.InMemoryDurableService;
import io.leavebot.durable.testing.LogCapture;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class ReplayTest {
    private static final Duration PAUSE = Duration.ofSeconds(5);
    private final InMemoryDurableService service = new InMemoryDurableService("\"ann\"");

    @Test
    void completedStepIsNotRunAgainAndReturnsItsRecordedValue() {
        var runs = new AtomicInteger();
        var handler = FunctionHandler.of(String.class, (name, ctx) -> {
            String greeting = ctx.step("greet", String.class, s -> "hello " + name + " #" + runs.incrementAndGet());
            ctx.wait("pause", PAUSE);
            return greeting;
        });

        assertEquals(PENDING, invoke(handler, service).status());
        int requestsBefore = service.requests().size();
        service.advance(PAUSE);
        var output = invoke(handler, service);

        assertEquals(SUCCEEDED, output.status());
        assertEquals("\"hello ann #1\"", output.result());
        assertEquals(1, runs.get());
        assertEquals(requestsBefore, service.requests().size(), "the replaying invocation sent no checkpoint");
    }

    record LeaveRecord(String id, LocalDate from, int days) {
    }

    @Test
    void replayedStepResultIsReadBackAsItsType() {
        var seen = new ArrayList<LeaveRecord>();
        var handler = FunctionHandler.of(String.class, (name, ctx) -> {
            seen.add(ctx.step("record", LeaveRecord.class, s -> new LeaveRecord("L-7", LocalDate.of(2026, 3, 2), 5)));
            ctx.wait("pause", PAUSE);
            return "done";
        });

        invoke(handler, service);
        service.advance(PAUSE);
        invoke(handler, service);

        var expected = new LeaveRecord("L-7", LocalDate.of(2026, 3, 2), 5);
        assertEquals(List.of(expected, expected), seen, "first run and replay see equal values");
        assertEquals("{\"id\":\"L-7\",\"from\":\"2026-03-02\",\"days\":5}",
                service.operation("record").stepDetails().result());
    }

    @Test
    void failedStepRethrowsItsRecordedErrorWithoutRunningAgain() {
        var runs = new AtomicInteger();
        var handler = FunctionHandler.of(String.class, (name, ctx) -> {
            String outcome;
            try {
                ctx.step("charge", String.class, s -> {
                    runs.incrementAndGet();
                    throw new IllegalStateException("card declined");
                }, StepConfig.retrying(RetryStrategies.NO_RETRY));
                outcome = "charged";
            } catch (StepFailedException e) {
                outcome = e.operationName() + " -> " + e.errorType() + ": " + e.errorMessage();
            }
            ctx.wait("pause", PAUSE);
            return outcome;
        });

        invoke(handler, service);
        service.advance(PAUSE);
        var output = invoke(handler, service);

        assertEquals("\"charge -> java.lang.IllegalStateException: card declined\"", output.result());
        assertEquals(1, runs.get());
    }

    @Test
    void renamingAStepUnderARunningExecutionFailsAndShowsExpectedAndActual() {
        var stepName = new AtomicReference<>("record-leave");
        var handler = FunctionHandler.of(String.class, (name, ctx) -> {
            ctx.step(stepName.get(), String.class, s -> "recorded");
            ctx.wait("pause", PAUSE);
            return "done";
        });

        invoke(handler, service);
        service.advance(PAUSE);
        stepName.set("save-leave");
        var output = invoke(handler, service);

        assertEquals(FAILED, output.status());
        assertEquals(NonDeterministicExecutionException.class.getName(), output.error().errorType());
        assertTrue(output.error().errorMessage().startsWith("operation #1 of the handler was recorded as STEP "
                + "'record-leave' (Step) but the code now asks for STEP 'save-leave' (Step)"), output.error().errorMessage());
    }

    @Test
    void replacingAStepWithAWaitAtTheSamePositionIsNonDeterministic() {
        var useWait = new AtomicReference<>(false);
        var handler = FunctionHandler.of(String.class, (name, ctx) -> {
            if (useWait.get()) {
                ctx.wait("send-receipt", PAUSE);
            } else {
                ctx.step("send-receipt", String.class, s -> "sent");
            }
            ctx.wait("pause", PAUSE);
            return "done";
        });

        invoke(handler, service);
        service.advance(PAUSE);
        useWait.set(true);
        var output = invoke(handler, service);

        assertEquals(NonDeterministicExecutionException.class.getName(), output.error().errorType());
        assertTrue(output.error().errorMessage().contains("recorded as STEP 'send-receipt' (Step) but the code now asks "
                + "for WAIT 'send-receipt' (Wait)"), output.error().errorMessage());
    }

    @Test
    void isReplayingIsTrueUntilTheLastRecordedOperationThenFalse() {
        var seen = new ArrayList<String>();
        var handler = FunctionHandler.of(String.class, (name, ctx) -> {
            seen.add("start " + ctx.isReplaying());
            ctx.step("a", String.class, s -> "a");
            seen.add("after a " + ctx.isReplaying());
            ctx.wait("pause", PAUSE);
            seen.add("after pause " + ctx.isReplaying());
            ctx.step("b", String.class, s -> "b");
            seen.add("after b " + ctx.isReplaying());
            return "done";
        });

        invoke(handler, service);
        assertEquals(List.of("start false", "after a false"), seen);
        seen.clear();
        service.advance(PAUSE);
        invoke(handler, service);

        assertEquals(List.of("start true", "after a true", "after pause false", "after b false"), seen);
    }

    @Test
    void replayAwareLoggerPrintsEachLineOncePerExecution() {
        var handler = FunctionHandler.of(String.class, (name, ctx) -> {
            ctx.logger().info("leave requested by %s", name);
            ctx.step("record", String.class, s -> "recorded");
            ctx.logger().info("recorded");
            ctx.wait("pause", PAUSE);
            ctx.logger().info("pause over");
            return "done";
        });

        try (var logs = LogCapture.of(FunctionHandler.class.getName())) {
            invoke(handler, service);
            service.advance(PAUSE);
            invoke(handler, service);

            assertEquals(List.of("leave requested by ann", "recorded", "pause over"), logs.messages());
        }
    }
}
