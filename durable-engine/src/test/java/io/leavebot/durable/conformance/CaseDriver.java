package io.leavebot.durable.conformance;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.JsonNode;
import io.leavebot.durable.engine.EmbeddedEngine;
import io.leavebot.durable.engine.TestClock;
import io.leavebot.durable.model.DurableExecution;
import io.leavebot.durable.model.Event;
import io.leavebot.durable.model.HistoryPage;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Runs one case on a fresh {@link EmbeddedEngine} with a {@link TestClock} and its own SQLite file: starts the
 * execution with the case's {@code Input}, then repeatedly lets the engine settle, schedules the
 * {@code CallbackActions} for new callbacks, moves the clock to the next scheduled action or engine timer and
 * sends what is due, until the execution is closed or nothing more can happen.
 */
final class CaseDriver {
    static final String FUNCTION = "conformance-case";
    /** More rounds than any case needs (1-13 takes about ten); a runaway execution ends here, reported. */
    private static final int MAX_ROUNDS = 100;
    private static final Duration SETTLE_TIMEOUT = Duration.ofSeconds(30);
    private static final int HISTORY_PAGE = 1000;

    /** What a run left behind: the execution, its history in the service's JSON shape, and driver problems. */
    record Outcome(DurableExecution execution, List<JsonNode> history, List<String> problems) {
    }

    private CaseDriver() {
    }

    static Outcome run(ConformanceCase c, RequestStreamHandler handler, Placeholders placeholders, Path directory) {
        return run(c, handler, Map.of(), placeholders, directory);
    }

    /** @param targets further functions the case's handler may invoke (chained invoke), by function name */
    static Outcome run(ConformanceCase c, RequestStreamHandler handler, Map<String, ? extends RequestStreamHandler> targets,
            Placeholders placeholders, Path directory) {
        var clock = new TestClock();
        var problems = new ArrayList<String>();
        try (var engine = EmbeddedEngine.builder(directory.resolve("engine.db")).clock(clock).build()) {
            targets.forEach(engine::register);
            engine.register(FUNCTION, handler).start();
            String input = SuiteJson.text(placeholders.substitute(c.input()));
            String arn = engine.start(FUNCTION, "case-" + c.id(), input).durableExecutionArn();
            var callbacks = new CallbackDispatcher(c.callbackActions(), placeholders, engine);
            drive(engine, clock, arn, callbacks, problems);
            problems.addAll(callbacks.problems());
            return new Outcome(engine.getExecution(arn), SuiteJson.events(history(engine, arn)), problems);
        }
    }

    private static void drive(EmbeddedEngine engine, TestClock clock, String arn, CallbackDispatcher callbacks,
            List<String> problems) {
        for (int round = 0; round < MAX_ROUNDS; round++) {
            if (!engine.awaitIdle(SETTLE_TIMEOUT)) {
                problems.add("the engine was still busy after " + SETTLE_TIMEOUT.toSeconds() + " s (round " + round + ")");
                return;
            }
            if (engine.getExecution(arn).status().isClosed()) {
                return;
            }
            callbacks.schedule(SuiteJson.events(history(engine, arn)));
            Optional<Instant> next = Stream.of(callbacks.nextDue(), engine.nextTimerDue())
                    .flatMap(Optional::stream).min(Instant::compareTo);
            if (next.isEmpty()) {
                return; // nothing scheduled and no timer: nothing more can happen
            }
            if (next.get().isAfter(clock.now())) {
                clock.set(next.get());
            }
            callbacks.sendDue(clock.now());
        }
        problems.add("the execution was still running after " + MAX_ROUNDS + " rounds of timers and callbacks");
    }

    static List<Event> history(EmbeddedEngine engine, String arn) {
        var events = new ArrayList<Event>();
        String marker = null;
        do {
            HistoryPage page = engine.getHistory(arn, marker, HISTORY_PAGE);
            events.addAll(page.events());
            marker = page.nextMarker();
        } while (marker != null);
        return events;
    }
}
