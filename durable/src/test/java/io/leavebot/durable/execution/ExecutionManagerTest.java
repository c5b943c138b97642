package io.leavebot.durable.execution;

import static io.leavebot.durable.model.InvocationStatus.PENDING;
import static io.leavebot.durable.model.InvocationStatus.SUCCEEDED;
import static io.leavebot.durable.testing.DurableInvoker.invoke;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.leavebot.durable.DurableFuture;
import io.leavebot.durable.DurableService;
import io.leavebot.durable.DurableServiceException;
import io.leavebot.durable.JacksonSerDes;
import io.leavebot.durable.model.CheckpointResponse;
import io.leavebot.durable.model.ExecutionState;
import io.leavebot.durable.model.OperationAction;
import io.leavebot.durable.model.OperationType;
import io.leavebot.durable.model.OperationUpdate;
import io.leavebot.durable.testing.FunctionHandler;
import io.leavebot.durable.testing.InMemoryDurableService;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ExecutionManagerTest {
    private final InMemoryDurableService service = new InMemoryDurableService("\"ann\"");
    private final ExecutionManager manager = new ExecutionManager(InMemoryDurableService.EXECUTION_ARN,
            service.checkpointToken(), service, new JacksonSerDes());

    @Test
    void asyncCheckpointIsOnTheWireWhileTheCallerGoesOnAndTheNextFlushGoesAfterIt() throws Exception {
        var onTheWire = new CountDownLatch(1);
        var answer = new CountDownLatch(1);
        DurableService slow = new DurableService() {
            @Override
            public CheckpointResponse checkpoint(String arn, String token, List<OperationUpdate> updates) {
                onTheWire.countDown();
                await(answer);
                return service.checkpoint(arn, token, updates);
            }

            @Override
            public ExecutionState getExecutionState(String arn, String token, String marker, int maxItems) {
                return service.getExecutionState(arn, token, marker, maxItems);
            }
        };
        var manager = new ExecutionManager(InMemoryDurableService.EXECUTION_ARN, service.checkpointToken(), slow, new JacksonSerDes());

        manager.checkpointAsync(step("record", OperationAction.START));
        assertTrue(onTheWire.await(10, TimeUnit.SECONDS), "the START went out while the caller went on");
        var outcome = CompletableFuture.runAsync(() -> manager.checkpoint(step("record", OperationAction.SUCCEED)));
        answer.countDown();
        outcome.get(10, TimeUnit.SECONDS);
        manager.stopSender();

        assertEquals(List.of(List.of("STEP START record"), List.of("STEP SUCCEED record")), service.batches());
    }

    @Test
    void flushBeforeTheSenderGotToTheQueueTakesTheStartAlongInOneRequest() {
        var tasks = new ArrayList<Runnable>();
        var manager = new ExecutionManager(InMemoryDurableService.EXECUTION_ARN, service.checkpointToken(), service,
                new JacksonSerDes(), tasks::add);

        manager.checkpointAsync(step("record", OperationAction.START));
        manager.checkpoint(step("record", OperationAction.SUCCEED));
        tasks.forEach(Runnable::run); // the sender runs late and finds nothing left to send
        manager.stopSender();

        assertEquals(List.of(List.of("STEP START record", "STEP SUCCEED record")), service.batches());
        assertEquals(1, manager.checkpointRequests());
    }

    @Test
    void sendsStillToComeWhenTheInvocationEndsDoNothing() {
        var tasks = new ArrayList<Runnable>();
        var manager = new ExecutionManager(InMemoryDurableService.EXECUTION_ARN, service.checkpointToken(), service,
                new JacksonSerDes(), tasks::add);

        manager.checkpointAsync(step("record", OperationAction.START));
        manager.stopSender(); // the body died within its head start
        tasks.forEach(Runnable::run);

        assertEquals(List.of(), service.batches());
    }

    @Test
    void whatTheSenderFailedWithIsThrownByTheNextFlushAndNothingFollowsIt() {
        var manager = new ExecutionManager(InMemoryDurableService.EXECUTION_ARN, service.checkpointToken(), service,
                new JacksonSerDes(), Runnable::run);
        service.failNextCheckpoint(new DurableServiceException.ServiceUnavailableException("try again", null));

        manager.checkpointAsync(step("record", OperationAction.START));
        manager.enqueue(step("record", OperationAction.SUCCEED));

        assertThrows(DurableServiceException.ServiceUnavailableException.class, manager::flush);
        assertEquals(List.of(), service.batches());
    }

    @Test
    void atLeastOnceStepStartGoesOutBeforeItsOutcome() {
        var handler = FunctionHandler.of(String.class, (in, ctx) -> ctx.step("record", String.class, s -> "recorded"));

        invoke(handler, service);

        // one request or two, depending on whether the body ended before the sender got to the START
        assertEquals(List.of("STEP START record", "STEP SUCCEED record"), service.actions());
    }

    @Test
    void waitStartTravelsWithTheNextCheckpoint() {
        var handler = FunctionHandler.of(String.class, (in, ctx) -> {
            var reminder = ctx.waitAsync("reminder", Duration.ofDays(2));
            ctx.step("record", String.class, s -> "recorded");
            reminder.get();
            return "done";
        });

        assertEquals(PENDING, invoke(handler, service).status());

        assertEquals(List.of("WAIT START reminder", "STEP START record"), service.batches().get(0).subList(0, 2));
        assertEquals(List.of("WAIT START reminder", "STEP START record", "STEP SUCCEED record"), service.actions());
    }

    @Test
    void waitStartQueuedLastIsSentByTheFinalFlushBeforeSuspending() {
        var handler = FunctionHandler.of(String.class, (in, ctx) -> {
            ctx.step("record", String.class, s -> "recorded");
            ctx.wait("reminder", Duration.ofDays(2));
            return "done";
        });

        assertEquals(PENDING, invoke(handler, service).status());

        assertEquals(List.of("WAIT START reminder"), service.batches().get(service.batches().size() - 1));
        assertEquals(List.of("STEP START record", "STEP SUCCEED record", "WAIT START reminder"), service.actions());
    }

    @Test
    void moreThan200UpdatesAreSplitIntoRequestsOf200InOrder() {
        var handler = FunctionHandler.of(String.class, (in, ctx) -> {
            var waits = IntStream.rangeClosed(1, 450).mapToObj(i -> ctx.waitAsync("wait-" + i, Duration.ofHours(1)));
            DurableFuture.allOf(waits.toArray(DurableFuture[]::new));
            return "done";
        });

        assertEquals(PENDING, invoke(handler, service).status());

        assertEquals(List.of(200, 200, 50), service.requests().stream().map(List::size).toList());
        var expected = IntStream.rangeClosed(1, 450).mapToObj(i -> "WAIT START wait-" + i).toList();
        assertEquals(expected, service.actions());
    }

    @Test
    void updatesLargerThan750KiBTogetherAreSplitInOrder() {
        String payload = "\"" + "x".repeat(300 * 1024) + "\"";
        for (int i = 1; i <= 3; i++) {
            manager.enqueue(succeededStep("big-" + i, payload));
        }

        manager.flush();

        assertEquals(List.of(List.of("STEP SUCCEED big-1", "STEP SUCCEED big-2"), List.of("STEP SUCCEED big-3")),
                service.batches());
        for (List<OperationUpdate> request : service.requests()) {
            int bytes = request.stream().mapToInt(ExecutionManager::sizeOf).sum();
            assertTrue(bytes <= ExecutionManager.MAX_BATCH_BYTES, bytes + " bytes in one request");
        }
        assertEquals(2, manager.checkpointRequests());
    }

    @Test
    void singleUpdateOverTheRequestLimitIsSentAlone() {
        manager.enqueue(succeededStep("small", "\"s\""));
        manager.enqueue(succeededStep("huge", "\"" + "x".repeat(800 * 1024) + "\""));
        manager.enqueue(succeededStep("after", "\"a\""));

        manager.flush();

        assertEquals(List.of(List.of("STEP SUCCEED small"), List.of("STEP SUCCEED huge"), List.of("STEP SUCCEED after")),
                service.batches());
    }

    @Test
    void theSizeBoundIsNeverBelowTheExactSizeWhateverTheCharacters() {
        // control characters become six-byte escapes, quotes and backslashes two, others up to three or four in UTF-8
        String nasty = "\u0001\n\"\\é€\uD83D\uDE00x";
        var error = new io.leavebot.durable.model.ErrorObject(nasty, nasty.repeat(3), nasty, List.of(nasty, nasty));
        var updates = List.of(succeededStep("plain", "\"done\""), succeededStep(nasty, "\"" + nasty.repeat(1000) + "\""),
                OperationUpdate.builder("id-failed", OperationType.STEP, OperationAction.FAIL).parentId("parent")
                        .name("failed").subType("Step").error(error).build(),
                OperationUpdate.builder("id-invoke", OperationType.CHAINED_INVOKE, OperationAction.START).name("invoke")
                        .chainedInvokeOptions(new OperationUpdate.ChainedInvokeOptions(nasty, nasty)).payload(nasty).build());

        for (OperationUpdate update : updates) {
            assertTrue(ExecutionManager.sizeBound(update) >= ExecutionManager.sizeOf(update), update.name());
        }
    }

    @Test
    void initialStateWithNextMarkerIsCompletedFromGetExecutionState() {
        var runs = new AtomicInteger();
        var handler = FunctionHandler.of(String.class, (in, ctx) -> {
            IntStream.rangeClosed(1, 5).forEach(i -> ctx.step("step-" + i, Integer.class, s -> runs.incrementAndGet()));
            ctx.wait("pause", Duration.ofSeconds(5));
            return "done";
        });
        invoke(handler, service);
        service.advance(Duration.ofSeconds(5));
        service.pageSize(2);

        var output = invoke(handler, service);

        assertEquals(SUCCEEDED, output.status());
        assertEquals(5, runs.get(), "every step was found in a later page and replayed");
        assertEquals(3, service.stateRequests(), "7 operations in pages of 2: the envelope's, then 3 more");
    }

    @Test
    void checkpointResponseWithNextMarkerIsReadToTheEnd() {
        service.pageSize(1);
        for (int i = 1; i <= 3; i++) {
            manager.enqueue(succeededStep("step-" + i, "\"" + i + "\""));
        }

        manager.flush();

        assertEquals(2, service.stateRequests());
        for (int i = 1; i <= 3; i++) {
            assertNotNull(manager.operation("id-step-" + i), "step-" + i + " merged from its page");
        }
    }

    private static OperationUpdate step(String name, OperationAction action) {
        var update = OperationUpdate.builder("id-" + name, OperationType.STEP, action).name(name).subType("Step");
        return (action == OperationAction.SUCCEED ? update.payload("\"done\"") : update).build();
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static OperationUpdate succeededStep(String name, String payload) {
        return OperationUpdate.builder("id-" + name, OperationType.STEP, OperationAction.SUCCEED)
                .name(name).subType("Step").payload(payload).build();
    }
}
