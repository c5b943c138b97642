package io.leavebot.durable;

import static io.leavebot.durable.model.InvocationStatus.PENDING;
import static io.leavebot.durable.testing.DurableInvoker.invoke;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.leavebot.durable.model.ErrorObject;
import io.leavebot.durable.testing.FunctionHandler;
import io.leavebot.durable.testing.InMemoryDurableService;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class DurableFutureTest {
    private final InMemoryDurableService service = new InMemoryDurableService("\"ann\"");
    private final List<String> reached = new ArrayList<>();

    /** Races the callbacks "a" and "b" (in that argument order) and returns the winner's result. */
    private final FunctionHandler<String, String> race = FunctionHandler.of(String.class, (in, ctx) -> {
        var a = ctx.createCallback("a", String.class);
        var b = ctx.createCallback("b", String.class);
        var winner = DurableFuture.anyOf(a, b);
        reached.add("after anyOf");
        return (String) winner.get();
    });

    @Test
    void anyOfSuspendsWhileNoFutureIsDone() {
        assertEquals(PENDING, invoke(race, service).status());
        assertEquals(List.of(), reached);
    }

    @Test
    void anyOfPicksTheFutureTheServiceCompletedFirstEvenWhenBothAreDone() {
        invoke(race, service);
        service.succeedCallback(service.callbackId("b"), "\"b\"");
        service.advance(Duration.ofMinutes(1));
        service.succeedCallback(service.callbackId("a"), "\"a\"");

        assertEquals("\"b\"", invoke(race, service).result());
    }

    @Test
    void anyOfBreaksTiesByArgumentOrder() {
        invoke(race, service);
        service.succeedCallback(service.callbackId("b"), "\"b\"");
        service.succeedCallback(service.callbackId("a"), "\"a\"");

        assertEquals("\"a\"", invoke(race, service).result());
    }

    @Test
    void anyOfRacesACallbackAgainstAWait() {
        var handler = FunctionHandler.of(String.class, (in, ctx) -> {
            var approval = ctx.createCallback("approval", String.class);
            var expiry = ctx.waitAsync("expiry", Duration.ofDays(7));
            return DurableFuture.anyOf(approval, expiry) == expiry ? "EXPIRED" : approval.get();
        });

        invoke(handler, service);
        service.advance(Duration.ofDays(7));

        assertEquals("\"EXPIRED\"", invoke(handler, service).result());
    }

    @Test
    void aWaitForCallbackAnsweredBeforeARivalWaitEndedWinsEvenWhenTheHandlerRunsAfterBoth() {
        var handler = FunctionHandler.of(String.class, (in, ctx) -> {
            var approval = ctx.waitForCallbackAsync("approval", String.class, (id, step) -> { },
                    io.leavebot.durable.WaitForCallbackConfig.DEFAULT);
            var reminder = ctx.waitAsync("reminder", Duration.ofHours(1));
            return DurableFuture.anyOf(reminder, approval) == reminder ? "REMINDER" : approval.get();
        });

        invoke(handler, service);
        service.advance(Duration.ofMinutes(59));
        service.succeedCallback(service.callbackId("approval-callback"), "\"yes\"");
        service.advance(Duration.ofMinutes(1)); // the reminder falls due before the handler runs again

        assertEquals("\"yes\"", invoke(handler, service).result());
        assertEquals("\"yes\"", invoke(handler, service).result(), "a replay picks the same winner");
    }

    @Test
    void anyOfNeedsAtLeastOneFuture() {
        var error = assertThrows(IllegalArgumentException.class, DurableFuture::anyOf);
        assertEquals("anyOf needs at least one future", error.getMessage());
    }

    @Test
    void allOfReturnsResultsInArgumentOrderOnceAllAreDone() {
        var handler = FunctionHandler.of(String.class, (in, ctx) -> {
            var manager = ctx.createCallback("manager", String.class);
            var hr = ctx.createCallback("hr", String.class);
            return DurableFuture.allOf(manager, hr).toString();
        });

        invoke(handler, service);
        service.succeedCallback(service.callbackId("hr"), "\"hr ok\"");
        assertEquals(PENDING, invoke(handler, service).status());
        service.succeedCallback(service.callbackId("manager"), "\"manager ok\"");

        assertEquals("\"[manager ok, hr ok]\"", invoke(handler, service).result());
    }

    @Test
    void allOfThrowsTheFirstFailureInArgumentOrder() {
        var handler = FunctionHandler.of(String.class, (in, ctx) -> {
            var manager = ctx.createCallback("manager", String.class);
            var hr = ctx.createCallback("hr", String.class);
            try {
                return DurableFuture.allOf(manager, hr).toString();
            } catch (CallbackFailedException e) {
                return e.operationName() + " " + e.errorMessage();
            }
        });

        invoke(handler, service);
        service.failCallback(service.callbackId("hr"), ErrorObject.of("Rejected", "no budget"));
        service.succeedCallback(service.callbackId("manager"), "\"manager ok\"");

        assertEquals("\"hr no budget\"", invoke(handler, service).result());
    }
}
