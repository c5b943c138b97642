package io.leavebot.durable.operation;

import static io.leavebot.durable.model.InvocationStatus.FAILED;
import static io.leavebot.durable.model.InvocationStatus.PENDING;
import static io.leavebot.durable.model.InvocationStatus.SUCCEEDED;
import static io.leavebot.durable.testing.DurableInvoker.invoke;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.leavebot.durable.JacksonSerDes;
import io.leavebot.durable.SerDes;
import io.leavebot.durable.WaitForConditionConfig;
import io.leavebot.durable.WaitForConditionFailedException;
import io.leavebot.durable.WaitForConditionResult;
import io.leavebot.durable.WaitStrategies;
import io.leavebot.durable.execution.OperationIds;
import io.leavebot.durable.model.Operation;
import io.leavebot.durable.model.Operation.StepDetails;
import io.leavebot.durable.model.OperationAction;
import io.leavebot.durable.model.OperationStatus;
import io.leavebot.durable.model.OperationType;
import io.leavebot.durable.model.OperationUpdate;
import io.leavebot.durable.model.SubType;
import io.leavebot.durable.testing.FunctionHandler;
import io.leavebot.durable.testing.InMemoryDurableService;
import io.leavebot.durable.testing.SimulatedCrash;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class WaitForConditionOperationTest {
    private static final Duration DELAY = Duration.ofSeconds(10);
    private static final WaitForConditionConfig<Integer> FROM_ZERO =
            WaitForConditionConfig.startingWith(0).withWaitStrategy(WaitStrategies.fixedDelay(5, DELAY));

    private final InMemoryDurableService service = new InMemoryDurableService("3");
    private final List<String> checks = new ArrayList<>();

    /** Counts up by one per check, noting the state and attempt it was given, until the state reaches the input. */
    private FunctionHandler<Integer, Integer> countingTo(WaitForConditionConfig<Integer> config) {
        return FunctionHandler.of(Integer.class, (target, ctx) -> ctx.waitForCondition("poll", Integer.class, (state, step) -> {
            checks.add(state + "@" + step.attempt());
            int next = state + 1;
            return next >= target ? WaitForConditionResult.stopPolling(next) : WaitForConditionResult.continuePolling(next);
        }, config));
    }

    @Test
    void notYetRecordsTheStateWithARetryAfterTheStrategysDelayAndSuspends() {
        var output = invoke(countingTo(FROM_ZERO), service);

        assertEquals(PENDING, output.status());
        assertEquals(List.of("STEP START poll", "STEP RETRY poll"), service.actions());
        OperationUpdate retry = last(OperationAction.RETRY);
        assertEquals(SubType.WAIT_FOR_CONDITION, retry.subType());
        assertEquals("1", retry.payload());
        assertEquals(10, retry.stepOptions().nextAttemptDelaySeconds());
        assertEquals(null, retry.error());
    }

    @Test
    void eachCheckGetsThePreviousStateAndTheNextAttemptUntilDone() {
        var handler = countingTo(FROM_ZERO);

        invoke(handler, service);
        assertEquals(PENDING, invoke(handler, service).status(), "the next check is not due before the delay");
        service.advance(DELAY);
        invoke(handler, service);
        service.advance(DELAY);
        var output = invoke(handler, service);

        assertEquals(SUCCEEDED, output.status());
        assertEquals("3", output.result());
        assertEquals(List.of("0@1", "1@2", "2@3"), checks);
        assertEquals(List.of("STEP START poll", "STEP RETRY poll", "STEP START poll", "STEP RETRY poll",
                "STEP START poll", "STEP SUCCEED poll"), service.actions());
    }

    @Test
    void finishedConditionReplaysItsStateWithoutCheckingAgain() {
        var handler = FunctionHandler.of(Integer.class, (target, ctx) -> {
            int done = ctx.waitForCondition("poll", Integer.class, (state, step) -> {
                checks.add(state + "@" + step.attempt());
                return WaitForConditionResult.stopPolling(state + 40);
            }, WaitForConditionConfig.startingWith(2));
            ctx.wait("pause", DELAY);
            return done;
        });

        invoke(handler, service);
        service.advance(DELAY);
        var output = invoke(handler, service);

        assertEquals("42", output.result());
        assertEquals(List.of("2@1"), checks);
    }

    @Test
    void strategyThatGivesUpFailsTheOperationWithWaitForConditionFailedException() {
        var handler = countingTo(WaitForConditionConfig.startingWith(0).withWaitStrategy(WaitStrategies.fixedDelay(2, DELAY)));

        invoke(handler, service);
        service.advance(DELAY);
        var output = invoke(handler, service);

        assertEquals(FAILED, output.status());
        assertEquals(WaitForConditionFailedException.class.getName(), output.error().errorType());
        assertEquals("waitForCondition gave up after 2 checks without the condition being met", output.error().errorMessage());
        assertEquals(List.of("0@1", "1@2"), checks);
        assertEquals("STEP FAIL poll", service.actions().get(service.actions().size() - 1));
    }

    @Test
    void checkThatThrowsFailsAtOnceAndTheSameFailureIsThrownOnReplay() {
        var runs = new AtomicInteger();
        var caught = new ArrayList<String>();
        var handler = FunctionHandler.of(Integer.class, (target, ctx) -> {
            try {
                ctx.waitForCondition("poll", String.class, (state, step) -> {
                    runs.incrementAndGet();
                    throw new IllegalStateException("status page down");
                }, WaitForConditionConfig.startingWith("unknown"));
            } catch (WaitForConditionFailedException e) {
                caught.add(e.errorType() + ": " + e.errorMessage());
            }
            ctx.wait("pause", DELAY);
            return 0;
        });

        invoke(handler, service);
        service.advance(DELAY);
        assertEquals(SUCCEEDED, invoke(handler, service).status());

        assertEquals(1, runs.get(), "checks are not retried, and not run on replay");
        assertEquals(List.of("java.lang.IllegalStateException: status page down",
                "java.lang.IllegalStateException: status page down"), caught);
        assertEquals(List.of("STEP START poll", "STEP FAIL poll", "WAIT START pause"), service.actions());
    }

    @Test
    void checkCutOffByACrashRunsAgainWithTheSameStateAndAttempt() {
        var crashes = new AtomicInteger();
        var handler = FunctionHandler.of(Integer.class, (target, ctx) -> ctx.waitForCondition("poll", Integer.class, (state, step) -> {
            checks.add(state + "@" + step.attempt());
            if (step.attempt() == 2 && crashes.getAndIncrement() == 0) {
                throw new SimulatedCrash();
            }
            return state + 1 >= target ? WaitForConditionResult.stopPolling(state + 1) : WaitForConditionResult.continuePolling(state + 1);
        }, FROM_ZERO));
        var twoChecks = new InMemoryDurableService("2");

        invoke(handler, twoChecks);
        twoChecks.advance(DELAY);
        assertThrows(SimulatedCrash.class, () -> invoke(handler, twoChecks));
        var output = invoke(handler, twoChecks);

        assertEquals("2", output.result());
        assertEquals(List.of("0@1", "1@2", "1@2"), checks);
        // one START for the second check, whether it reached the service before the crash or is sent on the re-run
        assertEquals(List.of("STEP START poll", "STEP RETRY poll", "STEP START poll", "STEP SUCCEED poll"), twoChecks.actions());
    }

    @Test
    void checkFoundStartedRunsAgainFromTheRecordedStateWithoutASecondStart() {
        var twoChecks = new InMemoryDurableService("2");
        twoChecks.seed(new Operation(OperationIds.idFor(null, 1), null, "poll", OperationType.STEP, SubType.WAIT_FOR_CONDITION,
                twoChecks.now(), null, OperationStatus.STARTED, null, null, new StepDetails(1, null, "1", null), null, null));

        var output = invoke(countingTo(FROM_ZERO), twoChecks);

        assertEquals("2", output.result());
        assertEquals(List.of("1@2"), checks);
        assertEquals(List.of("STEP SUCCEED poll"), twoChecks.actions());
    }

    @Test
    void customSerDesCarriesTheStateBetweenChecks() {
        SerDes tagged = new TaggedSerDes();
        var handler = countingTo(FROM_ZERO.withSerDes(tagged));

        invoke(handler, service);
        service.advance(DELAY);
        invoke(handler, service);
        service.advance(DELAY);
        var output = invoke(handler, service);

        assertEquals("3", output.result(), "the handler's SerDes writes the execution result");
        assertEquals(List.of("\"n=1\"", "\"n=2\"", "\"n=3\""), service.requests().stream().flatMap(List::stream)
                .filter(u -> u.action() != OperationAction.START).map(OperationUpdate::payload).toList());
        assertEquals(List.of("0@1", "1@2", "2@3"), checks);
    }

    private OperationUpdate last(OperationAction action) {
        var updates = service.requests().stream().flatMap(List::stream).filter(u -> u.action() == action).toList();
        return updates.get(updates.size() - 1);
    }

    /** Writes an integer state as the JSON string "n=<value>". */
    private static final class TaggedSerDes implements SerDes {
        private final JacksonSerDes json = new JacksonSerDes();

        @Override
        public String serialize(Object value) {
            return value == null ? null : json.serialize("n=" + value);
        }

        @Override
        public <T> T deserialize(String text, Class<T> type) {
            String tagged = json.deserialize(text, String.class);
            return tagged == null ? null : type.cast(Integer.valueOf(tagged.substring(2)));
        }
    }
}
