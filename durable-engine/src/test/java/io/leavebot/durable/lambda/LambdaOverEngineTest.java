package io.leavebot.durable.lambda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.leavebot.durable.CallbackConfig;
import io.leavebot.durable.DurableClient;
import io.leavebot.durable.DurableConfig;
import io.leavebot.durable.DurableContext;
import io.leavebot.durable.DurableHandler;
import io.leavebot.durable.DurableService;
import io.leavebot.durable.DurableServiceException.ExecutionAlreadyStartedException;
import io.leavebot.durable.InvokeConfig;
import io.leavebot.durable.RetryStrategies;
import io.leavebot.durable.StepConfig;
import io.leavebot.durable.engine.EmbeddedEngine;
import io.leavebot.durable.engine.TestClock;
import io.leavebot.durable.execution.WireJson;
import io.leavebot.durable.model.CheckpointResponse;
import io.leavebot.durable.model.DurableExecution;
import io.leavebot.durable.model.ErrorObject;
import io.leavebot.durable.model.Event;
import io.leavebot.durable.model.ExecutionQuery;
import io.leavebot.durable.model.ExecutionState;
import io.leavebot.durable.model.ExecutionStatus;
import io.leavebot.durable.model.OperationUpdate;
import io.leavebot.durable.testing.LocalLambda;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.SdkBytes;

/**
 * The same handler run twice on an embedded engine: once checkpointing in process, once checkpointing over HTTP
 * through the real AWS SDK ({@link LambdaDurableService}) and driven from outside through {@link LambdaDurableClient}.
 * Both runs must end with the same result and the same history; so must a chained invoke and the execution it starts.
 */
class LambdaOverEngineTest {
    static final String FUNCTION = "leave-flow";

    @TempDir
    Path dir;

    EmbeddedEngine engine;
    LocalLambda local;

    /** A step, a step that fails once and is retried, a wait, a callback, and a step in a child context. */
    public static class LeaveFlow extends DurableHandler<String, String> {
        @Override
        public String handleRequest(String employee, DurableContext ctx) {
            String leave = ctx.step("record-leave", String.class, s -> "leave of " + employee);
            String receipt = ctx.step("send-receipt", String.class, s -> {
                if (s.attempt() == 1) {
                    throw new IllegalStateException("mail server busy");
                }
                return "receipt " + s.attempt();
            }, StepConfig.retrying(RetryStrategies.fixedDelay(3, Duration.ofSeconds(2))));
            ctx.wait("reminder-1", Duration.ofSeconds(30));
            var approval = ctx.createCallback("manager-approval", String.class, CallbackConfig.timeout(Duration.ofHours(1)));
            String decision = approval.get();
            return ctx.runInChildContext("record-decision", String.class,
                    child -> child.step("store", String.class, s -> leave + ", " + receipt + ": " + decision));
        }
    }

    /** The flow checkpointing to {@code service} instead of to the service its invocation context provides. */
    static DurableHandler<String, String> leaveFlowCheckpointingTo(DurableService service) {
        return new LeaveFlow() {
            @Override
            protected DurableConfig configuration() {
                return DurableConfig.DEFAULT.withService(service); // captured before super() calls this
            }
        };
    }

    @AfterEach
    void close() {
        if (local != null) {
            local.close();
        }
        if (engine != null) {
            engine.close();
        }
    }

    @Test
    void checkpointingOverHttpGivesTheSameResultAndHistoryAsInProcess() {
        var clock = new TestClock();
        engine = EmbeddedEngine.builder(dir.resolve("in-process.db")).clock(clock).build();
        engine.register(FUNCTION, new LeaveFlow()).start();
        Run inProcess = drive(engine, clock, engine);
        engine.close();

        var httpClock = new TestClock();
        overHttp(httpClock);
        var overHttpService = new CountingService(new LambdaDurableService(local.caller()));
        engine.register(FUNCTION, leaveFlowCheckpointingTo(overHttpService)).start();
        Run overHttp = drive(engine, httpClock, new LambdaDurableClient(local.caller(), FUNCTION + ":live"));

        assertTrue(overHttpService.checkpoints.get() >= 5, "checkpoints over HTTP: " + overHttpService.checkpoints);

        assertEquals(ExecutionStatus.SUCCEEDED, overHttp.execution().status(), overHttp.execution()::toString);
        assertEquals("\"leave of ann, receipt 2: approved\"", overHttp.execution().result());
        assertEquals(inProcess.execution().result(), overHttp.execution().result());
        assertEquals(comparable(inProcess.history()), comparable(overHttp.history()));
    }

