package io.leavebot.durable.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.leavebot.durable.DurableServiceException.InvalidParameterException;
import io.leavebot.durable.InvokeConfig;
import io.leavebot.durable.InvokeException;
import io.leavebot.durable.StepConfig;
import io.leavebot.durable.StepSemantics;
import io.leavebot.durable.execution.OperationIds;
import io.leavebot.durable.model.DurableExecution;
import io.leavebot.durable.model.ErrorObject;
import io.leavebot.durable.model.Event;
import io.leavebot.durable.model.ExecutionQuery;
import io.leavebot.durable.model.ExecutionStatus;
import io.leavebot.durable.model.OperationAction;
import io.leavebot.durable.model.OperationType;
import io.leavebot.durable.model.OperationUpdate;
import io.leavebot.durable.model.OperationUpdate.ChainedInvokeOptions;
import io.leavebot.durable.model.SubType;
import io.leavebot.durable.testing.EngineHarness;
import io.leavebot.durable.testing.FunctionHandler;
import io.leavebot.durable.testing.HeldInvocation;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Chained invokes on the engine: the target runs as an execution of its own, and its end completes the caller's operation. */
class EngineChainedInvokeTest {
    @RegisterExtension
    final EngineHarness engine = new EngineHarness();
    final AtomicInteger greetings = new AtomicInteger();

    final FunctionHandler<String, String> greeter = FunctionHandler.of(String.class, (name, ctx) ->
            ctx.step("greet", String.class, s -> "hello " + name + " #" + greetings.incrementAndGet()));
    final FunctionHandler<String, String> caller = FunctionHandler.of(String.class, (name, ctx) ->
            ctx.invoke("ask-greeter", "greeter", name, String.class, InvokeConfig.tenant("team-a")));

    @Test
    void theTargetRunsAsItsOwnExecutionAndItsResultCompletesTheCaller() {
        engine.register("greeter", greeter).register("caller", caller);
        String arn = engine.start("caller", "call-1", "\"ann\"");

        DurableExecution done = engine.awaitClosed(arn);
        assertEquals("\"hello ann #1\"", done.result(), done::toString);
        assertEquals(List.of("ExecutionStarted", "ChainedInvokeStarted", "InvocationCompleted", "ChainedInvokeSucceeded",
                "InvocationCompleted", "ExecutionSucceeded"), engine.history(arn));
        Map<String, Object> started = event(arn, "ChainedInvokeStarted").details();
        assertEquals("greeter", started.get("FunctionName"));
        assertEquals("team-a", started.get("TenantId"));
        String child = (String) started.get("DurableExecutionArn");
        assertEquals(ExecutionStatus.SUCCEEDED, engine.engine().getExecution(child).status());
        assertEquals(List.of("ExecutionStarted", "StepStarted", "StepSucceeded", "InvocationCompleted", "ExecutionSucceeded"),
                engine.history(child));
    }

    @Test
    void aFailedTargetFailsTheInvokeWithItsError() {
        engine.register("greeter", FunctionHandler.of(String.class, (name, ctx) -> {
            throw new IllegalArgumentException("no greeting for " + name);
        }));
        engine.register("caller", FunctionHandler.of(String.class, (name, ctx) -> {
            try {
                return ctx.invoke("ask-greeter", "greeter", name, String.class);
            } catch (InvokeException e) {
                return e.getClass().getSimpleName() + " " + e.operationName() + " " + e.errorType() + ": " + e.errorMessage();
            }
        }));
        String arn = engine.start("caller", "call-1", "\"ann\"");

        assertEquals("\"InvokeFailedException ask-greeter java.lang.IllegalArgumentException: no greeting for ann\"",
                engine.awaitClosed(arn).result());
        assertEquals("java.lang.IllegalArgumentException", EngineHarness.error(event(arn, "ChainedInvokeFailed")).errorType());
    }

    @Test
    void anUncaughtInvokeFailureFailsTheCallerWithTheTargetsError() {
        engine.register("greeter", FunctionHandler.of(String.class, (name, ctx) -> {
            throw new IllegalArgumentException("no greeting for " + name);
        })).register("caller", caller);
        String arn = engine.start("caller", "call-1", "\"ann\"");

        DurableExecution done = engine.awaitClosed(arn);
        assertEquals(ExecutionStatus.FAILED, done.status());
        assertEquals("java.lang.IllegalArgumentException", done.error().errorType());
        assertEquals("no greeting for ann", done.error().errorMessage());
    }

