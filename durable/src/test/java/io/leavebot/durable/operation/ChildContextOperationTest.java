package io.leavebot.durable.operation;

import static io.leavebot.durable.model.InvocationStatus.PENDING;
import static io.leavebot.durable.model.InvocationStatus.SUCCEEDED;
import static io.leavebot.durable.testing.DurableInvoker.invoke;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.leavebot.durable.ChildContextFailedException;
import io.leavebot.durable.DurableOperationException;
import io.leavebot.durable.RetryStrategies;
import io.leavebot.durable.StepConfig;
import io.leavebot.durable.execution.OperationIds;
import io.leavebot.durable.testing.FunctionHandler;
import io.leavebot.durable.testing.InMemoryDurableService;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ChildContextOperationTest {
    private static final Duration PAUSE = Duration.ofSeconds(5);
    private final InMemoryDurableService service = new InMemoryDurableService("\"ann\"");

    @Test
    void completedChildContextReturnsItsRecordedResultWithoutRunningItsBody() {
        var bodyRuns = new AtomicInteger();
        var handler = FunctionHandler.of(String.class, (in, ctx) -> {
            String prepared = ctx.runInChildContext("prepare", String.class, child -> {
                bodyRuns.incrementAndGet();
                return child.step("load", String.class, s -> "loaded") + "!";
            });
            ctx.wait("pause", PAUSE);
            return prepared;
        });

        invoke(handler, service);
        service.advance(PAUSE);
        var output = invoke(handler, service);

        assertEquals("\"loaded!\"", output.result());
        assertEquals(1, bodyRuns.get());
        assertEquals(List.of("CONTEXT START prepare", "STEP START load", "STEP SUCCEED load", "CONTEXT SUCCEED prepare",
                "WAIT START pause"), service.actions());
    }

    @Test
    void operationsInsideAChildHaveIdsChainedFromTheContextId() {
        var handler = FunctionHandler.of(String.class, (in, ctx) -> ctx.runInChildContext("prepare", String.class,
                child -> child.step("load", String.class, s -> "loaded")));

        invoke(handler, service);

        String contextId = OperationIds.idFor(null, 1);
        assertEquals(contextId, service.operation("prepare").id());
        assertEquals(OperationIds.idFor(contextId, 1), service.operation("load").id());
        assertEquals(contextId, service.operation("load").parentId());
    }

    @Test
    void childThatWaitsStaysOpenAndFinishesInALaterInvocation() {
        var handler = FunctionHandler.of(String.class, (in, ctx) -> ctx.runInChildContext("remind", String.class, child -> {
            child.wait("grace", PAUSE);
            return "reminded";
        }));

        assertEquals(PENDING, invoke(handler, service).status());
        assertEquals(List.of("CONTEXT START remind", "WAIT START grace"), service.actions());
        service.advance(PAUSE);
        var output = invoke(handler, service);

        assertEquals("\"reminded\"", output.result());
        assertEquals("CONTEXT SUCCEED remind", service.actions().get(2));
    }

    @Test
    void operationExceptionFromInsideAChildPassesThroughUnchangedOnFirstRunAndReplay() {
        var seen = new ArrayList<String>();
        var handler = FunctionHandler.of(String.class, (in, ctx) -> {
            try {
                ctx.runInChildContext("prepare", String.class, child -> child.step("charge", String.class, s -> {
                    throw new IllegalStateException("card declined");
                }, StepConfig.retrying(RetryStrategies.NO_RETRY)));
            } catch (DurableOperationException e) {
                seen.add(describe(e));
            }
            ctx.wait("pause", PAUSE);
            return "done";
        });

        invoke(handler, service);
        service.advance(PAUSE);
        invoke(handler, service);

        String expected = "StepFailedException charge " + OperationIds.idFor(OperationIds.idFor(null, 1), 1)
                + " java.lang.IllegalStateException: card declined";
        assertEquals(List.of(expected, expected), seen);
    }

    @Test
    void plainExceptionFromAChildBecomesChildContextFailedOnFirstRunAndReplay() {
        var seen = new ArrayList<String>();
        var handler = FunctionHandler.of(String.class, (in, ctx) -> {
            try {
                ctx.runInChildContext("prepare", String.class, child -> {
                    throw new IllegalArgumentException("end date before start date");
                });
            } catch (ChildContextFailedException e) {
                seen.add(describe(e));
            }
            ctx.wait("pause", PAUSE);
            return "done";
        });

        invoke(handler, service);
        service.advance(PAUSE);
        invoke(handler, service);

        String expected = "ChildContextFailedException prepare " + OperationIds.idFor(null, 1)
                + " java.lang.IllegalArgumentException: end date before start date";
        assertEquals(List.of(expected, expected), seen);
    }

    @Test
    void largeChildResultIsNotStoredButRebuiltOnReplayByRerunningTheBody() {
        var bodyRuns = new AtomicInteger();
        var stepRuns = new AtomicInteger();
        var handler = FunctionHandler.of(String.class, (in, ctx) -> {
            String report = ctx.runInChildContext("report", String.class, child -> {
                bodyRuns.incrementAndGet();
                return child.step("build", String.class, s -> "r" + stepRuns.incrementAndGet() + "x".repeat(256 * 1024));
            });
            ctx.wait("pause", PAUSE);
            return report.substring(0, 2) + " " + report.length();
        });

        invoke(handler, service);
        service.advance(PAUSE);
        var output = invoke(handler, service);

        assertEquals(SUCCEEDED, output.status());
        assertEquals("\"r1 " + (2 + 256 * 1024) + "\"", output.result());
        assertEquals(2, bodyRuns.get());
        assertEquals(1, stepRuns.get());
        assertEquals(List.of("CONTEXT SUCCEED report"), service.batches().get(1));
        var done = service.requests().get(1).get(0);
        assertEquals("", done.payload());
        assertEquals(true, done.contextOptions().replayChildren());
    }

    private static String describe(DurableOperationException e) {
        return e.getClass().getSimpleName() + " " + e.operationName() + " " + e.operationId() + " "
                + e.errorType() + ": " + e.errorMessage();
    }
}
