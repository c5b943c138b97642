package io.leavebot.durable.operation;

import static io.leavebot.durable.model.InvocationStatus.PENDING;
import static io.leavebot.durable.testing.DurableInvoker.invoke;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.leavebot.durable.CallbackConfig;
import io.leavebot.durable.CallbackException;
import io.leavebot.durable.CallbackTimeoutException;
import io.leavebot.durable.DurableContext;
import io.leavebot.durable.RetryStrategies;
import io.leavebot.durable.StepConfig;
import io.leavebot.durable.WaitForCallbackConfig;
import io.leavebot.durable.model.ErrorObject;
import io.leavebot.durable.testing.FunctionHandler;
import io.leavebot.durable.testing.InMemoryDurableService;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CallbackOperationTest {
    private static final CallbackConfig ONE_DAY = CallbackConfig.timeout(Duration.ofDays(1))
            .withHeartbeatTimeout(Duration.ofHours(1));
    private final InMemoryDurableService service = new InMemoryDurableService("\"ann\"");
    private final List<String> sentIds = new ArrayList<>();

    @Test
    void callbackIdIsIssuedByTheServiceAndStaysTheSameOnReplay() {
        var handler = FunctionHandler.of(String.class, (in, ctx) -> {
            var approval = ctx.createCallback("approval", String.class, ONE_DAY);
            ctx.step("ask-manager", String.class, s -> "sent " + approval.callbackId());
            sentIds.add(approval.callbackId());
            return approval.get();
        });

        assertEquals(PENDING, invoke(handler, service).status());
        service.succeedCallback(service.callbackId("approval"), "\"APPROVED\"");
        var output = invoke(handler, service);

        assertEquals("\"APPROVED\"", output.result());
        assertEquals(List.of(service.callbackId("approval"), service.callbackId("approval")), sentIds);
        assertEquals("\"sent " + sentIds.get(0) + "\"", service.operation("ask-manager").stepDetails().result());
    }

    @Test
    void callbackStartIsSentAtOnceWithItsTimeouts() {
        var handler = FunctionHandler.of(String.class, (in, ctx) -> ctx.createCallback("approval", String.class, ONE_DAY).get());

        invoke(handler, service);

        assertEquals(List.of(List.of("CALLBACK START approval")), service.batches());
        var options = service.requests().get(0).get(0).callbackOptions();
        assertEquals(86_400, options.timeoutSeconds());
        assertEquals(3_600, options.heartbeatTimeoutSeconds());
    }

    @Test
    void failedCallbackThrowsCallbackFailedExceptionWithTheErrorTheCallerSent() {
        var handler = catching(ctx -> ctx.createCallback("approval", String.class).get());

        invoke(handler, service);
        service.failCallback(service.callbackId("approval"), ErrorObject.of("Rejected", "team calendar is full"));

        assertEquals("\"CallbackFailedException approval Rejected: team calendar is full\"", invoke(handler, service).result());
    }

    @ParameterizedTest
    @ValueSource(strings = {CallbackTimeoutException.TIMEOUT, CallbackTimeoutException.HEARTBEAT})
    void timedOutCallbackThrowsCallbackTimeoutExceptionNamingWhichTimeout(String errorType) {
        var handler = catching(ctx -> ctx.createCallback("approval", String.class, ONE_DAY).get());

        invoke(handler, service);
        service.timeOutCallback(service.callbackId("approval"), errorType);

        assertEquals("\"CallbackTimeoutException approval " + errorType + ": Callback timed out\"",
                invoke(handler, service).result());
    }

    @Test
    void waitForCallbackHandsTheIdToItsSubmitterAndReturnsTheResult() {
        var handler = FunctionHandler.of(String.class, (in, ctx) -> ctx.waitForCallback("approval", String.class,
                (callbackId, step) -> sentIds.add(callbackId)));

        assertEquals(PENDING, invoke(handler, service).status());
        assertEquals(List.of("CONTEXT START approval", "CALLBACK START approval-callback", "STEP START approval-submitter",
                "STEP SUCCEED approval-submitter"), service.actions());
        service.succeedCallback(service.callbackId("approval-callback"), "\"APPROVED\"");
        var output = invoke(handler, service);

        assertEquals("\"APPROVED\"", output.result());
        assertEquals(List.of(service.callbackId("approval-callback")), sentIds, "the submitter ran once");
        assertEquals("CONTEXT SUCCEED approval", service.actions().get(4));
    }

    @Test
    void waitForCallbackSubmitterFailureBecomesCallbackSubmitterException() {
        var noRetry = WaitForCallbackConfig.DEFAULT.withSubmitterConfig(StepConfig.retrying(RetryStrategies.NO_RETRY));
        var handler = catching(ctx -> ctx.waitForCallback("approval", String.class, (callbackId, step) -> {
            throw new IllegalStateException("Slack is down");
        }, noRetry));

        var output = invoke(handler, service);

        assertEquals("\"CallbackSubmitterException approval java.lang.IllegalStateException: Slack is down\"", output.result());
    }

    @Test
    void waitForCallbackTimeoutSurfacesAsCallbackTimeoutException() {
        var handler = catching(ctx -> ctx.waitForCallback("approval", String.class, (callbackId, step) -> { },
                WaitForCallbackConfig.of(ONE_DAY)));

        invoke(handler, service);
        service.timeOutCallback(service.callbackId("approval-callback"), CallbackTimeoutException.TIMEOUT);

        assertEquals("\"CallbackTimeoutException approval-callback Callback.Timeout: Callback timed out\"",
                invoke(handler, service).result());
    }

    /** A handler that returns the callback exception its body throws, described as type, operation and error. */
    private static FunctionHandler<String, String> catching(Function<DurableContext, String> body) {
        return FunctionHandler.of(String.class, (in, ctx) -> {
            try {
                return body.apply(ctx);
            } catch (CallbackException e) {
                return e.getClass().getSimpleName() + " " + e.operationName() + " " + e.errorType() + ": " + e.errorMessage();
            }
        });
    }
}
