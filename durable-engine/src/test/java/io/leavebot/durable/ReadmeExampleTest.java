package io.leavebot.durable;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.leavebot.durable.engine.EmbeddedEngine;
import io.leavebot.durable.engine.TestClock;
import io.leavebot.durable.model.ExecutionStatus;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README's example, compiled and run on the embedded engine. */
class ReadmeExampleTest {

    public static class Greeting extends DurableHandler<String, String> {
        @Override
        public String handleRequest(String name, DurableContext ctx) {
            String greeting = ctx.step("greet", String.class, step -> "Hello, " + name);
            ctx.wait("pause", Duration.ofMinutes(5));
            String answer = ctx.waitForCallback("answer", String.class,
                    (callbackId, step) -> System.out.println("complete callback " + callbackId),
                    WaitForCallbackConfig.of(CallbackConfig.timeout(Duration.ofDays(3))));
            return greeting + " — " + answer;
        }
    }

    @TempDir
    Path dir;

    @Test
    void readmeExampleRunsToItsResult() {
        var clock = new TestClock();
        try (var engine = EmbeddedEngine.builder(dir.resolve("readme.db")).clock(clock).build()) {
            engine.register("greeting", new Greeting()).start();
            String arn = engine.start("greeting", "g-1", "\"Ada\"").durableExecutionArn();
            assertTrue(engine.awaitIdle(Duration.ofSeconds(10)));
            clock.advance(Duration.ofMinutes(5));
            assertTrue(engine.awaitIdle(Duration.ofSeconds(10)));
            String callbackId = engine.getHistory(arn, null, 100).events().stream()
                    .filter(e -> e.eventType().equals("CallbackStarted"))
                    .map(e -> (String) e.details().get("CallbackId")).findFirst().orElseThrow();
            engine.succeedCallback(callbackId, "\"fine, thanks\"");
            var done = engine.awaitClosed(arn, Duration.ofSeconds(10));
            assertEquals(ExecutionStatus.SUCCEEDED, done.status());
            assertEquals("\"Hello, Ada — fine, thanks\"", done.result());
        }
    }
}