    @Test
    void repeatedStartOfARunningExecutionIsIdempotentByNameAndInput() {
        overHttp(new TestClock());
        engine.register(FUNCTION, new LeaveFlow()).start();
        var client = new LambdaDurableClient(local.caller(), FUNCTION);

        String first = client.start(FUNCTION, "leave-ann", "\"ann\"").durableExecutionArn();
        String again = client.start(FUNCTION, "leave-ann", "\"ann\"").durableExecutionArn();
        var e = assertThrows(ExecutionAlreadyStartedException.class, () -> client.start(FUNCTION, "leave-ann", "\"bob\""));

        assertEquals(first, again);
        assertTrue(e.getMessage().contains("already started with a different input"), e.getMessage());
    }

    @Test
    void synchronousInvokeAnswersWithTheResult() {
        overHttp(new TestClock());
        engine.register("greeter", new Greeter()).start();

        var response = local.lambda().invoke(r -> r.functionName("greeter").payload(SdkBytes.fromUtf8String("\"ann\"")));

        assertEquals(200, response.statusCode());
        assertEquals("\"hello ann\"", response.payload().asUtf8String());
    }

    @Test
    void listingAndStoppingThroughTheClient() {
        overHttp(new TestClock());
        engine.register(FUNCTION, new LeaveFlow()).start();
        var client = new LambdaDurableClient(local.caller(), FUNCTION);
        String arn = client.start(FUNCTION, "leave-ann", "\"ann\"").durableExecutionArn();
        settle(engine);

        var running = client.listExecutions(FUNCTION, ExecutionQuery.withStatus(ExecutionStatus.RUNNING));
        client.stopExecution(arn, ErrorObject.of("Withdrawn", "the employee withdrew the request"));
        var stopped = client.listExecutions(FUNCTION, ExecutionQuery.withStatus(ExecutionStatus.STOPPED));

        assertEquals(List.of(arn), running.executions().stream().map(DurableExecution::durableExecutionArn).toList());
        assertEquals(List.of(arn), stopped.executions().stream().map(DurableExecution::durableExecutionArn).toList());
        assertEquals(ErrorObject.of("Withdrawn", "the employee withdrew the request"), client.getExecution(arn).error());
    }

    @Test
    void chainedInvokesOverHttpGiveTheSameResultAndHistoriesAsInProcess() {
        engine = EmbeddedEngine.builder(dir.resolve("in-process.db")).clock(new TestClock()).build();
        engine.register("greeter", new Greeter()).register("inviter", new Inviter()).start();
        Run inProcess = invite(engine, engine);
        String inProcessChild = childOf(inProcess);
        var inProcessChildHistory = engine.getHistory(inProcessChild, null, 0).events();
        engine.close();

        overHttp(new TestClock());
        var overHttpService = new CountingService(new LambdaDurableService(local.caller()));
        engine.register("greeter", greeterCheckpointingTo(overHttpService))
                .register("inviter", inviterCheckpointingTo(overHttpService)).start();
        var client = new LambdaDurableClient(local.caller(), "inviter");
        Run overHttp = invite(engine, client);

        assertEquals("\"hello ann!\"", overHttp.execution().result(), overHttp.execution()::toString);
        assertTrue(overHttpService.checkpoints.get() >= 3, "checkpoints over HTTP: " + overHttpService.checkpoints);
        assertEquals(comparable(inProcess.history()), comparable(overHttp.history()));
        assertEquals(comparable(inProcessChildHistory), comparable(client.getHistory(childOf(overHttp), null, 0).events()));
    }

    /** Greets through a chained invoke of the greeter, for a tenant, then records the greeting. */
    public static class Inviter extends DurableHandler<String, String> {
        @Override
        public String handleRequest(String name, DurableContext ctx) {
            String greeting = ctx.invoke("ask-greeter", "greeter", name, String.class, InvokeConfig.tenant("team-a"));
            return ctx.step("record", String.class, s -> greeting + "!");
        }
    }

