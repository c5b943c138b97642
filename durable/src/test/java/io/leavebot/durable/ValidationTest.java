package io.leavebot.durable;

import static io.leavebot.durable.model.InvocationStatus.FAILED;
import static io.leavebot.durable.testing.DurableInvoker.invoke;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.leavebot.durable.testing.FunctionHandler;
import io.leavebot.durable.testing.InMemoryDurableService;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ValidationTest {
    private final InMemoryDurableService service = new InMemoryDurableService("\"ann\"");

    @Test
    void operationNameOf257CharactersFailsTheExecutionWithASpecificMessage() {
        String name = "n".repeat(257);
        var handler = FunctionHandler.of(String.class, (in, ctx) -> ctx.step(name, String.class, s -> "ran"));

        var output = invoke(handler, service);

        assertEquals(FAILED, output.status());
        assertEquals(IllegalArgumentException.class.getName(), output.error().errorType());
        assertEquals("operation name must be 1-256 printable ASCII characters, but was '" + name + "'",
                output.error().errorMessage());
        assertTrue(service.requests().isEmpty());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "Urlaub genehmigt ✓", "zoë", "line\nbreak"})
    void operationNamesOutsidePrintableAsciiAreRejected(String name) {
        var error = assertThrows(IllegalArgumentException.class, () -> Validation.operationName(name));
        assertEquals("operation name must be 1-256 printable ASCII characters, but was '" + name + "'", error.getMessage());
    }

    @Test
    void operationNamesOf256PrintableCharactersOrNullAreAccepted() {
        assertEquals("~".repeat(256), Validation.operationName("~".repeat(256)));
        assertEquals(null, Validation.operationName(null));
    }

    @ParameterizedTest
    @ValueSource(strings = {"PT0S", "PT-5S", "P367D"})
    void waitOutsideOneSecondTo366DaysFailsTheExecution(String duration) {
        var handler = FunctionHandler.of(String.class, (in, ctx) -> {
            ctx.wait("reminder", Duration.parse(duration));
            return "done";
        });

        var output = invoke(handler, service);

        assertEquals(FAILED, output.status());
        assertEquals("wait duration must be between 1 s and 31622400 s (366 days), but was " + Duration.parse(duration),
                output.error().errorMessage());
    }

    @Test
    void waitOf366DaysIsAcceptedAndFractionsRoundUp() {
        var handler = FunctionHandler.of(String.class, (in, ctx) -> {
            ctx.waitAsync("long", Duration.ofDays(366));
            ctx.waitAsync("short", Duration.ofMillis(1500)).get();
            return "done";
        });

        invoke(handler, service);

        var seconds = service.requests().get(0).stream().map(u -> u.waitOptions().waitSeconds()).toList();
        assertEquals(List.of(31_622_400, 2), seconds);
    }

    @Test
    void callbackTimeoutMustNotBeNegative() {
        var error = assertThrows(IllegalArgumentException.class, () -> CallbackConfig.timeout(Duration.ofSeconds(-1)));
        assertEquals("callback timeout must be between 0 s and 31622400 s (366 days), but was PT-1S", error.getMessage());
    }

    @Test
    void retryStrategyWithZeroMaxAttemptsIsRejected() {
        var error = assertThrows(IllegalArgumentException.class, () -> RetryStrategies.exponentialBackoff(0,
                Duration.ofSeconds(1), 2.0, Duration.ofSeconds(10), JitterStrategy.NONE, e -> true));
        assertEquals("maxAttempts must be at least 1, but was 0", error.getMessage());
    }

    @Test
    void durableOperationStartedInsideAStepFailsTheExecutionWithoutRetrying() {
        var handler = FunctionHandler.of(String.class, (in, ctx) -> ctx.step("outer", String.class, s -> {
            ctx.wait("inner", Duration.ofSeconds(5));
            return "done";
        }));

        var output = invoke(handler, service);

        assertEquals(FAILED, output.status());
        assertEquals(IllegalDurableOperationException.class.getName(), output.error().errorType());
        assertEquals("durable operations cannot be started from inside a step (operation 'inner'); "
                + "use a child context to group operations", output.error().errorMessage());
        assertTrue(service.actions().stream().noneMatch(action -> action.startsWith("STEP RETRY")), service.actions().toString());
    }

    @Test
    void executionNamesAreLettersDigitsDashesAndUnderscores() {
        assertEquals("leave-42_b", Validation.executionName("leave-42_b"));
        var error = assertThrows(IllegalArgumentException.class, () -> Validation.executionName("leave 42"));
        assertEquals("execution name must be 1-64 letters, digits, '-' or '_', but was 'leave 42'", error.getMessage());
    }
}
