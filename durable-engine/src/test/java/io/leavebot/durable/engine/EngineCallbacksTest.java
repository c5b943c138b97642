package io.leavebot.durable.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.leavebot.durable.CallbackConfig;
import io.leavebot.durable.CallbackFailedException;
import io.leavebot.durable.CallbackTimeoutException;
import io.leavebot.durable.DurableServiceException.CallbackClosedException;
import io.leavebot.durable.DurableServiceException.InvalidParameterException;
import io.leavebot.durable.DurableServiceException.ResourceNotFoundException;
import io.leavebot.durable.model.ErrorObject;
import io.leavebot.durable.model.ExecutionStatus;
import io.leavebot.durable.testing.EngineHarness;
import io.leavebot.durable.testing.FunctionHandler;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.function.Executable;

/**
 * Callbacks completed from outside: success and failure reach the handler, a closed or unknown callback is refused,
 * timeouts and heartbeats follow virtual time, and every refused call leaves the history as it was.
 */
class EngineCallbacksTest {
    static final String LEAVE = "leave";
    static final String APPROVAL = "manager-approval";
    static final Duration TIMEOUT = Duration.ofDays(3);
    static final Duration HEARTBEAT = Duration.ofHours(8);

    @RegisterExtension
    final EngineHarness engine = new EngineHarness();
    String arn;
    String callbackId;

    @BeforeEach
    void startALeaveWaitingForApproval() {
        var config = CallbackConfig.timeout(TIMEOUT).withHeartbeatTimeout(HEARTBEAT);
        engine.register(LEAVE, FunctionHandler.of(String.class, (employee, ctx) -> {
            try {
                return "approved: " + ctx.createCallback(APPROVAL, String.class, config).get();
            } catch (CallbackFailedException e) {
                return "refused: " + e.errorType() + " / " + e.errorMessage();
            } catch (CallbackTimeoutException e) {
                return "expired: " + e.errorType();
            }
        }));
        arn = engine.start(LEAVE, "leave-1", "\"ann\"");
        callbackId = engine.callbackId(arn, APPROVAL);
    }

    @Test
    void successDeliversTheResultToTheHandler() {
        engine.engine().succeedCallback(callbackId, "\"yes\"");

        assertEquals("\"approved: yes\"", engine.awaitClosed(arn).result());
        assertTrue(engine.history(arn).contains("CallbackSucceeded"));
    }

    @Test
    void failureRaisesCallbackFailedExceptionWithTheSentError() {
        engine.engine().failCallback(callbackId, ErrorObject.of("Rejected", "no cover that week"));

        assertEquals("\"refused: Rejected / no cover that week\"", engine.awaitClosed(arn).result());
        assertTrue(engine.history(arn).contains("CallbackFailed"));
    }

    @Test
    void unknownCallbackIdIsResourceNotFoundForEveryCall() {
        assertRefusedChangingNothing(ResourceNotFoundException.class, () -> engine.engine().succeedCallback("nope", "1"));
        assertRefusedChangingNothing(ResourceNotFoundException.class, () -> engine.engine().failCallback("nope", null));
        assertRefusedChangingNothing(ResourceNotFoundException.class, () -> engine.engine().heartbeatCallback("nope"));
        assertRefusedChangingNothing(ResourceNotFoundException.class, () -> engine.engine().succeedCallback(null, "1"));
    }

    @Test
    void aSecondCompletionIsRefusedAndTheHandlerSeesOnlyTheFirst() {
        engine.engine().succeedCallback(callbackId, "\"yes\"");
        engine.awaitClosed(arn);

        assertRefusedChangingNothing(CallbackClosedException.class, () -> engine.engine().succeedCallback(callbackId, "\"no\""));
        assertRefusedChangingNothing(CallbackClosedException.class,
                () -> engine.engine().failCallback(callbackId, ErrorObject.of("Rejected", "changed my mind")));
        assertRefusedChangingNothing(CallbackClosedException.class, () -> engine.engine().heartbeatCallback(callbackId));
        assertEquals("\"approved: yes\"", engine.engine().getExecution(arn).result());
    }

    @Test
    void callbackTimesOutWhenItsTimeoutPassesAndNotBefore() {
        Duration beat = HEARTBEAT.minusMinutes(1);
        Duration elapsed = Duration.ZERO;
        for (; elapsed.plus(beat).compareTo(TIMEOUT) < 0; elapsed = elapsed.plus(beat)) {
            engine.advance(beat); // heartbeats keep the heartbeat timeout away
            engine.engine().heartbeatCallback(callbackId);
        }
        engine.advance(TIMEOUT.minus(elapsed).minusSeconds(1));
        assertEquals(ExecutionStatus.RUNNING, engine.status(arn));

        engine.advance(Duration.ofSeconds(1));

        assertEquals("\"expired: Callback.Timeout\"", engine.awaitClosed(arn).result());
        assertRefusedChangingNothing(CallbackClosedException.class, () -> engine.engine().succeedCallback(callbackId, "\"yes\""));
    }

    @Test
    void callbackTimesOutWhenHeartbeatsStop() {
        engine.advance(HEARTBEAT.minusSeconds(1));
        assertEquals(ExecutionStatus.RUNNING, engine.status(arn));

        engine.advance(Duration.ofSeconds(1));

        assertEquals("\"expired: Callback.Heartbeat\"", engine.awaitClosed(arn).result());
        assertRefusedChangingNothing(CallbackClosedException.class, () -> engine.engine().heartbeatCallback(callbackId));
    }

    @Test
    void aHeartbeatPushesTheHeartbeatDeadlineOut() {
        engine.advance(HEARTBEAT.minusMinutes(1));
        List<String> history = engine.history(arn);

        engine.engine().heartbeatCallback(callbackId);
        engine.advance(HEARTBEAT.minusMinutes(1));

        assertEquals(ExecutionStatus.RUNNING, engine.status(arn));
        assertEquals(history, engine.history(arn), "a heartbeat adds no event");
        engine.engine().succeedCallback(callbackId, "\"yes\"");
        assertEquals("\"approved: yes\"", engine.awaitClosed(arn).result());
    }

    @Test
    void anOversizeResultIsRefusedAndTheCallbackStaysOpen() {
        String big = "\"" + "x".repeat(256 * 1024) + "\"";

        var e = assertRefusedChangingNothing(InvalidParameterException.class, () -> engine.engine().succeedCallback(callbackId, big));

        assertEquals("the callback result is larger than the 256 KiB limit", e.getMessage());
        engine.engine().succeedCallback(callbackId, "\"yes\"");
        assertEquals("\"approved: yes\"", engine.awaitClosed(arn).result());
    }

    private <T extends Throwable> T assertRefusedChangingNothing(Class<T> expected, Executable call) {
        List<String> before = engine.history(arn);
        ExecutionStatus status = engine.status(arn);
        T refused = assertThrows(expected, call);
        engine.runUntilIdle();
        assertEquals(before, engine.history(arn), "a refused call changed the history");
        assertEquals(status, engine.status(arn));
        return refused;
    }
}
