package io.leavebot.durable.operation;

import static io.leavebot.durable.model.InvocationStatus.PENDING;
import static io.leavebot.durable.model.InvocationStatus.SUCCEEDED;
import static io.leavebot.durable.testing.DurableInvoker.invoke;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.leavebot.durable.ChildContextFailedException;
import io.leavebot.durable.DurableOperationException;
import io.leavebot.durable.JacksonSerDes;
import io.leavebot.durable.RetryStrategies;
import io.leavebot.durable.RunInChildContextConfig;
import io.leavebot.durable.SerDes;
import io.leavebot.durable.StepConfig;
import io.leavebot.durable.execution.OperationIds;
import io.leavebot.durable.model.OperationAction;
import io.leavebot.durable.model.OperationType;
import io.leavebot.durable.testing.FunctionHandler;
import io.leavebot.durable.testing.InMemoryDurableService;
import io.leavebot.durable.testing.LogCapture;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
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
        int requestsBefore = service.requests().size();
        service.advance(PAUSE);
        var output = invoke(handler, service);

        assertEquals(SUCCEEDED, output.status());
        assertEquals("\"r1 " + (2 + 256 * 1024) + "\"", output.result());
        assertEquals(2, bodyRuns.get());
        assertEquals(1, stepRuns.get());
        assertEquals(requestsBefore, service.requests().size(), "the rebuilding invocation sent no checkpoint");
        var done = service.requests().stream().flatMap(List::stream)
                .filter(u -> u.action() == OperationAction.SUCCEED && u.type() == OperationType.CONTEXT).findFirst().orElseThrow();
        assertEquals("", done.payload());
        assertEquals(true, done.contextOptions().replayChildren());
    }

    @Test
    void childWithItsOwnSerDesRecordsAndReturnsItsResultThroughIt() {
        SerDes shouting = new SerDes() {
            private final JacksonSerDes json = new JacksonSerDes();

            @Override
            public String serialize(Object value) {
                return json.serialize(value.toString().toUpperCase(Locale.ROOT));
            }

            @Override
            public <T> T deserialize(String text, Class<T> type) {
                return json.deserialize(text, type);
            }
        };
        var handler = FunctionHandler.of(String.class, (in, ctx) -> ctx.runInChildContext("greet", String.class,
                child -> "hello " + in, RunInChildContextConfig.DEFAULT.withSerDes(shouting)));

        var output = invoke(handler, service);

        assertEquals("\"HELLO ANN\"", output.result());
        var done = service.requests().stream().flatMap(List::stream)
                .filter(u -> u.action() == OperationAction.SUCCEED).findFirst().orElseThrow();
        assertEquals("\"HELLO ANN\"", done.payload());
    }

    @Test
    void replayingChildIsSilentUnlessItLogsDuringReplay() {
        assertEquals(List.of("preparing"), logsOfAChildRunTwice(RunInChildContextConfig.DEFAULT));
        assertEquals(List.of("preparing", "preparing"),
                logsOfAChildRunTwice(RunInChildContextConfig.DEFAULT.withLogsDuringReplay(true)));
    }

    /** A child that logs, then waits: the second invocation runs its function again, replaying. */
    private static List<String> logsOfAChildRunTwice(RunInChildContextConfig config) {
        var service = new InMemoryDurableService("\"ann\"");
        var handler = FunctionHandler.of(String.class, (in, ctx) -> ctx.runInChildContext("prepare", String.class, child -> {
            child.logger().info("preparing");
            child.wait("pause", PAUSE);
            return "prepared";
        }, config));
        try (var logs = LogCapture.of(FunctionHandler.class.getName())) {
            invoke(handler, service);
            service.advance(PAUSE);
            assertEquals(SUCCEEDED, invoke(handler, service).status());
            return logs.messages();
        }
    }

    private static String describe(DurableOperationException e) {
        return e.getClass().getSimpleName() + " " + e.operationName() + " " + e.operationId() + " "
                + e.errorType() + ": " + e.errorMessage();
    }
}
