package io.leavebot.durable.operation;

import static io.leavebot.durable.model.InvocationStatus.PENDING;
import static io.leavebot.durable.testing.DurableInvoker.invoke;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.leavebot.durable.MapConfig;
import io.leavebot.durable.MapFunction;
import io.leavebot.durable.MapIterationFailedException;
import io.leavebot.durable.NonDeterministicExecutionException;
import io.leavebot.durable.testing.FunctionHandler;
import io.leavebot.durable.testing.InMemoryDurableService;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class MapOperationTest {
    private static final Duration PAUSE = Duration.ofSeconds(5);
    private final InMemoryDurableService service = new InMemoryDurableService("\"ann\"");
    private final AtomicInteger runs = new AtomicInteger();

    @Test
    void iterationsAreNamedByIndexAndResultsComeInItemOrder() {
        var handler = FunctionHandler.of(String.class, (in, ctx) -> ctx.map("days", List.of("mon", "tue"), String.class,
                (day, index, it) -> index + ":" + day).succeeded().toString());

        assertEquals("\"[0:mon, 1:tue]\"", invoke(handler, service).result());
        assertEquals("MapIteration", service.operation("days-iteration-1").subType());
        assertEquals("Map", service.operation("days").subType());
    }

    @Test
    void completedMapReplaysWithoutRunningTheFunction() {
        var handler = FunctionHandler.of(String.class, (in, ctx) -> {
            var batch = ctx.map("days", List.of(1, 2, 3), Integer.class, (n, index, it) -> {
                runs.incrementAndGet();
                return n * n;
            });
            ctx.wait("pause", PAUSE);
            return batch.succeeded().toString();
        });

        invoke(handler, service);
        service.advance(PAUSE);

        assertEquals("\"[1, 4, 9]\"", invoke(handler, service).result());
        assertEquals(3, runs.get());
    }

    @Test
    void anOpenMapResumesWithoutRunningTheIterationsThatFinished() {
        var handler = FunctionHandler.of(String.class, (in, ctx) -> ctx.map("days", List.of("mon", "tue"), String.class,
                (day, index, it) -> {
                    if (index == 1) {
                        it.wait("grace", PAUSE);
                    } else {
                        runs.incrementAndGet();
                    }
                    return day;
                }, MapConfig.DEFAULT.withMaxConcurrency(1)).succeeded().toString());

        assertEquals(PENDING, invoke(handler, service).status());
        service.advance(PAUSE);

        assertEquals("\"[mon, tue]\"", invoke(handler, service).result());
        assertEquals(1, runs.get());
    }

    @Test
    void aFailedIterationRaisesMapIterationFailedFromThrowIfError() {
        var handler = FunctionHandler.of(String.class, (in, ctx) -> {
            try {
                ctx.map("days", List.of("mon"), String.class, (day, index, it) -> {
                    throw new IllegalArgumentException("no " + day);
                }).throwIfError();
                return "not reached";
            } catch (MapIterationFailedException e) {
                return e.operationName() + " " + e.errorType() + ": " + e.errorMessage();
            }
        });

        assertEquals("\"days-iteration-0 java.lang.IllegalArgumentException: no mon\"", invoke(handler, service).result());
    }

    @Test
    void aLargeBatchLeavesResultsOutOfItsRecordAndReplaysThemFromTheIterations() {
        String big = "x".repeat(200 * 1024);
        var handler = FunctionHandler.of(String.class, (in, ctx) -> {
            var batch = ctx.map("reports", List.of(1, 2), String.class, (n, index, it) -> {
                runs.incrementAndGet();
                return n + big;
            });
            ctx.wait("pause", PAUSE);
            return batch.succeeded().stream().map(r -> r.substring(0, 1) + r.length()).toList().toString();
        });

        invoke(handler, service);
        service.advance(PAUSE);
        var output = invoke(handler, service);

        int length = 1 + 200 * 1024;
        assertEquals("\"[1" + length + ", 2" + length + "]\"", output.result());
        assertEquals(2, runs.get());
        var done = service.requests().stream().flatMap(List::stream).filter(u -> "reports".equals(u.name()) && u.action().name().equals("SUCCEED"))
                .findFirst().orElseThrow();
        assertEquals(true, done.contextOptions().replayChildren());
    }

    @Test
    void renamingTheIterationsOfAnOpenMapIsANonDeterministicChange() {
        MapFunction<String, String> waitThenEcho = (day, index, it) -> {
            it.wait("grace", PAUSE);
            return day;
        };
        var first = FunctionHandler.of(String.class, (in, ctx) ->
                ctx.map("days", List.of("mon"), String.class, waitThenEcho).getResult(0));
        var renamed = FunctionHandler.of(String.class, (in, ctx) -> ctx.map("days", List.of("mon"), String.class,
                waitThenEcho, MapConfig.DEFAULT.withItemNamer((item, index) -> "day-" + item)).getResult(0));

        assertEquals(PENDING, invoke(first, service).status());
        service.advance(PAUSE);

        assertEquals(NonDeterministicExecutionException.class.getName(), invoke(renamed, service).error().errorType());
    }
}
