package io.leavebot.durable.engine;

import io.leavebot.durable.DurableContext;
import io.leavebot.durable.DurableHandler;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;

/**
 * A separate JVM for {@link CrashRecoveryTest}'s case 3-12 shape: a child context holding one at-least-once step
 * whose body, on its first run, logs a line and then hangs until the test kills the JVM. {@code start} launches
 * the execution; {@code resume} reopens the database and runs until it is closed.
 */
public final class ChildCrashWorker {
    static final String FUNCTION = "interrupted-child";
    static final String EXECUTION = "child-1";

    public static void main(String[] args) throws Exception {
        Path db = Path.of(args[0]);
        Path log = Path.of(args[1]);
        var engine = EmbeddedEngine.builder(db).build();
        engine.register(FUNCTION, new InterruptedChild(log)).start();
        if (args[2].equals("start")) {
            engine.start(FUNCTION, EXECUTION, "\"" + EXECUTION + "\"");
            Thread.sleep(Long.MAX_VALUE); // the test kills this JVM
        }
        String arn = engine.listExecutions(FUNCTION, io.leavebot.durable.model.ExecutionQuery.all())
                .executions().get(0).durableExecutionArn();
        var closed = engine.awaitClosed(arn, Duration.ofSeconds(60));
        engine.close();
        System.exit(closed.status().isClosed() ? 0 : 2);
    }

    static final class InterruptedChild extends DurableHandler<String, String> {
        private final Path log;

        InterruptedChild(Path log) {
            super(String.class);
            this.log = log;
        }

        @Override
        public String handleRequest(String name, DurableContext ctx) {
            return ctx.runInChildContext("parent", String.class, child -> child.step("work", String.class, s -> {
                boolean firstRun = !Files.exists(log);
                append("W " + name);
                if (firstRun) {
                    sleep(600_000); // hangs mid-body until the kill
                }
                return "worked";
            }));
        }

        private void append(String line) {
            try {
                Files.writeString(log, line + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                        StandardOpenOption.APPEND, StandardOpenOption.DSYNC);
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
