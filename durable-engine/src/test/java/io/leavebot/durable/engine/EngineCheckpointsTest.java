package io.leavebot.durable.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.leavebot.durable.DurableService;
import io.leavebot.durable.DurableServiceException.InvalidCheckpointTokenException;
import io.leavebot.durable.DurableServiceException.InvalidParameterException;
import io.leavebot.durable.model.ErrorObject;
import io.leavebot.durable.model.Operation;
import io.leavebot.durable.model.OperationAction;
import io.leavebot.durable.model.OperationStatus;
import io.leavebot.durable.model.OperationType;
import io.leavebot.durable.model.OperationUpdate;
import io.leavebot.durable.model.OperationUpdate.WaitOptions;
import io.leavebot.durable.testing.EngineHarness;
import io.leavebot.durable.testing.HeldInvocation;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The service's checkpoint rules, called directly with the token of an invocation held open: a used token is
 * refused, and a request with any invalid update is refused whole, storing nothing and keeping its token valid.
 */
class EngineCheckpointsTest {
    @RegisterExtension
    final EngineHarness engine = new EngineHarness();
    final HeldInvocation held = HeldInvocation.everyInvocation();
    DurableService service;
    String arn;
    String token;

    @BeforeEach
    void holdAnInvocation() {
        engine.register("held", held);
        arn = engine.engine().start("held", "held-1", "{}").durableExecutionArn();
        token = held.awaitHeld().checkpointToken();
        service = engine.engine().service();
    }

    @Test
    void eachCheckpointConsumesItsTokenAndAUsedOneIsRefused() {
        String used = token;
        checkpoint(stepStart("1"));

        var e = assertThrows(InvalidCheckpointTokenException.class, () -> service.checkpoint(arn, used, List.of(stepStart("2"))));

        assertTrue(e.getMessage().startsWith("Invalid Checkpoint Token"), e.getMessage());
        assertTrue(e.isRetryable(), "a fresh invocation fixes a stale token");
        assertNotEquals(used, token);
        assertEquals(List.of("1"), stored().stream().map(Operation::id).toList());
    }

    static Stream<Arguments> invalidRequests() {
        return Stream.of(
                Arguments.of(List.of(stepStart("not an id")), "Updates[0]: Id must be 1-64 letters, digits, '-' or '_'"),
                Arguments.of(List.of(stepStart("1"), child(stepStart("2"), "1")), "Updates[1]: Invalid parent operation id '1'"),
                Arguments.of(List.of(child(stepStart("2"), "nowhere")), "Updates[0]: Invalid parent operation id 'nowhere'"),
                Arguments.of(List.of(update("1", OperationType.WAIT, OperationAction.START).build()),
                        "Updates[0]: WaitOptions.WaitSeconds must be 1-31622400"),
                Arguments.of(List.of(update("1", OperationType.STEP, OperationAction.RETRY).error(ErrorObject.of("E", "m")).build()),
                        "Updates[0]: a RETRY needs StepOptions.NextAttemptDelaySeconds"),
                Arguments.of(List.of(update("1", OperationType.STEP, OperationAction.FAIL).payload("\"x\"").build()),
                        "Updates[0]: a FAIL update must not carry a Payload"),
                Arguments.of(List.of(waitStart("1"), waitStart("1")), "Updates[1]: operation 1 appears twice in one request"),
                Arguments.of(List.of(stepStart("1"), update("1", OperationType.STEP, OperationAction.SUCCEED).payload("1").build(),
                        update("2", OperationType.WAIT, OperationAction.START).build()), "Updates[2]: WaitOptions.WaitSeconds"));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("invalidRequests")
    void aRequestWithAnInvalidUpdateIsRefusedWholeAndStoresNothing(List<OperationUpdate> updates, String message) {
        List<String> history = engine.history(arn);

        var e = assertThrows(InvalidParameterException.class, () -> service.checkpoint(arn, token, updates));

        assertTrue(e.getMessage().startsWith(message), e.getMessage());
        assertEquals(List.of(), stored());
        assertEquals(history, engine.history(arn));
        checkpoint(); // the refused request did not use up the token
    }

    @Test
    void startingAWaitAgainInALaterRequestIsRefused() {
        checkpoint(waitStart("1"));
        List<String> history = engine.history(arn);

        var e = assertThrows(InvalidParameterException.class, () -> service.checkpoint(arn, token, List.of(waitStart("1"))));

        assertEquals("Updates[0]: WAIT 1 was already started", e.getMessage());
        assertEquals(history, engine.history(arn));
        assertEquals(List.of(OperationStatus.STARTED), stored().stream().map(Operation::status).toList());
    }

    @Test
    void aStepMayRecordItsStartAndOutcomeInsideAContextStartedInTheSameRequest() {
        checkpoint(update("c", OperationType.CONTEXT, OperationAction.START).build(),
                child(stepStart("s"), "c"),
                child(update("s", OperationType.STEP, OperationAction.SUCCEED).payload("\"done\"").build(), "c"));

        assertEquals(List.of("c", "s"), stored().stream().map(Operation::id).toList());
        assertEquals("\"done\"", stored().get(1).stepDetails().result());
        assertTrue(engine.history(arn).containsAll(List.of("ContextStarted", "StepStarted", "StepSucceeded")));
    }

    /** Sends the updates with the current token and keeps the one the service answers with. */
    private void checkpoint(OperationUpdate... updates) {
        token = service.checkpoint(arn, token, List.of(updates)).checkpointToken();
    }

    /** The operations stored for the execution, apart from the EXECUTION operation itself. */
    private List<Operation> stored() {
        return service.getExecutionState(arn, token, null, 0).operations().stream()
                .filter(op -> op.type() != OperationType.EXECUTION).toList();
    }

    private static OperationUpdate.Builder update(String id, OperationType type, OperationAction action) {
        return OperationUpdate.builder(id, type, action).name("op-" + id);
    }

    private static OperationUpdate stepStart(String id) {
        return update(id, OperationType.STEP, OperationAction.START).build();
    }

    private static OperationUpdate waitStart(String id) {
        return update(id, OperationType.WAIT, OperationAction.START).waitOptions(new WaitOptions(10)).build();
    }

    private static OperationUpdate child(OperationUpdate u, String parentId) {
        return new OperationUpdate(u.id(), parentId, u.name(), u.type(), u.subType(), u.action(), u.payload(), u.error(),
                u.stepOptions(), u.waitOptions(), u.callbackOptions(), u.contextOptions());
    }
}