    static DurableHandler<String, String> greeterCheckpointingTo(DurableService service) {
        return new Greeter() {
            @Override
            protected DurableConfig configuration() {
                return DurableConfig.DEFAULT.withService(service);
            }
        };
    }

    static DurableHandler<String, String> inviterCheckpointingTo(DurableService service) {
        return new Inviter() {
            @Override
            protected DurableConfig configuration() {
                return DurableConfig.DEFAULT.withService(service);
            }
        };
    }

    private static Run invite(EmbeddedEngine engine, DurableClient client) {
        String arn = client.start("inviter", "invite-ann", "\"ann\"").durableExecutionArn();
        engine.awaitClosed(arn, Duration.ofSeconds(10));
        return new Run(client.getExecution(arn), client.getHistory(arn, null, 0).events());
    }

    private static String childOf(Run run) {
        return run.history().stream().filter(e -> e.eventType().equals("ChainedInvokeStarted"))
                .map(e -> (String) e.details().get("DurableExecutionArn")).findFirst().orElseThrow();
    }

    /** One step, nothing else. */
    public static class Greeter extends DurableHandler<String, String> {
        @Override
        public String handleRequest(String name, DurableContext ctx) {
            return ctx.step("greet", String.class, s -> "hello " + name);
        }
    }

    private void overHttp(TestClock clock) {
        engine = EmbeddedEngine.builder(dir.resolve("over-http.db")).clock(clock).build();
        local = LocalLambda.serving(engine);
    }

    record Run(DurableExecution execution, List<Event> history) {
    }

    /** Counts the checkpoints that pass, to prove the handler used the service it was configured with. */
    static final class CountingService implements DurableService {
        final AtomicInteger checkpoints = new AtomicInteger();
        private final DurableService delegate;

        CountingService(DurableService delegate) {
            this.delegate = delegate;
        }

        @Override
        public CheckpointResponse checkpoint(String executionArn, String checkpointToken, List<OperationUpdate> updates) {
            checkpoints.incrementAndGet();
            return delegate.checkpoint(executionArn, checkpointToken, updates);
        }

        @Override
        public ExecutionState getExecutionState(String executionArn, String checkpointToken, String marker, int maxItems) {
            return delegate.getExecutionState(executionArn, checkpointToken, marker, maxItems);
        }
    }

    /** Starts the flow, lets the retry delay and the wait pass, approves through {@code client}, reads the history. */
    private static Run drive(EmbeddedEngine engine, TestClock clock, DurableClient client) {
        String arn = client.start(FUNCTION, "leave-ann", "\"ann\"").durableExecutionArn();
        settle(engine);
        clock.advance(Duration.ofSeconds(2));
        settle(engine);
        clock.advance(Duration.ofSeconds(30));
        settle(engine);
        String callbackId = client.getHistory(arn, null, 0).events().stream()
                .filter(e -> e.eventType().equals("CallbackStarted"))
                .map(e -> (String) e.details().get("CallbackId")).findFirst().orElseThrow();
        client.succeedCallback(callbackId, "\"approved\"");
        engine.awaitClosed(arn, Duration.ofSeconds(10));
        return new Run(client.getExecution(arn), client.getHistory(arn, null, 0).events());
    }

    private static void settle(EmbeddedEngine engine) {
        assertTrue(engine.awaitIdle(Duration.ofSeconds(10)), "the engine did not settle");
    }

    /** The history as JSON, without what differs between any two runs: random ids and the ARN-derived ids. */
    private static JsonNode comparable(List<Event> history) {
        ArrayNode events = WireJson.REST.valueToTree(history);
        for (JsonNode event : events) {
            JsonNode details = event.get(event.get("EventType").asText() + "Details");
            if (details instanceof ObjectNode d) {
                d.remove(List.of("CallbackId", "RequestId", "DurableExecutionArn"));
            }
            if (event.get("EventType").asText().startsWith("Execution")) {
                ((ObjectNode) event).remove("Id"); // the EXECUTION operation's id is the random execution id
            }
        }
        return events;
    }
}
