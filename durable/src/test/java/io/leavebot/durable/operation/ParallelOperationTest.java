package io.leavebot.durable.operation;

import static io.leavebot.durable.model.InvocationStatus.PENDING;
import static io.leavebot.durable.model.InvocationStatus.SUCCEEDED;
import static io.leavebot.durable.testing.DurableInvoker.invoke;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.leavebot.durable.BatchItemStatus;
import io.leavebot.durable.BatchResult;
import io.leavebot.durable.CompletionConfig;
import io.leavebot.durable.DurableOperationException;
import io.leavebot.durable.NestingType;
import io.leavebot.durable.NonDeterministicExecutionException;
import io.leavebot.durable.ParallelBranch;
import io.leavebot.durable.ParallelConfig;
import io.leavebot.durable.RetryStrategies;
import io.leavebot.durable.StepConfig;
import io.leavebot.durable.StepFailedException;
import io.leavebot.durable.execution.OperationIds;
import io.leavebot.durable.testing.FunctionHandler;
import io.leavebot.durable.testing.InMemoryDurableService;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ParallelOperationTest {
    private static final Duration PAUSE = Duration.ofSeconds(5);
    private static final ParallelConfig ONE_AT_A_TIME = ParallelConfig.DEFAULT.withMaxConcurrency(1);
    private final InMemoryDurableService service = new InMemoryDurableService("\"ann\"");
    private final AtomicInteger branchRuns = new AtomicInteger();

    @Test
    void completedParallelReplaysTheRecordedBatchWithoutRunningAnyBranch() {
        var handler = FunctionHandler.of(String.class, (in, ctx) -> {
            var batch = ctx.parallel("notify", List.of(counted("slack"), counted("email")));
            ctx.wait("pause", PAUSE);
            return String.join(",", batch.succeeded());
        });

        invoke(handler, service);
        service.advance(PAUSE);
        var output = invoke(handler, service);

        assertEquals("\"slack,email\"", output.result());
        assertEquals(2, branchRuns.get());
        assertEquals(List.of("CONTEXT START notify", "CONTEXT START slack", "CONTEXT SUCCEED slack", "CONTEXT START email",
                "CONTEXT SUCCEED email", "CONTEXT SUCCEED notify", "WAIT START pause"), service.actions());
    }

    @Test
    void branchesHaveIdsChainedFromTheParallelAndNameItAsParent() {
        var handler = FunctionHandler.of(String.class, (in, ctx) -> ctx.parallel("notify", List.of(counted("slack"))).getResult(0));

        invoke(handler, service);

        String parallelId = OperationIds.idFor(null, 1);
        assertEquals(OperationIds.idFor(parallelId, 1), service.operation("slack").id());
        assertEquals(parallelId, service.operation("slack").parentId());
        assertEquals("ParallelBranch", service.operation("slack").subType());
        assertEquals("Parallel", service.operation("notify").subType());
    }

    @Test
    void aWaitingBranchHoldsItsSlotSoTheNextStartsInALaterInvocation() {
        var handler = FunctionHandler.of(String.class, (in, ctx) -> String.join(",", ctx.parallel("notify",
                List.of(waiting("remind"), counted("email")), ONE_AT_A_TIME).succeeded()));

        assertEquals(PENDING, invoke(handler, service).status());
        assertEquals(List.of("CONTEXT START notify", "CONTEXT START remind", "WAIT START grace"), service.actions());
        assertEquals(0, branchRuns.get());
        service.advance(PAUSE);
        var output = invoke(handler, service);

        assertEquals("\"remind,email\"", output.result());
        assertEquals(List.of("CONTEXT SUCCEED remind", "CONTEXT START email", "CONTEXT SUCCEED email", "CONTEXT SUCCEED notify"),
                service.actions().subList(3, 7));
    }

    @Test
    void withoutALimitAWaitingBranchDoesNotHoldBackTheNext() {
        var handler = FunctionHandler.of(String.class, (in, ctx) -> String.join(",",
                ctx.parallel("notify", List.of(waiting("remind"), counted("email"))).succeeded()));

        assertEquals(PENDING, invoke(handler, service).status());

        assertEquals(1, branchRuns.get());
        assertEquals(List.of("CONTEXT START notify", "CONTEXT START remind", "WAIT START grace", "CONTEXT START email",
                "CONTEXT SUCCEED email"), service.actions());
    }

    @Test
    void firstSuccessfulCompletesEarlyAndIgnoresABranchStillWaiting() {
        var seen = new ArrayList<BatchResult<String>>();
        var handler = FunctionHandler.of(String.class, (in, ctx) -> {
            seen.add(ctx.parallel("race", List.of(waiting("remind"), counted("email"), counted("sms")),
                    ParallelConfig.DEFAULT.withCompletionConfig(CompletionConfig.firstSuccessful())));
            return "done";
        });

        assertEquals(SUCCEEDED, invoke(handler, service).status());

        var batch = seen.get(0);
        assertEquals("MIN_SUCCESSFUL_REACHED", batch.completionReason().name());
        assertEquals(List.of(BatchItemStatus.STARTED, BatchItemStatus.SUCCEEDED, BatchItemStatus.NOT_STARTED),
                batch.items().stream().map(i -> i.status()).toList());
        assertEquals(1, branchRuns.get());
        assertEquals(2, batch.totalCount());
        assertEquals(3, batch.size());
    }

    @Test
    void exceedingTheToleratedFailuresStopsBeforeTheRemainingBranches() {
        var handler = FunctionHandler.of(String.class, (in, ctx) -> {
            var batch = ctx.parallel("charge", List.of(failing("visa"), failing("amex"), counted("cash")),
                    ONE_AT_A_TIME.withCompletionConfig(CompletionConfig.toleratedFailureCount(1)));
            return batch.completionReason() + " " + batch.failureCount() + "/" + batch.totalCount();
        });

        var output = invoke(handler, service);

        assertEquals("\"FAILURE_TOLERANCE_EXCEEDED 2/2\"", output.result());
        assertEquals(0, branchRuns.get());
        assertNull(service.operation("cash"));
    }

    @Test
    void failuresWithinToleranceLetEveryBranchRun() {
        var handler = FunctionHandler.of(String.class, (in, ctx) -> {
            var batch = ctx.parallel("charge", List.of(failing("visa"), counted("cash")),
                    ONE_AT_A_TIME.withCompletionConfig(CompletionConfig.toleratedFailurePercentage(0.5)));
            return batch.completionReason() + " " + batch.status() + " " + batch.succeeded();
        });

        assertEquals("\"ALL_COMPLETED FAILED [cash]\"", invoke(handler, service).result());
    }

    @Test
    void aBranchExceptionIsInTheBatchAndThrowIfErrorRaisesTheSameOnFirstRunAndReplay() {
        var seen = new ArrayList<String>();
        var handler = FunctionHandler.of(String.class, (in, ctx) -> {
            var batch = ctx.parallel("charge", List.of(failing("visa"), ParallelBranch.of("amex", String.class,
                    b -> b.step("authorize", String.class, s -> {
                        throw new IllegalStateException("card declined");
                    }, StepConfig.retrying(RetryStrategies.NO_RETRY)))));
            batch.errors().forEach(e -> seen.add(describe(e)));
            ctx.wait("pause", PAUSE);
            batch.throwIfError();
            return "not reached";
        });

        invoke(handler, service);
        service.advance(PAUSE);
        var output = invoke(handler, service);

        String visa = "ParallelBranchFailedException visa java.lang.IllegalArgumentException: visa refused";
        String amex = "StepFailedException authorize java.lang.IllegalStateException: card declined";
        assertEquals(List.of(visa, amex, visa, amex), seen);
        // an uncaught operation exception fails the execution with the original error
        assertEquals("java.lang.IllegalArgumentException: visa refused",
                output.error().errorType() + ": " + output.error().errorMessage());
    }

    @Test
    void flatBranchesAreNotRecordedAndTheirStepsNameTheParallelAsParent() {
        var handler = FunctionHandler.of(String.class, (in, ctx) -> String.join(",", ctx.parallel("notify", List.of(
                ParallelBranch.of(String.class, b -> b.step("send", String.class, s -> "sent"))),
                ParallelConfig.DEFAULT.withNestingType(NestingType.FLAT)).succeeded()));

        assertEquals("\"sent\"", invoke(handler, service).result());

        String parallelId = OperationIds.idFor(null, 1);
        assertEquals(List.of("CONTEXT START notify", "STEP START send", "STEP SUCCEED send", "CONTEXT SUCCEED notify"),
                service.actions());
        assertEquals(parallelId, service.operation("send").parentId());
        assertEquals(OperationIds.idFor(OperationIds.idFor(parallelId, 1), 1), service.operation("send").id());
    }

    @Test
    void aWaitingFlatBranchRunsAgainInTheNextInvocationAndItsOperationsReplay() {
        var handler = FunctionHandler.of(String.class, (in, ctx) -> String.join(",", ctx.parallel("notify", List.of(
                ParallelBranch.of(String.class, b -> b.step("send", String.class, s -> "sent-" + branchRuns.incrementAndGet())),
                waiting("remind")), ParallelConfig.DEFAULT.withNestingType(NestingType.FLAT)).succeeded()));

        assertEquals(PENDING, invoke(handler, service).status());
        service.advance(PAUSE);

        assertEquals("\"sent-1,remind\"", invoke(handler, service).result());
        assertEquals(List.of("CONTEXT START notify", "STEP START send", "STEP SUCCEED send", "WAIT START grace",
                "CONTEXT SUCCEED notify"), service.actions());
    }

    @Test
    void minSuccessfulBeyondTheBranchCountIsRefusedBeforeAnythingIsRecorded() {
        var handler = FunctionHandler.of(String.class, (in, ctx) -> ctx.parallel("notify", List.of(counted("slack")),
                ParallelConfig.DEFAULT.withCompletionConfig(CompletionConfig.minSuccessful(2))).getResult(0));

        assertEquals(IllegalArgumentException.class.getName(), invoke(handler, service).error().errorType());
        assertEquals(List.of(), service.actions());
        assertThrows(IllegalArgumentException.class, () -> ParallelConfig.DEFAULT.withMaxConcurrency(0));
    }

    @Test
    void replayingACompletedParallelWithFewerBranchesIsANonDeterministicChange() {
        var first = FunctionHandler.of(String.class, (in, ctx) -> {
            ctx.parallel("notify", List.of(counted("slack"), counted("email")));
            ctx.wait("pause", PAUSE);
            return "done";
        });
        var shrunk = FunctionHandler.of(String.class, (in, ctx) -> {
            ctx.parallel("notify", List.of(counted("slack")));
            ctx.wait("pause", PAUSE);
            return "done";
        });

        invoke(first, service);
        service.advance(PAUSE);

        assertEquals(NonDeterministicExecutionException.class.getName(), invoke(shrunk, service).error().errorType());
    }

    private ParallelBranch<String> counted(String name) {
        return ParallelBranch.of(name, String.class, b -> {
            branchRuns.incrementAndGet();
            return name;
        });
    }

    private static ParallelBranch<String> waiting(String name) {
        return ParallelBranch.of(name, String.class, b -> {
            b.wait("grace", PAUSE);
            return name;
        });
    }

    private static ParallelBranch<String> failing(String name) {
        return ParallelBranch.of(name, String.class, b -> {
            throw new IllegalArgumentException(name + " refused");
        });
    }

    private static String describe(DurableOperationException e) {
        return e.getClass().getSimpleName() + " " + e.operationName() + " " + e.errorType() + ": " + e.errorMessage();
    }
}
