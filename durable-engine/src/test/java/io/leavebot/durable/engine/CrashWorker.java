package io.leavebot.durable.engine;

import io.leavebot.durable.DurableContext;
import io.leavebot.durable.DurableHandler;
import io.leavebot.durable.RetryStrategies;
import io.leavebot.durable.StepConfig;
import io.leavebot.durable.StepSemantics;
import io.leavebot.durable.model.ExecutionQuery;
import io.leavebot.durable.model.ExecutionStatus;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;

/**
 * A separate JVM for {@link CrashRecoveryTest}: {@code start} launches executions and runs until it is killed;
 * {@code resume} reopens the same database and runs until every execution is closed. Each step body appends a
 * line to a log file before doing anything else, so the test can count how often each body ran.
 */
public final class CrashWorker {
    static final String FUNCTION = "crashy";
    static final StepConfig EXACTLY_ONCE = StepConfig.retrying(RetryStrategies.NO_RETRY).withSemantics(StepSemantics.AT_MOST_ONCE_PER_RETRY);
    static final StepConfig AT_MOST_ONCE_RETRYING = StepConfig.retrying(RetryStrategies.fixedDelay(3, Duration.ofSeconds(1)))
            .withSemantics(StepSemantics.AT_MOST_ONCE_PER_RETRY);

    public static void main(String[] args) throws Exception {
        Path db = Path.of(args[0]);
        Path log = Path.of(args[1]);
        int count = Integer.parseInt(args[3]);
        var engine = EmbeddedEngine.builder(db).workers(4).build();
        engine.register(FUNCTION, new Crashy(log)).start();
        if (args[2].equals("start")) {
            for (int i = 0; i < count; i++) {
                engine.start(FUNCTION, "x-" + i, "\"x-" + i + "\"");
            }
            Thread.sleep(Long.MAX_VALUE); // the test kills this JVM
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (!engine.listExecutions(FUNCTION, ExecutionQuery.withStatus(ExecutionStatus.RUNNING)).executions().isEmpty()) {
            if (System.nanoTime() > deadline) {
                System.exit(2);
            }
            Thread.sleep(50);
        }
        engine.close();
        System.exit(0);
    }

    /** Step A is at-most-once (retrying for even executions, never for odd ones), B at-least-once, C exactly once. */
    static final class Crashy extends DurableHandler<String, String> {
        private final Path log;

        Crashy(Path log) {
            super(String.class);
            this.log = log;
        }

        @Override
        public String handleRequest(String name, DurableContext ctx) {
            boolean retrying = Integer.parseInt(name.substring(2)) % 2 == 0;
            ctx.step("a", Void.class, s -> {
                append("A " + name + " " + s.attempt());
                // x-0 and x-1 hang in their first attempt, so the kill surely lands mid-step
                sleep(name.equals("x-0") || name.equals("x-1") ? (s.attempt() == 1 ? 600_000 : 0) : 300);
                return null;
            }, retrying ? AT_MOST_ONCE_RETRYING : EXACTLY_ONCE);
            ctx.step("b", Void.class, s -> append("B " + name));
            ctx.wait("pause", Duration.ofSeconds(2));
            ctx.step("c", Void.class, s -> append("C " + name), EXACTLY_ONCE);
            return "done " + name;
        }

        private Void append(String line) {
            try {
                Files.writeString(log, line + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                        StandardOpenOption.APPEND, StandardOpenOption.DSYNC);
                return null;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private static void sleep(long ms) {
            try {
                Thread.sleep(ms);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
