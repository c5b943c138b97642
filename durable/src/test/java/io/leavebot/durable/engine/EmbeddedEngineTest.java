package io.leavebot.durable.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.leavebot.durable.CallbackConfig;
import io.leavebot.durable.DurableContext;
import io.leavebot.durable.DurableHandler;
import io.leavebot.durable.model.ExecutionStatus;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedEngineTest {
    @TempDir
    Path dir;

    static final AtomicInteger stepRuns = new AtomicInteger();

    public static class Greeter extends DurableHandler<String, String> {
        @Override
        public String handleRequest(String input, DurableContext ctx) {
            String greeting = ctx.step("greet", String.class, s -> { stepRuns.incrementAndGet(); return "hello " + input; });
            ctx.wait("pause", Duration.ofSeconds(10));
            var cb = ctx.createCallback("approval", String.class, CallbackConfig.timeout(Duration.ofHours(1)));
            return greeting + " / " + cb.get();
        }
    }

    @Test
    void stepWaitCallbackRunToCompletion() {
        var clock = new TestClock();
        try (var engine = EmbeddedEngine.builder(dir.resolve("e.db")).clock(clock).build()) {
            engine.register("greeter", new Greeter()).start();
            var started = engine.start("greeter", "g-1", "\"ann\"");
            assertTrue(engine.awaitIdle(Duration.ofSeconds(10)));
            assertEquals(ExecutionStatus.RUNNING, engine.getExecution(started.durableExecutionArn()).status());
            clock.advance(Duration.ofSeconds(10));
            assertTrue(engine.awaitIdle(Duration.ofSeconds(10)));
            var history = engine.getHistory(started.durableExecutionArn(), null, 100);
            String callbackId = history.events().stream().filter(e -> e.eventType().equals("CallbackStarted"))
                    .map(e -> (String) e.details().get("CallbackId")).findFirst().orElseThrow();
            engine.succeedCallback(callbackId, "\"yes\"");
            var done = engine.awaitClosed(started.durableExecutionArn(), Duration.ofSeconds(10));
            assertEquals(ExecutionStatus.SUCCEEDED, done.status(), () -> String.valueOf(done));
            assertEquals("\"hello ann / yes\"", done.result());
            assertEquals(1, stepRuns.get());
            engine.getHistory(started.durableExecutionArn(), null, 100).events()
                    .forEach(e -> System.out.println(e.eventId() + " " + e.eventType() + " " + e.details()));
        }
    }
}