    @Test
    void stoppingTheTargetStopsTheInvoke() {
        engine.register("greeter", FunctionHandler.of(String.class, (name, ctx) ->
                ctx.createCallback("approval", String.class).get()));
        engine.register("caller", FunctionHandler.of(String.class, (name, ctx) -> {
            try {
                return ctx.invoke("ask-greeter", "greeter", name, String.class);
            } catch (InvokeException e) {
                return e.getClass().getSimpleName() + " " + e.errorType();
            }
        }));
        String arn = engine.start("caller", "call-1", "\"ann\"");

        engine.engine().stopExecution(childOf(arn), ErrorObject.of("Withdrawn", "the request was withdrawn"));

        assertEquals("\"InvokeStoppedException Withdrawn\"", engine.awaitClosed(arn).result());
        assertTrue(engine.history(arn).contains("ChainedInvokeStopped"), engine.history(arn)::toString);
    }

    @Test
    void aQualifiedNameOrAnArnNamesTheRegisteredFunction() {
        engine.register("greeter", greeter).register("caller", FunctionHandler.of(String.class, (name, ctx) ->
                ctx.invoke("by-alias", "greeter:live", name, String.class) + ", "
                        + ctx.invoke("by-arn", "arn:aws:lambda:us-east-1:000000000000:function:greeter:$LATEST", name, String.class)));
        String arn = engine.start("caller", "call-1", "\"ann\"");

        assertEquals("\"hello ann #1, hello ann #2\"", engine.awaitClosed(arn).result());
    }

    @Test
    void invokingAFunctionThatIsNotRegisteredFailsTheInvoke() {
        engine.register("caller", FunctionHandler.of(String.class, (name, ctx) -> {
            try {
                return ctx.invoke("ask-nobody", "nobody", name, String.class);
            } catch (InvokeException e) {
                return e.errorType();
            }
        }));
        String arn = engine.start("caller", "call-1", "\"ann\"");

        assertEquals("\"ResourceNotFoundException\"", engine.awaitClosed(arn).result());
    }

    @Test
    void anInvokeWaitingWhenTheEngineClosesCompletesAfterReopening() {
        engine.register("greeter", FunctionHandler.of(String.class, (name, ctx) -> {
            ctx.wait("think", Duration.ofHours(1));
            return ctx.step("greet", String.class, s -> "hello " + name + " #" + greetings.incrementAndGet());
        })).register("caller", caller);
        String arn = engine.start("caller", "call-1", "\"ann\"");
        assertEquals(ExecutionStatus.RUNNING, engine.status(childOf(arn)));

        engine.reopen();
        engine.advance(Duration.ofHours(1));

        assertEquals("\"hello ann #1\"", engine.awaitClosed(arn).result());
        assertEquals(1, engine.engine().listExecutions("greeter", ExecutionQuery.all()).executions().size());
    }

    @Test
    void replaysReturnTheRecordedResultWithoutStartingASecondTarget() {
        engine.register("greeter", greeter);
        engine.register("caller", FunctionHandler.of(String.class, (name, ctx) -> {
            String greeting = ctx.invoke("ask-greeter", "greeter", name, String.class);
            ctx.wait("pause", Duration.ofSeconds(10));
            return ctx.step("reply", String.class, s -> greeting + "!");
        }));
        String arn = engine.start("caller", "call-1", "\"ann\"");
        engine.advance(Duration.ofSeconds(10));

        assertEquals("\"hello ann #1!\"", engine.awaitClosed(arn).result());
        var children = engine.engine().listExecutions("greeter", ExecutionQuery.all()).executions();
        assertEquals(1, children.size());
        assertEquals(ChainedInvokes.childName(arn, event(arn, "ChainedInvokeStarted").id()), children.get(0).durableExecutionName());
        assertEquals(1, engine.history(arn).stream().filter("ChainedInvokeStarted"::equals).count());
    }

    @Test
    void aTargetEndingWhileTheCallerIsStillRunningIsDeliveredAfterThatInvocation() {
        engine.register("greeter", greeter);
        engine.register("caller", FunctionHandler.of(String.class, (name, ctx) -> {
            var greeting = ctx.invokeAsync("ask-greeter", "greeter", name, String.class);
            // an at-most-once step records its START at once, which sends the invoke's START before the body runs
            ctx.step("wait-for-greeter", String.class, s -> awaitGreeterClosed(),
                    StepConfig.DEFAULT.withSemantics(StepSemantics.AT_MOST_ONCE_PER_RETRY));
            return greeting.get();
        }));
        String arn = engine.start("caller", "call-1", "\"ann\"");

        assertEquals("\"hello ann #1\"", engine.awaitClosed(arn).result());
        assertEquals(List.of("ExecutionStarted", "ChainedInvokeStarted", "StepStarted", "StepSucceeded", "InvocationCompleted",
                "ChainedInvokeSucceeded", "InvocationCompleted", "ExecutionSucceeded"), engine.history(arn));
    }

