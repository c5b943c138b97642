package io.leavebot.durable.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.leavebot.durable.DurableServiceException.InvalidCheckpointTokenException;
import io.leavebot.durable.DurableServiceException.InvalidParameterException;
import io.leavebot.durable.model.ErrorObject;
import io.leavebot.durable.model.OperationAction;
import io.leavebot.durable.model.OperationStatus;
import io.leavebot.durable.model.OperationType;
import io.leavebot.durable.model.OperationUpdate;
import io.leavebot.durable.model.OperationUpdate.StepOptions;
import io.leavebot.durable.model.OperationUpdate.WaitOptions;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The harness behaves like the service where the runtime tests rely on it. */
class InMemoryDurableServiceTest {
    private static final String ARN = InMemoryDurableService.EXECUTION_ARN;
    private final InMemoryDurableService service = new InMemoryDurableService("{}");

    @Test
    void eachCheckpointConsumesItsTokenAndReturnsTheNextOne() {
        String first = service.checkpointToken();

        String second = service.checkpoint(ARN, first, List.of()).checkpointToken();

        assertEquals(second, service.checkpointToken());
        var stale = assertThrows(InvalidCheckpointTokenException.class, () -> service.checkpoint(ARN, first, List.of()));
        assertTrue(stale.isRetryable());
    }

    @Test
    void retryMakesAStepPendingUntilItsDelayHasPassedThenReady() {
        var retry = update("s1", OperationType.STEP, OperationAction.RETRY).error(ErrorObject.of("E", "m"))
                .stepOptions(new StepOptions(30)).build();
        service.checkpoint(ARN, service.checkpointToken(), List.of(retry));

        assertEquals(OperationStatus.PENDING, service.operation("s1").status());
        assertEquals(1, service.operation("s1").stepDetails().attempt(), "Attempt counts finished attempts");
        service.advance(Duration.ofSeconds(29));
        assertEquals(OperationStatus.PENDING, service.operation("s1").status());
        service.advance(Duration.ofSeconds(1));
        assertEquals(OperationStatus.READY, service.operation("s1").status());
    }

    @Test
    void waitSucceedsAtItsScheduledEnd() {
        var start = update("w1", OperationType.WAIT, OperationAction.START).waitOptions(new WaitOptions(60)).build();
        service.checkpoint(ARN, service.checkpointToken(), List.of(start));

        service.advance(Duration.ofMinutes(5));

        assertEquals(OperationStatus.SUCCEEDED, service.operation("w1").status());
        assertEquals(service.operation("w1").waitDetails().scheduledEndTimestamp(), service.operation("w1").endTimestamp());
    }

    @Test
    void requestWithAnUpdateTheServiceRefusesChangesNothing() {
        var valid = update("s1", OperationType.STEP, OperationAction.START).build();
        var orphan = update("s2", OperationType.STEP, OperationAction.START).parentId("no-such-context").build();
        var error = assertThrows(InvalidParameterException.class,
                () -> service.checkpoint(ARN, service.checkpointToken(), List.of(valid, orphan)));

        assertTrue(error.getMessage().endsWith("Invalid parent operation id no-such-context"), error.getMessage());
        assertNull(service.operation("s1"));
        assertTrue(service.requests().isEmpty());
    }

    @Test
    void statePagesFollowTheirMarkersToTheEnd() {
        service.pageSize(1);
        service.checkpoint(ARN, service.checkpointToken(), List.of(update("a", OperationType.CONTEXT, OperationAction.START).build(),
                update("b", OperationType.CONTEXT, OperationAction.START).build()));

        var first = service.initialState();
        var second = service.getExecutionState(ARN, service.checkpointToken(), first.nextMarker(), 1000);
        var third = service.getExecutionState(ARN, service.checkpointToken(), second.nextMarker(), 1000);

        assertEquals(List.of(InMemoryDurableService.EXECUTION_ID, "id-a", "id-b"),
                List.of(first.operations().get(0).id(), second.operations().get(0).id(), third.operations().get(0).id()));
        assertEquals(false, third.hasMore());
    }

    private static OperationUpdate.Builder update(String name, OperationType type, OperationAction action) {
        return OperationUpdate.builder("id-" + name, type, action).name(name);
    }
}
