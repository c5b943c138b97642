package io.leavebot.durable.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.leavebot.durable.CallbackConfig;
import io.leavebot.durable.DurableFuture;
import io.leavebot.durable.WaitForCallbackConfig;
import io.leavebot.durable.model.DurableExecution;
import io.leavebot.durable.model.ExecutionStatus;
import io.leavebot.durable.testing.EngineHarness;
import io.leavebot.durable.testing.FunctionHandler;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Whole executions on the engine: step, wait and callback to completion, replay across state pages, and anyOf
 * choosing the same winner on every replay. State pages hold three operations here, so every replay below
 * pages through {@code getExecutionState}.
 */
class EmbeddedEngineTest {
    static final Duration REMINDER = Duration.ofHours(24);

    @RegisterExtension
    final EngineHarness engine = new EngineHarness(builder -> builder.statePageSize(3));
    final AtomicInteger stepRuns = new AtomicInteger();

    @Test
    void stepWaitAndCallbackRunToCompletion() {
        engine.register("greeter", FunctionHandler.of(String.class, (name, ctx) -> {
            String greeting = ctx.step("greet", String.class, s -> "hello " + name + " #" + stepRuns.incrementAndGet());
            ctx.wait("pause", Duration.ofSeconds(10));
            var approval = ctx.createCallback("approval", String.class, CallbackConfig.timeout(Duration.ofHours(1)));
            return greeting + " / " + approval.get();
        }));
        String arn = engine.start("greeter", "g-1", "\"ann\"");
        assertEquals(ExecutionStatus.RUNNING, engine.status(arn));

        engine.advance(Duration.ofSeconds(10));
        engine.engine().succeedCallback(engine.callbackId(arn, "approval"), "\"yes\"");

        DurableExecution done = engine.awaitClosed(arn);
        assertEquals(ExecutionStatus.SUCCEEDED, done.status(), done::toString);
        assertEquals("\"hello ann #1 / yes\"", done.result());
        assertEquals(1, stepRuns.get());
    }

    @Test
    void tenCompletedStepsReplayFromPagesOfThreeOperations() {
        engine.register("count", FunctionHandler.of(Integer.class, (n, ctx) -> {
            int sum = IntStream.rangeClosed(1, n)
                    .map(i -> ctx.step("add-" + i, Integer.class, s -> {
                        stepRuns.incrementAndGet();
                        return i;
                    }))
                    .sum();
            ctx.wait("pause", Duration.ofMinutes(1));
            return ctx.step("total", Integer.class, s -> sum);
        }));
        String arn = engine.start("count", "count-1", "10");

        engine.advance(Duration.ofMinutes(1));

        DurableExecution done = engine.awaitClosed(arn);
        assertEquals(ExecutionStatus.SUCCEEDED, done.status(), done::toString);
        assertEquals("55", done.result());
        assertEquals(10, stepRuns.get(), "each step ran once; the replay read all ten from the paged state");
    }

    @Test
    void anApprovalAfterTheReminderReplaysWithTheReminderAsTheWinner() {
        engine.register("leave", approvalRacingAReminder());
        String arn = engine.start("leave", "leave-1", "\"ann\"");
        engine.advance(REMINDER);
        assertEquals(1, stepRuns.get(), "the reminder went out");

        engine.advance(Duration.ofHours(1));
        engine.engine().succeedCallback(engine.callbackId(arn, "manager-approval-callback"), "\"yes\"");

        DurableExecution done = engine.awaitClosed(arn);
        assertEquals(ExecutionStatus.SUCCEEDED, done.status(), done::toString);
        assertEquals("\"approved yes after 1 reminder\"", done.result());
        assertEquals(1, stepRuns.get());
    }

    @Test
    void anApprovalBeforeTheReminderWinsAndNoReminderGoesOut() {
        engine.register("leave", approvalRacingAReminder());
        String arn = engine.start("leave", "leave-1", "\"ann\"");

        engine.advance(REMINDER.minusSeconds(1));
        engine.engine().succeedCallback(engine.callbackId(arn, "manager-approval-callback"), "\"yes\"");

        DurableExecution done = engine.awaitClosed(arn);
        assertEquals(ExecutionStatus.SUCCEEDED, done.status(), done::toString);
        assertEquals("\"approved yes after 0 reminders\"", done.result());
        assertEquals(0, stepRuns.get());
        assertFalse(engine.history(arn).contains("WaitSucceeded"));
    }

    /** Waits for the manager's approval; if the reminder wait ends first, sends one reminder, then keeps waiting. */
    private FunctionHandler<String, String> approvalRacingAReminder() {
        return FunctionHandler.of(String.class, (employee, ctx) -> {
            var approval = ctx.waitForCallbackAsync("manager-approval", String.class, (id, step) -> { },
                    WaitForCallbackConfig.DEFAULT);
            var reminder = ctx.waitAsync("reminder-1", REMINDER);
            int reminders = 0;
            if (DurableFuture.anyOf(approval, reminder) == reminder) {
                ctx.step("send-reminder", Void.class, s -> {
                    stepRuns.incrementAndGet();
                    return null;
                });
                reminders = 1;
            }
            return "approved " + approval.get() + " after " + reminders + (reminders == 1 ? " reminder" : " reminders");
        });
    }
}