    @Test
    void aTargetThatEndedDuringAnInvocationCutOffByACrashIsDeliveredAfterReopening() {
        var cutOff = HeldInvocation.firstThen(caller);
        engine.register("greeter", greeter).register("caller", cutOff);
        String arn = engine.engine().start("caller", "call-1", "\"ann\"").durableExecutionArn();
        var held = cutOff.awaitHeld();
        // what the caller's first invocation would have sent before the process died
        engine.engine().service().checkpoint(arn, held.checkpointToken(), List.of(OperationUpdate.builder(
                OperationIds.idFor(null, 1), OperationType.CHAINED_INVOKE, OperationAction.START).name("ask-greeter")
                .subType(SubType.CHAINED_INVOKE).payload("\"ann\"").chainedInvokeOptions(new ChainedInvokeOptions("greeter", "team-a"))
                .build()));
        awaitGreeterClosed();

        engine.reopen();

        assertEquals("\"hello ann #1\"", engine.awaitClosed(arn).result());
        assertEquals(List.of("ExecutionStarted", "ChainedInvokeStarted", "InvocationCompleted", "ChainedInvokeSucceeded",
                "InvocationCompleted", "ExecutionSucceeded"), engine.history(arn));
        assertEquals("Runtime.ExitError", EngineHarness.error(engine.events(arn).get(2)).errorType());
    }

    @Test
    void malformedChainedInvokeUpdatesAreRefusedAndChangeNothing() {
        var held = HeldInvocation.everyInvocation();
        engine.register("greeter", greeter).register("caller", held);
        String arn = engine.engine().start("caller", "call-1", "\"ann\"").durableExecutionArn();
        String token = held.awaitHeld().checkpointToken();

        assertRefused(arn, token, "FunctionName must be 1-140", start(null, null, "\"ann\""));
        assertRefused(arn, token, "TenantId must be 1-256", start("greeter", "", "\"ann\""));
        assertRefused(arn, token, "larger than the 256 KiB limit", start("greeter", null, "\"" + "x".repeat(256 * 1024) + "\""));
        assertRefused(arn, token, "appears twice in one request", start("greeter", null, "1"), start("greeter", null, "2"));
        assertRefused(arn, token, "accepts only START", OperationUpdate.builder(OperationIds.idFor(null, 1),
                OperationType.CHAINED_INVOKE, OperationAction.SUCCEED).payload("1").build());
        assertEquals(List.of(), engine.engine().listExecutions("greeter", ExecutionQuery.all()).executions());

        String next = engine.engine().service().checkpoint(arn, token, List.of(start("greeter", null, "1"))).checkpointToken();
        assertRefused(arn, next, "was already started", start("greeter", null, "1"));
        assertEquals(1, engine.engine().listExecutions("greeter", ExecutionQuery.all()).executions().size());
        held.release();
    }

    private static OperationUpdate start(String function, String tenant, String payload) {
        return OperationUpdate.builder(OperationIds.idFor(null, 1), OperationType.CHAINED_INVOKE, OperationAction.START)
                .subType(SubType.CHAINED_INVOKE).payload(payload)
                .chainedInvokeOptions(function == null ? null : new ChainedInvokeOptions(function, tenant)).build();
    }

    private void assertRefused(String arn, String token, String why, OperationUpdate... updates) {
        var e = assertThrows(InvalidParameterException.class, () -> engine.engine().service().checkpoint(arn, token, List.of(updates)));
        assertTrue(e.getMessage().contains(why), e.getMessage());
    }

    private String awaitGreeterClosed() {
        var started = engine.engine().listExecutions("greeter", ExecutionQuery.all()).executions();
        assertEquals(1, started.size(), "the invoke's START was not sent before the step");
        return engine.engine().awaitClosed(started.get(0).durableExecutionArn(), EngineHarness.SETTLE).status().name();
    }

    private Event event(String arn, String type) {
        return engine.events(arn).stream().filter(e -> e.eventType().equals(type)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + type + " in " + engine.history(arn)));
    }

    private String childOf(String arn) {
        return (String) event(arn, "ChainedInvokeStarted").details().get("DurableExecutionArn");
    }
}
