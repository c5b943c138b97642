package io.leavebot.durable.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.leavebot.durable.RetryStrategies;
import io.leavebot.durable.StepConfig;
import io.leavebot.durable.model.ErrorObject;
import io.leavebot.durable.model.Event;
import io.leavebot.durable.model.ExecutionStatus;
import io.leavebot.durable.testing.EngineHarness;
import io.leavebot.durable.testing.FunctionHandler;
import java.io.OutputStream;
import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Waits, step retries and invocation retries fall due at the right virtual time, and not a second before. */
class EngineTimersTest {
    @RegisterExtension
    final EngineHarness engine = new EngineHarness();
    final AtomicInteger attempts = new AtomicInteger();

    @Test
    void aWaitEndsAtItsScheduledTimeAndNotBefore() {
        engine.register("remind", FunctionHandler.of(String.class, (employee, ctx) -> {
            ctx.wait("reminder-1", Duration.ofHours(24));
            return ctx.step("send-reminder", String.class, s -> "reminded " + employee);
        }));
        String arn = engine.start("remind", "remind-1", "\"ann\"");

        engine.advance(Duration.ofHours(24).minusSeconds(1));
        assertEquals(ExecutionStatus.RUNNING, engine.status(arn));
        assertFalse(engine.history(arn).contains("WaitSucceeded"));

        engine.advance(Duration.ofSeconds(1));
        assertEquals("\"reminded ann\"", engine.awaitClosed(arn).result());
    }

    @Test
    void aFailedStepIsRetriedWhenItsDelayHasPassedAndNotBefore() {
        var retryAfterTenSeconds = StepConfig.retrying(RetryStrategies.fixedDelay(2, Duration.ofSeconds(10)));
        engine.register("record", FunctionHandler.of(String.class, (employee, ctx) -> ctx.step("record-leave", String.class, s -> {
            if (attempts.incrementAndGet() == 1) {
                throw new IllegalStateException("store unavailable");
            }
            return "recorded " + employee + " on attempt " + s.attempt();
        }, retryAfterTenSeconds)));
        String arn = engine.start("record", "record-1", "\"ann\"");

        engine.advance(Duration.ofSeconds(9));
        assertEquals(1, attempts.get());
        assertEquals(ExecutionStatus.RUNNING, engine.status(arn));

        engine.advance(Duration.ofSeconds(1));
        assertEquals("\"recorded ann on attempt 2\"", engine.awaitClosed(arn).result());
        assertEquals(2, attempts.get());
    }

    /** Invocations that end without an answer: the handler throws an exception or an Error, or answers no Status. */
    static Stream<Arguments> brokenInvocations() {
        return Stream.of(
                Arguments.of(IllegalStateException.class.getName(), "database is down", (Consumer<OutputStream>) out -> {
                    throw new IllegalStateException("database is down");
                }),
                Arguments.of(AssertionError.class.getName(), "database is down", (Consumer<OutputStream>) out -> {
                    throw new AssertionError("database is down");
                }),
                Arguments.of(IllegalStateException.class.getName(),
                        "the handler answered without a Status (SUCCEEDED, FAILED or PENDING)",
                        (Consumer<OutputStream>) out -> new PrintStream(out).print("{\"Result\":\"done\"}")));
    }

    @ParameterizedTest
    @MethodSource("brokenInvocations")
    void anInvocationThatEndsWithoutAnAnswerIsRetriedWithBackoffThenFailsTheExecution(String errorType, String message,
            Consumer<OutputStream> handler) {
        engine.register("broken", (in, out, context) -> {
            attempts.incrementAndGet();
            handler.accept(out);
        });
        String arn = engine.start("broken", "broken-1", "{}");

        engine.advance(Duration.ofMillis(999));
        assertEquals(1, attempts.get(), "the first retry waits a second");
        engine.advance(Duration.ofMillis(1));
        engine.advance(Duration.ofMillis(1999));
        assertEquals(2, attempts.get(), "the second retry waits two seconds");
        engine.advance(Duration.ofMillis(1));

        assertEquals(ExecutionStatus.FAILED, engine.status(arn));
        assertEquals(ErrorObject.of(errorType, message), withoutStackTrace(engine.engine().getExecution(arn).error()));
        List<Event> events = engine.events(arn);
        assertEquals(List.of("ExecutionStarted", "InvocationCompleted", "InvocationCompleted", "InvocationCompleted",
                "ExecutionFailed"), events.stream().map(Event::eventType).toList());
        assertEquals(ErrorObject.of(errorType, message), EngineHarness.error(events.get(1)));
    }

    private static ErrorObject withoutStackTrace(ErrorObject error) {
        return ErrorObject.of(error.errorType(), error.errorMessage());
    }
}
