package io.leavebot.durable.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.leavebot.durable.DurableServiceException.CallbackClosedException;
import io.leavebot.durable.DurableServiceException.InvalidCheckpointTokenException;
import io.leavebot.durable.DurableServiceException.InvalidParameterException;
import io.leavebot.durable.DurableServiceException.ResourceNotFoundException;
import io.leavebot.durable.model.DurableExecution;
import io.leavebot.durable.model.ErrorObject;
import io.leavebot.durable.model.Event;
import io.leavebot.durable.model.ExecutionPage;
import io.leavebot.durable.model.ExecutionQuery;
import io.leavebot.durable.model.ExecutionStatus;
import io.leavebot.durable.model.HistoryPage;
import io.leavebot.durable.model.OperationAction;
import io.leavebot.durable.model.OperationType;
import io.leavebot.durable.model.OperationUpdate;
import io.leavebot.durable.testing.EngineHarness;
import io.leavebot.durable.testing.FunctionHandler;
import io.leavebot.durable.testing.HeldInvocation;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Managing executions from outside: stopping them, listing them, reading their history page by page. */
class EngineExecutionsTest {
    static final String LEAVE = "leave";
    static final ErrorObject WITHDRAWN = ErrorObject.of("Withdrawn", "the employee withdrew the request");

    @RegisterExtension
    final EngineHarness engine = new EngineHarness();
    final AtomicInteger invocations = new AtomicInteger();

    @BeforeEach
    void registerLeave() {
        engine.register(LEAVE, FunctionHandler.of(String.class, (employee, ctx) -> {
            invocations.incrementAndGet();
            var approval = ctx.createCallback("manager-approval", String.class);
            ctx.wait("reminder-1", Duration.ofHours(1));
            return approval.get();
        }));
    }

    @Test
    void stoppedExecutionFiresNoTimersAndTakesNoCallbacks() {
        String arn = engine.start(LEAVE, "leave-1", "\"ann\"");
        String callbackId = engine.callbackId(arn, "manager-approval");

        engine.engine().stopExecution(arn, WITHDRAWN);
        engine.advance(Duration.ofHours(2));

        DurableExecution stopped = engine.engine().getExecution(arn);
        assertEquals(ExecutionStatus.STOPPED, stopped.status());
        assertEquals(WITHDRAWN, stopped.error());
        List<String> history = engine.history(arn);
        assertEquals("ExecutionStopped", history.get(history.size() - 1));
        assertEquals(1, invocations.get(), "the reminder never fired");
        assertEquals(Optional.empty(), engine.engine().nextTimerDue());
        assertThrows(CallbackClosedException.class, () -> engine.engine().succeedCallback(callbackId, "\"yes\""));
        assertEquals(history, engine.history(arn));
    }

    @Test
    void stoppingAClosedExecutionIsRefusedAndChangesNothing() {
        String arn = engine.start(LEAVE, "leave-1", "\"ann\"");
        engine.engine().stopExecution(arn, WITHDRAWN);
        List<String> history = engine.history(arn);

        var e = assertThrows(InvalidParameterException.class, () -> engine.engine().stopExecution(arn, null));

        assertTrue(e.getMessage().contains("is already STOPPED; only a running execution can be stopped"), e.getMessage());
        assertEquals(history, engine.history(arn));
        assertEquals(WITHDRAWN, engine.engine().getExecution(arn).error());
    }

    @Test
    void theInvocationRunningWhenItsExecutionStopsCanNoLongerCheckpoint() {
        var held = HeldInvocation.everyInvocation();
        engine.register("held", held);
        String arn = engine.engine().start("held", "held-1", "{}").durableExecutionArn();
        var invocation = held.awaitHeld();

        engine.engine().stopExecution(arn, WITHDRAWN);
        var stepStart = OperationUpdate.builder("1", OperationType.STEP, OperationAction.START).name("record").build();

        var e = assertThrows(InvalidCheckpointTokenException.class,
                () -> engine.engine().service().checkpoint(arn, invocation.checkpointToken(), List.of(stepStart)));
        assertTrue(e.getMessage().startsWith("Invalid Checkpoint Token"), e.getMessage());
        held.release();
        engine.runUntilIdle();
        assertEquals(List.of("ExecutionStarted", "ExecutionStopped"), engine.history(arn));
    }

    @Test
    void listingFiltersByStatusAndName() {
        List<String> arns = startLeaves(3);
        engine.engine().stopExecution(arns.get(1), WITHDRAWN);

        assertEquals(List.of(arns.get(0), arns.get(2)), list(ExecutionQuery.withStatus(ExecutionStatus.RUNNING)));
        assertEquals(List.of(arns.get(1)), list(ExecutionQuery.withStatus(ExecutionStatus.STOPPED)));
        assertEquals(arns, list(new ExecutionQuery(null, Set.of(ExecutionStatus.RUNNING, ExecutionStatus.STOPPED),
                null, null, false, null, 0)));
        assertEquals(List.of(arns.get(2)), list(ExecutionQuery.named("leave-2")));
        assertEquals(List.of(), list(ExecutionQuery.named("leave-9")));
        assertEquals(List.of(), engine.engine().listExecutions("other", ExecutionQuery.all()).executions());
    }

