package io.leavebot.durable.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.leavebot.durable.DurableServiceException.ExecutionAlreadyStartedException;
import io.leavebot.durable.DurableServiceException.InvalidParameterException;
import io.leavebot.durable.DurableServiceException.ResourceNotFoundException;
import io.leavebot.durable.model.DurableExecution;
import io.leavebot.durable.model.ExecutionQuery;
import io.leavebot.durable.model.ExecutionStatus;
import io.leavebot.durable.testing.EngineHarness;
import io.leavebot.durable.testing.FunctionHandler;
import io.leavebot.durable.testing.LocalLambda;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.core.SdkBytes;

/** Starting executions: idempotent by name and input, and a refused start creates nothing. */
class EngineStartTest {
    static final String LEAVE = "leave";
    static final String SIZE = "size";
    static final String BIG_INPUT = "\"" + "x".repeat(300 * 1024) + "\"";

    @RegisterExtension
    final EngineHarness engine = new EngineHarness();
    final AtomicInteger invocations = new AtomicInteger();

    @BeforeEach
    void registerFunctions() {
        engine.register(LEAVE, FunctionHandler.of(String.class, (employee, ctx) -> {
            invocations.incrementAndGet();
            return ctx.createCallback("manager-approval", String.class).get();
        }));
        engine.register(SIZE, FunctionHandler.of(String.class, (text, ctx) -> text.length()));
    }

    @Test
    void sameNameAndInputReturnTheRunningExecutionWithoutInvokingItAgain() {
        var first = engine.engine().start(LEAVE, "leave-42", "\"ann\"");
        engine.runUntilIdle();

        var again = engine.engine().start(LEAVE, "leave-42", "\"ann\"");
        engine.runUntilIdle();

        assertFalse(first.alreadyStarted());
        assertTrue(again.alreadyStarted());
        assertEquals(first.durableExecutionArn(), again.durableExecutionArn());
        assertEquals(List.of(first.durableExecutionArn()), executionArns());
        assertEquals(1, invocations.get());
        assertEquals(ExecutionStatus.RUNNING, engine.status(first.durableExecutionArn()));
    }

    @Test
    void sameNameWithADifferentInputIsRefusedNamingTheExecution() {
        String arn = engine.start(LEAVE, "leave-42", "\"ann\"");

        var e = assertThrows(ExecutionAlreadyStartedException.class, () -> engine.engine().start(LEAVE, "leave-42", "\"bob\""));

        assertTrue(e.getMessage().contains("execution 'leave-42' of function 'leave'"), e.getMessage());
        assertEquals(List.of(arn), executionArns());
        assertEquals(1, invocations.get());
    }

    @Test
    void startingAnUnregisteredFunctionIsResourceNotFound() {
        var e = assertThrows(ResourceNotFoundException.class, () -> engine.engine().start("no-such-function", "x-1", "{}"));

        assertEquals("no function named 'no-such-function' is registered with the engine", e.getMessage());
        assertTrue(engine.engine().listExecutions("no-such-function", ExecutionQuery.all()).executions().isEmpty());
    }

    @ParameterizedTest
    @ValueSource(strings = {"leave 42", "leave/42", "", "x12345678901234567890123456789012345678901234567890123456789012345"})
    void invalidExecutionNamesAreRefusedAndCreateNothing(String name) {
        var e = assertThrows(InvalidParameterException.class, () -> engine.engine().start(LEAVE, name, "\"ann\""));

        assertEquals("execution name must be 1-64 letters, digits, '-' or '_', but was '" + name + "'", e.getMessage());
        assertNothingStarted();
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"employee\":", "ann", "{'single':'quotes'}", "", "  "})
    void inputThatIsNotJsonIsRefusedAndCreatesNothing(String input) {
        var e = assertThrows(InvalidParameterException.class, () -> engine.engine().start(LEAVE, "leave-42", input));

        assertTrue(e.getMessage().startsWith("the input is not valid JSON: "), e.getMessage());
        assertNothingStarted();
    }

    @Test
    void inputAbove256KiBIsRefusedNamingTheLimitAndCreatesNothing() {
        var e = assertThrows(InvalidParameterException.class, () -> engine.engine().start(LEAVE, "leave-42", BIG_INPUT));

        assertEquals("the input is larger than 262144 bytes (256 KiB), the limit for asynchronous starts", e.getMessage());
        assertNothingStarted();
    }

    @Test
    void aSynchronousStartAcceptsInputUpTo6MB() {
        var started = engine.engine().startSynchronous(SIZE, "size-1", BIG_INPUT);

        DurableExecution done = engine.awaitClosed(started.durableExecutionArn());
        assertEquals(ExecutionStatus.SUCCEEDED, done.status(), done::toString);
        assertEquals(Integer.toString(300 * 1024), done.result());
        var e = assertThrows(InvalidParameterException.class, () -> engine.engine().startSynchronous(SIZE, "size-2",
                "\"" + "x".repeat(6 * 1024 * 1024) + "\""));
        assertEquals("the input is larger than 6291456 bytes (6 MB), the limit for synchronous invocations", e.getMessage());
    }

    @Test
    void aRequestResponseInvokeThroughTheRestFacadeAcceptsInputAbove256KiB() {
        try (var local = LocalLambda.serving(engine.engine())) {
            var response = local.lambda().invoke(r -> r.functionName(SIZE).durableExecutionName("size-1")
                    .payload(SdkBytes.fromUtf8String(BIG_INPUT)));

            assertEquals(200, response.statusCode());
            assertEquals(null, response.functionError(), () -> response.payload().asUtf8String());
            assertEquals(Integer.toString(300 * 1024), response.payload().asUtf8String());
        }
    }

    private List<String> executionArns() {
        return engine.engine().listExecutions(LEAVE, ExecutionQuery.all()).executions().stream()
                .map(DurableExecution::durableExecutionArn).toList();
    }

    private void assertNothingStarted() {
        engine.runUntilIdle();
        assertEquals(List.of(), executionArns());
        assertEquals(0, invocations.get());
    }
}
