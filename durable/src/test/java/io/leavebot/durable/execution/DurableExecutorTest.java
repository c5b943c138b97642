package io.leavebot.durable.execution;

import static io.leavebot.durable.model.InvocationStatus.FAILED;
import static io.leavebot.durable.model.InvocationStatus.SUCCEEDED;
import static io.leavebot.durable.testing.DurableInvoker.envelope;
import static io.leavebot.durable.testing.DurableInvoker.invoke;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.leavebot.durable.DurableServiceException.InvalidCheckpointTokenException;
import io.leavebot.durable.DurableServiceException.InvalidParameterException;
import io.leavebot.durable.DurableServiceException.ServiceUnavailableException;
import io.leavebot.durable.RetryStrategies;
import io.leavebot.durable.StepConfig;
import io.leavebot.durable.model.OperationType;
import io.leavebot.durable.testing.FunctionHandler;
import io.leavebot.durable.testing.InMemoryDurableService;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class DurableExecutorTest {
    private final InMemoryDurableService service = new InMemoryDurableService("\"ann\"");

    @Test
    void handlerExceptionBecomesFailedWithClassMessageAndStackFrames() {
        var handler = FunctionHandler.of(String.class, (in, ctx) -> {
            throw new IllegalStateException("no manager for team T042");
        });

        var output = invoke(handler, service);

        assertEquals(FAILED, output.status());
        assertEquals("java.lang.IllegalStateException", output.error().errorType());
        assertEquals("no manager for team T042", output.error().errorMessage());
        String top = output.error().stackTrace().get(0);
        assertTrue(top.matches("[^|]+\\|[^|]+\\|DurableExecutorTest\\.java\\|\\d+"), top);
        assertTrue(top.startsWith(DurableExecutorTest.class.getName() + "|lambda$"), top);
    }

    @Test
    void stepFailureEscapingTheHandlerFailsWithTheStepsOriginalError() {
        var handler = FunctionHandler.of(String.class, (in, ctx) -> ctx.step("charge", String.class, s -> {
            throw new IllegalStateException("card declined");
        }, StepConfig.retrying(RetryStrategies.NO_RETRY)));

        var output = invoke(handler, service);

        assertEquals("java.lang.IllegalStateException", output.error().errorType());
        assertEquals("card declined", output.error().errorMessage());
        assertEquals(List.of("STEP START charge", "STEP FAIL charge"), service.actions());
    }

    @Test
    void resultOverTheResponseLimitIsCheckpointedAndReturnedEmpty() {
        String big = "x".repeat(DurableExecutor.RESPONSE_LIMIT_BYTES);
        var handler = FunctionHandler.of(String.class, (in, ctx) -> big);

        var output = invoke(handler, service);

        assertEquals(SUCCEEDED, output.status());
        assertEquals("", output.result());
        var update = service.requests().get(0).get(0);
        assertEquals(OperationType.EXECUTION, update.type());
        assertEquals(InMemoryDurableService.EXECUTION_ID, update.id());
        assertEquals("\"" + big + "\"", service.executionResult());
    }

    @Test
    void resultAtTheResponseLimitIsReturnedInline() {
        String justFits = "x".repeat(DurableExecutor.RESPONSE_LIMIT_BYTES - 2); // plus two quotes
        var handler = FunctionHandler.of(String.class, (in, ctx) -> justFits);

        var output = invoke(handler, service);

        assertEquals("\"" + justFits + "\"", output.result());
        assertTrue(service.requests().isEmpty());
    }

    @Test
    void staleCheckpointTokenMakesTheInvocationThrowSoLambdaRetries() {
        var handler = FunctionHandler.of(String.class, (in, ctx) -> ctx.step("record", String.class, s -> "recorded"));
        String staleEnvelope = envelope(service);
        service.rotateToken();

        assertThrows(InvalidCheckpointTokenException.class, () -> invoke(handler, staleEnvelope, service));
        assertEquals(SUCCEEDED, invoke(handler, service).status(), "a fresh invocation succeeds");
    }

    @Test
    void nonRetryableServiceErrorFailsTheExecution() {
        var handler = FunctionHandler.of(String.class, (in, ctx) -> ctx.step("record", String.class, s -> "recorded"));
        service.failNextCheckpoint(new InvalidParameterException("Payload exceeds 6 MiB"));

        var output = invoke(handler, service);

        assertEquals(FAILED, output.status());
        assertEquals(InvalidParameterException.class.getName(), output.error().errorType());
        assertEquals("Payload exceeds 6 MiB", output.error().errorMessage());
    }

    @Test
    void nonRetryableServiceErrorWhileSuspendingFailsTheExecution() {
        var handler = FunctionHandler.of(String.class, (in, ctx) -> {
            ctx.wait("reminder", Duration.ofDays(2));
            return "done";
        });
        service.failNextCheckpoint(new InvalidParameterException("WaitSeconds out of range"));

        var output = invoke(handler, service);

        assertEquals(FAILED, output.status());
        assertEquals("WaitSeconds out of range", output.error().errorMessage());
        assertNull(output.result());
    }

    @Test
    void retryableServiceErrorWhileSuspendingMakesTheInvocationThrow() {
        var handler = FunctionHandler.of(String.class, (in, ctx) -> {
            ctx.wait("reminder", Duration.ofDays(2));
            return "done";
        });
        service.failNextCheckpoint(new ServiceUnavailableException("throttled", null));

        assertThrows(ServiceUnavailableException.class, () -> invoke(handler, service));
    }
}
