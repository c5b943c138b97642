package io.leavebot.durable.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.leavebot.durable.StepInterruptedException;
import io.leavebot.durable.model.DurableExecution;
import io.leavebot.durable.model.ExecutionQuery;
import io.leavebot.durable.model.ExecutionStatus;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills a JVM running executions with SIGKILL mid-step and mid-wait; a new JVM on the same file finishes them. What
 * the killed JVM recorded is read from the file in between.
 */
class CrashRecoveryTest {
    private static final int EXECUTIONS = 12;
    private static final Duration MID_BODY = Duration.ofSeconds(2);

    @TempDir
    Path dir;

    @Test
    void killedJvmResumesEveryExecutionAndNeverRepeatsAnAtMostOnceAttempt() throws Exception {
        Path db = dir.resolve("engine.db");
        Path log = dir.resolve("steps.log");
        Process first = worker(db, log, "start");
        // kill once x-0 and x-1 hang inside step A and others have moved on into their wait
        awaitLog(log, lines -> lines.contains("A x-0 1") && lines.contains("A x-1 1")
                && lines.stream().filter(l -> l.startsWith("B ")).count() >= 2);
        first.destroyForcibly().waitFor();
        List<String> beforeCrash = Files.readAllLines(log);

        Process second = worker(db, log, "resume");
        assertEquals(0, second.waitFor(), "the resuming JVM finished every execution");

        List<String> lines = Files.readAllLines(log);
        Map<String, Long> runs = lines.stream().collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
        runs.forEach((line, count) -> {
            if (line.startsWith("A ") || line.startsWith("C ")) {
                assertEquals(1, count, "an at-most-once attempt ran twice: " + line);
            }
        });
        try (var engine = EmbeddedEngine.builder(db).build()) {
            List<DurableExecution> all = engine.listExecutions(CrashWorker.FUNCTION, ExecutionQuery.all()).executions();
            assertEquals(EXECUTIONS, all.size());
            for (DurableExecution e : all) {
                // an exactly-once step cut off by the kill is not run again: its execution fails as interrupted
                if (e.status() == ExecutionStatus.FAILED) {
                    assertEquals(StepInterruptedException.class.getName(), e.error().errorType());
                } else {
                    assertEquals(ExecutionStatus.SUCCEEDED, e.status(), () -> e.durableExecutionName() + " " + e.error());
                }
            }
            assertEquals(ExecutionStatus.FAILED, status(all, "x-1"), "x-1 hung in its only attempt when killed");
            assertEquals(ExecutionStatus.SUCCEEDED, status(all, "x-0"), "x-0 hung in attempt 1, then retried");
            assertTrue(lines.contains("A x-0 2"), "x-0 retried its interrupted attempt as attempt 2");
            assertTrue(beforeCrash.size() < lines.size(), "work went on after the crash");
        }
    }

    @Test
    void killMidStepLeavesItsStartRecordedAndTheRerunAddsNoSecondStart() throws Exception {
        Path db = dir.resolve("child.db");
        Path log = dir.resolve("child.log");
        Process first = worker(ChildCrashWorker.class, db, log, "start");
        awaitLog(log, lines -> lines.contains("W child-1"));
        // mid-body: the START went out as the body began and needs one round trip; the body itself never ends
        Thread.sleep(MID_BODY.toMillis());
        first.destroyForcibly().waitFor();
        assertEquals(List.of("ExecutionStarted", "ContextStarted parent", "StepStarted work"), history(db),
                "the START of the context and of the step reached the engine while the body ran");

        Process second = worker(ChildCrashWorker.class, db, log, "resume");
        assertEquals(0, second.waitFor(), "the resuming JVM finished the execution");

        assertEquals(List.of("W child-1", "W child-1"), Files.readAllLines(log), "an at-least-once body runs again");
        List<String> steps = history(db).stream().filter(e -> e.endsWith(" work")).toList();
        assertEquals(List.of("StepStarted work", "StepSucceeded work"), steps, "no second StepStarted");
    }

    /** The execution's history events, each as its type and the operation's name, without invocation events. */
    private static List<String> history(Path db) {
        try (var engine = EmbeddedEngine.builder(db).build()) {
            String arn = engine.listExecutions(ChildCrashWorker.FUNCTION, ExecutionQuery.all()).executions().get(0)
                    .durableExecutionArn();
            return engine.getHistory(arn, null, 1000).events().stream()
                    .filter(e -> !e.eventType().equals("InvocationCompleted"))
                    .map(e -> e.name() == null ? e.eventType() : e.eventType() + " " + e.name()).toList();
        }
    }

    private static ExecutionStatus status(List<DurableExecution> all, String name) {
        return all.stream().filter(e -> e.durableExecutionName().equals(name)).findFirst().orElseThrow().status();
    }

    private Process worker(Path db, Path log, String phase) throws IOException {
        return worker(CrashWorker.class, db, log, phase);
    }

    private Process worker(Class<?> main, Path db, Path log, String phase) throws IOException {
        return new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), main.getName(),
                db.toString(), log.toString(), phase, Integer.toString(EXECUTIONS))
                .redirectErrorStream(true).redirectOutput(dir.resolve(main.getSimpleName() + "-" + phase + ".out").toFile()).start();
    }

    private static void awaitLog(Path log, java.util.function.Predicate<List<String>> ready) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            if (Files.exists(log) && ready.test(Files.readAllLines(log))) {
                return;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("the first JVM never reached the crash point; log: "
                + (Files.exists(log) ? Files.readAllLines(log) : "none"));
    }
}
