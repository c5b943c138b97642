package io.leavebot.durable.operation;

import static io.leavebot.durable.model.InvocationStatus.FAILED;
import static io.leavebot.durable.model.InvocationStatus.PENDING;
import static io.leavebot.durable.model.InvocationStatus.SUCCEEDED;
import static io.leavebot.durable.testing.DurableInvoker.invoke;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.leavebot.durable.JitterStrategy;
import io.leavebot.durable.RetryStrategies;
import io.leavebot.durable.RetryStrategy;
import io.leavebot.durable.StepConfig;
import io.leavebot.durable.StepInterruptedException;
import io.leavebot.durable.StepSemantics;
import io.leavebot.durable.execution.OperationIds;
import io.leavebot.durable.model.Operation;
import io.leavebot.durable.model.Operation.StepDetails;
import io.leavebot.durable.model.OperationAction;
import io.leavebot.durable.model.OperationStatus;
import io.leavebot.durable.model.OperationType;
import io.leavebot.durable.model.SubType;
import io.leavebot.durable.testing.FunctionHandler;
import io.leavebot.durable.testing.InMemoryDurableService;
import io.leavebot.durable.testing.LogCapture;
import io.leavebot.durable.testing.SimulatedCrash;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class StepOperationTest {
    private static final Duration DELAY = Duration.ofSeconds(30);
    private static final RetryStrategy THREE_TRIES = RetryStrategies.fixedDelay(3, DELAY);
    private static final StepConfig AT_MOST_ONCE = StepConfig.retrying(RetryStrategies.NO_RETRY)
            .withSemantics(StepSemantics.AT_MOST_ONCE_PER_RETRY);

    private final InMemoryDurableService service = new InMemoryDurableService("\"ann\"");

    @Test
    void failingAttemptSendsRetryWithTheDelayAndSuspends() {
        var handler = FunctionHandler.of(String.class, (in, ctx) -> ctx.step("notify", String.class, s -> {
            throw new IllegalStateException("smtp down");
        }, StepConfig.retrying(THREE_TRIES)));

        var output = invoke(handler, service);

        assertEquals(PENDING, output.status());
        assertEquals(List.of("STEP START notify", "STEP RETRY notify"), service.actions());
        var retry = service.requests().stream().flatMap(List::stream)
                .filter(u -> u.action() == OperationAction.RETRY).findFirst().orElseThrow();
        assertEquals(30, retry.stepOptions().nextAttemptDelaySeconds());
        assertEquals("java.lang.IllegalStateException", retry.error().errorType());
        assertEquals("smtp down", retry.error().errorMessage());
    }

    @Test
    void retryRunsWhenReadyWithTheNextAttemptNumber() {
        var attempts = new ArrayList<Integer>();
        var handler = FunctionHandler.of(String.class, (in, ctx) -> ctx.step("notify", String.class, s -> {
            attempts.add(s.attempt());
            if (s.attempt() == 1) {
                throw new IllegalStateException("smtp down");
            }
            return "sent";
        }, StepConfig.retrying(THREE_TRIES)));

        invoke(handler, service);
        assertEquals(PENDING, invoke(handler, service).status(), "not READY before the delay has passed");
        service.advance(DELAY);
        var output = invoke(handler, service);

        assertEquals("\"sent\"", output.result());
        assertEquals(List.of(1, 2), attempts);
        assertEquals(List.of("STEP START notify", "STEP RETRY notify", "STEP START notify", "STEP SUCCEED notify"),
                service.actions());
        assertEquals(2, service.operation("notify").stepDetails().attempt());
    }

    @Test
    void stepFailsWithTheLastErrorOnceMaxAttemptsHaveRun() {
        var runs = new AtomicInteger();
        var handler = FunctionHandler.of(String.class, (in, ctx) -> ctx.step("notify", String.class, s -> {
            throw new IllegalStateException("smtp down, attempt " + runs.incrementAndGet());
        }, StepConfig.retrying(THREE_TRIES)));

        for (int attempt = 1; attempt < 3; attempt++) {
            invoke(handler, service);
            service.advance(DELAY);
        }
        var output = invoke(handler, service);

        assertEquals(FAILED, output.status());
        assertEquals("smtp down, attempt 3", output.error().errorMessage());
        assertEquals(3, runs.get());
        assertEquals("STEP FAIL notify", service.actions().get(service.actions().size() - 1));
    }

    @Test
    void anErrorTheStrategyDoesNotRetryFailsTheStepAtOnceAndIsLoggedWithItsStack() {
        var runs = new AtomicInteger();
        var bug = new IllegalStateException("a bug");
        var onlyOutages = StepConfig.retrying(RetryStrategies.exponentialBackoff(10, DELAY, 2.0, DELAY, JitterStrategy.NONE,
                error -> error instanceof java.io.UncheckedIOException));
        var handler = FunctionHandler.of(String.class, (in, ctx) -> ctx.step("notify", String.class, s -> {
            runs.incrementAndGet();
            throw bug;
        }, onlyOutages));

        try (var logs = LogCapture.of(FunctionHandler.class.getName())) {
            var output = invoke(handler, service);

            assertEquals(FAILED, output.status());
            assertEquals(1, runs.get());
            assertEquals(List.of(bug), logs.thrown());
            assertTrue(logs.lines().get(0).startsWith("SEVERE " + FunctionHandler.class.getName() + ": step notify ("),
                    logs.lines().toString());
            assertTrue(logs.lines().get(0).contains("failed at attempt 1, not retried"), logs.lines().toString());
        }
    }

    @Test
    void atMostOnceStepRecordsItsStartInItsOwnRequestBeforeTheBodyRuns() {
        var seenByBody = new ArrayList<String>();
        var handler = FunctionHandler.of(String.class, (in, ctx) -> ctx.step("pay", String.class, s -> {
            seenByBody.add(service.requests().size() + " request(s), step " + service.operation("pay").status());
            return "paid";
        }, AT_MOST_ONCE));

        assertEquals(SUCCEEDED, invoke(handler, service).status());

        assertEquals(List.of("1 request(s), step STARTED"), seenByBody);
        assertEquals(List.of(List.of("STEP START pay"), List.of("STEP SUCCEED pay")), service.batches());
    }

    @Test
    void atMostOnceStepFoundStartedIsNotRunAgainAndFailsAsInterrupted() {
        var runs = new AtomicInteger();
        var handler = FunctionHandler.of(String.class, (in, ctx) -> ctx.step("pay", String.class, s -> {
            runs.incrementAndGet();
            throw new SimulatedCrash();
        }, AT_MOST_ONCE));

        assertThrows(SimulatedCrash.class, () -> invoke(handler, service));
        var output = invoke(handler, service);

        assertEquals(FAILED, output.status());
        assertEquals(StepInterruptedException.class.getName(), output.error().errorType());
        assertEquals(StepInterruptedException.MESSAGE, output.error().errorMessage());
        assertEquals(1, runs.get());
        assertEquals(List.of("STEP START pay", "STEP FAIL pay"), service.actions());
    }

    @Test
    void atMostOnceStepFoundStartedRetriesWhenItsStrategyAllows() {
        var runs = new AtomicInteger();
        var handler = FunctionHandler.of(String.class, (in, ctx) -> ctx.step("pay", String.class, s -> {
            if (runs.incrementAndGet() == 1) {
                throw new SimulatedCrash();
            }
            return "paid on attempt " + s.attempt();
        }, AT_MOST_ONCE.withRetryStrategy(THREE_TRIES)));

        assertThrows(SimulatedCrash.class, () -> invoke(handler, service));
        assertEquals(PENDING, invoke(handler, service).status());
        assertEquals(StepInterruptedException.class.getName(), service.requests().get(1).get(0).error().errorType());
        service.advance(DELAY);
        var output = invoke(handler, service);

        assertEquals("\"paid on attempt 2\"", output.result());
        assertEquals(List.of("STEP START pay", "STEP RETRY pay", "STEP START pay", "STEP SUCCEED pay"), service.actions());
    }

    @Test
    void atLeastOnceStepFoundStartedRunsAgainWithoutASecondStart() {
        service.seed(new Operation(OperationIds.idFor(null, 1), null, "notify", OperationType.STEP, SubType.STEP,
                service.now(), null, OperationStatus.STARTED, null, null, new StepDetails(0, null, null, null), null, null));
        var attempts = new ArrayList<Integer>();
        var handler = FunctionHandler.of(String.class, (in, ctx) -> ctx.step("notify", String.class, s -> {
            attempts.add(s.attempt());
            return "sent";
        }));

        var output = invoke(handler, service);

        assertEquals("\"sent\"", output.result());
        assertEquals(List.of(1), attempts);
        assertEquals(List.of("STEP SUCCEED notify"), service.actions());
    }
}