    @Test
    void listingFiltersByStartTimeAndListsNewestFirstInReverse() {
        Instant t0 = engine.clock().now();
        List<String> arns = startLeaves(3); // one minute apart

        assertEquals(arns.subList(1, 3), list(new ExecutionQuery(null, null, t0.plusSeconds(30), null, false, null, 0)));
        assertEquals(arns.subList(0, 2), list(new ExecutionQuery(null, null, null, t0.plusSeconds(90), false, null, 0)));
        assertEquals(List.of(arns.get(1)),
                list(new ExecutionQuery(null, null, t0.plusSeconds(30), t0.plusSeconds(90), false, null, 0)));
        assertEquals(List.of(arns.get(2), arns.get(1), arns.get(0)),
                list(new ExecutionQuery(null, null, null, null, true, null, 0)));
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void listingPageByPageShowsEveryExecutionExactlyOnce(boolean reverseOrder) {
        List<String> arns = startLeaves(7);
        var seen = new ArrayList<String>();
        String marker = null;
        int pages = 0;
        do {
            ExecutionPage page = engine.engine().listExecutions(LEAVE, new ExecutionQuery(null, null, null, null, reverseOrder, marker, 3));
            page.executions().forEach(e -> seen.add(e.durableExecutionArn()));
            marker = page.nextMarker();
            pages++;
        } while (marker != null);

        var expected = new ArrayList<>(arns);
        if (reverseOrder) {
            Collections.reverse(expected);
        }
        assertEquals(expected, seen);
        assertEquals(3, pages);
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void historyPageByPageShowsEveryEventExactlyOnce(boolean reverseOrder) {
        String arn = engine.start(LEAVE, "leave-1", "\"ann\"");
        engine.advance(Duration.ofHours(1));
        engine.engine().succeedCallback(engine.callbackId(arn, "manager-approval"), "\"yes\"");
        engine.awaitClosed(arn);
        var seen = new ArrayList<Event>();
        String marker = null;
        do {
            HistoryPage page = engine.engine().getHistory(arn, marker, 2, reverseOrder);
            assertTrue(page.events().size() <= 2);
            seen.addAll(page.events());
            marker = page.nextMarker();
        } while (marker != null);

        var expected = new ArrayList<>(engine.events(arn));
        if (reverseOrder) {
            Collections.reverse(expected);
        }
        assertEquals(expected, seen);
        assertTrue(seen.size() > 6, () -> "a history worth paging through: " + seen);
    }

    @ParameterizedTest
    @ValueSource(ints = {-1, 1001})
    void historyPageSizeOutOfRangeIsRefusedByEveryOverload(int maxItems) {
        String arn = engine.start(LEAVE, "leave-1", "\"ann\"");
        String expected = "MaxItems must be 0-1000, but was " + maxItems;

        assertEquals(expected, assertThrows(InvalidParameterException.class,
                () -> engine.engine().getHistory(arn, null, maxItems)).getMessage());
        assertEquals(expected, assertThrows(InvalidParameterException.class,
                () -> engine.engine().getHistory(arn, null, maxItems, true)).getMessage());
        assertEquals(expected, assertThrows(InvalidParameterException.class, () -> engine.engine().listExecutions(LEAVE,
                new ExecutionQuery(null, null, null, null, false, null, maxItems))).getMessage());
    }

    @Test
    void historyPageSizeZeroMeansTheDefaultPage() {
        String arn = engine.start(LEAVE, "leave-1", "\"ann\"");

        HistoryPage page = engine.engine().getHistory(arn, null, 0);

        assertEquals(engine.events(arn), page.events());
        assertNull(page.nextMarker());
    }

    @ParameterizedTest
    @ValueSource(strings = {"next", "-1", "99999999999"})
    void aMarkerTheEngineDidNotIssueIsRefused(String marker) {
        String arn = engine.start(LEAVE, "leave-1", "\"ann\"");
        String expected = "Marker '" + marker + "' was not issued by this engine";

        assertEquals(expected, assertThrows(InvalidParameterException.class,
                () -> engine.engine().getHistory(arn, marker, 0)).getMessage());
        assertEquals(expected, assertThrows(InvalidParameterException.class, () -> engine.engine().listExecutions(LEAVE,
                new ExecutionQuery(null, null, null, null, false, marker, 0))).getMessage());
    }

    @Test
    void anUnknownExecutionIsResourceNotFoundForEveryCall() {
        String arn = engine.start(LEAVE, "leave-1", "\"ann\"").replace("leave-1", "leave-2");

        assertThrows(ResourceNotFoundException.class, () -> engine.engine().getExecution(arn));
        assertThrows(ResourceNotFoundException.class, () -> engine.engine().getHistory(arn, null, 0));
        assertThrows(ResourceNotFoundException.class, () -> engine.engine().stopExecution(arn, WITHDRAWN));
        assertThrows(ResourceNotFoundException.class, () -> engine.engine().service().getExecutionState(arn, "token", null, 0));
    }

    /** Starts {@code count} executions named leave-0, leave-1, …, one minute apart; returns their ARNs in order. */
    private List<String> startLeaves(int count) {
        return IntStream.range(0, count).mapToObj(i -> {
            String arn = engine.start(LEAVE, "leave-" + i, "\"employee-" + i + "\"");
            engine.advance(Duration.ofMinutes(1));
            return arn;
        }).toList();
    }

    private List<String> list(ExecutionQuery query) {
        return engine.engine().listExecutions(LEAVE, query).executions().stream().map(DurableExecution::durableExecutionArn).toList();
    }
}
