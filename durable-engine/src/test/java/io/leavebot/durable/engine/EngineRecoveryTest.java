package io.leavebot.durable.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.leavebot.durable.model.DurableExecution;
import io.leavebot.durable.model.Event;
import io.leavebot.durable.model.ExecutionStatus;
import io.leavebot.durable.testing.EngineHarness;
import io.leavebot.durable.testing.FunctionHandler;
import io.leavebot.durable.testing.HeldInvocation;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Closing the engine and opening a new one on the same file: what was waiting resumes, what was running reruns. */
class EngineRecoveryTest {
    @RegisterExtension
    final EngineHarness engine = new EngineHarness();
    final AtomicInteger stepRuns = new AtomicInteger();

    final FunctionHandler<String, String> remindThenRecord = FunctionHandler.of(String.class, (employee, ctx) -> {
        ctx.wait("reminder-1", Duration.ofHours(24));
        return ctx.step("record-leave", String.class, s -> "recorded " + employee + " #" + stepRuns.incrementAndGet());
    });

    @Test
    void anExecutionWaitingWhenTheEngineClosesResumesWhenItsTimerFiresAfterReopening() {
        engine.register("leave", remindThenRecord);
        String arn = engine.start("leave", "leave-1", "\"ann\"");

        engine.reopen();
        engine.advance(Duration.ofHours(24).minusSeconds(1));
        assertEquals(ExecutionStatus.RUNNING, engine.status(arn));
        engine.advance(Duration.ofSeconds(1));

        DurableExecution done = engine.awaitClosed(arn);
        assertEquals(ExecutionStatus.SUCCEEDED, done.status(), done::toString);
        assertEquals("\"recorded ann #1\"", done.result());
    }

    @Test
    void anInvocationCutOffByTheCloseEndsWithRuntimeExitErrorAndTheExecutionRunsAgain() {
        var cutOff = HeldInvocation.firstThen(remindThenRecord);
        engine.register("leave", cutOff);
        String arn = engine.engine().start("leave", "leave-1", "\"ann\"").durableExecutionArn();
        cutOff.awaitHeld();

        engine.reopen();
        engine.advance(Duration.ofHours(24));

        assertEquals("\"recorded ann #1\"", engine.awaitClosed(arn).result());
        List<Event> events = engine.events(arn);
        assertEquals(List.of("ExecutionStarted", "InvocationCompleted", "WaitStarted", "InvocationCompleted", "WaitSucceeded",
                "StepStarted", "StepSucceeded", "InvocationCompleted", "ExecutionSucceeded"),
                events.stream().map(Event::eventType).toList());
        assertEquals("Runtime.ExitError", EngineHarness.error(events.get(1)).errorType());
        assertEquals(3, cutOff.invocations(), "the cut-off one, the rerun that started the wait, the one after it");
    }

    /**
     * Closing interrupts the invocations still running; a step that gives up when interrupted (a blocking call:
     * SMTP, SQLite, HTTP) must not have that failure recorded, as it would not be in a process that died: the
     * execution would wait for a retry (consuming an attempt) rather than rerun the step at once on reopening.
     */
    @Test
    void aStepInterruptedByTheCloseIsNotRecordedAsFailedAndRerunsAtOnceOnReopening() throws InterruptedException {
        var running = new CountDownLatch(1);
        engine.register("leave", FunctionHandler.of(String.class, (employee, ctx) -> ctx.step("send-mail", String.class, s -> {
            if (stepRuns.incrementAndGet() == 1) {
                running.countDown();
                try {
                    Thread.sleep(60_000);
                } catch (InterruptedException e) {
                    throw new IllegalStateException("the mail server call was interrupted", e);
                }
            }
            return "sent to " + employee;
        })));
        String arn = engine.engine().start("leave", "leave-1", "\"ann\"").durableExecutionArn();
        running.await();

        engine.reopen(); // the clock does not move: a recorded failure would leave the step waiting for its retry

        assertEquals("\"sent to ann\"", engine.awaitClosed(arn).result());
        List<String> types = engine.events(arn).stream().map(Event::eventType).toList();
        assertFalse(types.contains("StepFailed"), types.toString());
        assertEquals(2, stepRuns.get());
    }
}
