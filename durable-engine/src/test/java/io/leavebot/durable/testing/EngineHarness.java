package io.leavebot.durable.testing;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import io.leavebot.durable.engine.EmbeddedEngine;
import io.leavebot.durable.engine.TestClock;
import io.leavebot.durable.model.DurableExecution;
import io.leavebot.durable.model.ErrorObject;
import io.leavebot.durable.model.Event;
import io.leavebot.durable.model.ExecutionStatus;
import io.leavebot.durable.model.HistoryPage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * An {@link EmbeddedEngine} already started for each test, on its own SQLite file in a temporary directory, with a
 * {@link TestClock}: time moves only through {@link #advance}. Register it with
 * {@code @RegisterExtension final EngineHarness engine = new EngineHarness();}, then register handlers and start
 * executions. The engine's log is kept off the console and printed only when the test fails; the engine, the
 * handlers that need closing and the directory are cleaned up in one place.
 */
public final class EngineHarness implements BeforeEachCallback, AfterEachCallback, AutoCloseable {
    /** How long the engine may take to settle after a nudge; far more than any test here needs. */
    public static final Duration SETTLE = Duration.ofSeconds(10);

    private final UnaryOperator<EmbeddedEngine.Builder> options;
    private final Map<String, RequestStreamHandler> handlers = new LinkedHashMap<>();
    private Path directory;
    private TestClock clock;
    private EmbeddedEngine engine;
    private LogCapture log;

    public EngineHarness() {
        this(builder -> builder);
    }

    /** @param options changes to the engine's settings, such as {@code b -> b.statePageSize(3)} */
    public EngineHarness(UnaryOperator<EmbeddedEngine.Builder> options) {
        this.options = options;
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        open();
    }

    @Override
    public void afterEach(ExtensionContext context) {
        if (context.getExecutionException().isPresent()) {
            System.err.println("engine log of " + context.getDisplayName() + ":");
            log.lines().forEach(line -> System.err.println("  " + line));
        }
        close();
    }

    /** Opens a fresh engine; the JUnit callbacks call this, other callers pair it with {@link #close()}. */
    public void open() {
        try {
            directory = Files.createTempDirectory("engine-harness");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        log = LogCapture.silencing("io.leavebot.durable");
        clock = new TestClock();
        engine = build();
    }

    public EmbeddedEngine engine() {
        return engine;
    }

    public TestClock clock() {
        return clock;
    }

    /** Registers the handler for {@code functionName}, now and after every {@link #reopen()}. */
    public EngineHarness register(String functionName, RequestStreamHandler handler) {
        handlers.put(functionName, handler);
        engine.register(functionName, handler);
        return this;
    }

    /** Starts an execution, lets it run as far as it can and returns its ARN. */
    public String start(String functionName, String executionName, String inputJson) {
        String arn = engine.start(functionName, executionName, inputJson).durableExecutionArn();
        runUntilIdle();
        return arn;
    }

    /** Waits until no invocation is queued or running and no timer is due. */
    public void runUntilIdle() {
        assertTrue(engine.awaitIdle(SETTLE), "the engine was still busy after " + SETTLE);
    }

    /** Moves virtual time forward, then lets everything that fell due run. */
    public void advance(Duration duration) {
        clock.advance(duration);
        runUntilIdle();
    }

    public ExecutionStatus status(String arn) {
        return engine.getExecution(arn).status();
    }

    /** Waits until the execution is closed and returns it. */
    public DurableExecution awaitClosed(String arn) {
        return engine.awaitClosed(arn, SETTLE);
    }

    /** The whole history, every page of it. */
    public List<Event> events(String arn) {
        var events = new ArrayList<Event>();
        String marker = null;
        do {
            HistoryPage page = engine.getHistory(arn, marker, 1000);
            events.addAll(page.events());
            marker = page.nextMarker();
        } while (marker != null);
        return events;
    }

    /** The history's event types in order, such as {@code [ExecutionStarted, StepStarted, …]}. */
    public List<String> history(String arn) {
        return events(arn).stream().map(Event::eventType).toList();
    }

    /** The id the service issued to the callback named {@code name}; fails if it has not been created. */
    public String callbackId(String arn, String name) {
        return events(arn).stream()
                .filter(e -> e.eventType().equals("CallbackStarted") && name.equals(e.name()))
                .map(e -> (String) e.details().get("CallbackId"))
                .findFirst().orElseThrow(() -> new AssertionError("no callback named '" + name + "' in " + history(arn)));
    }

    /** The error an event carries in {@code Error.Payload}, such as an {@code InvocationCompleted}'s; null if none. */
    public static ErrorObject error(Event event) {
        if (!(event.details().get("Error") instanceof Map<?, ?> error) || !(error.get("Payload") instanceof Map<?, ?> payload)) {
            return null;
        }
        return ErrorObject.of((String) payload.get("ErrorType"), (String) payload.get("ErrorMessage"));
    }

    /**
     * Closes the engine as if the process ended (invocations in progress are abandoned) and opens a new one on the
     * same file, with the same clock and handlers, which recovers what the old one left; then lets it settle.
     */
    public void reopen() {
        engine.close();
        engine = build();
        runUntilIdle();
    }

    private EmbeddedEngine build() {
        var created = options.apply(EmbeddedEngine.builder(directory.resolve("engine.db")).clock(clock)).build();
        handlers.forEach(created::register);
        return created.start();
    }

    /** Closes the engine and the handlers that hold resources, and deletes the directory. */
    @Override
    public void close() {
        engine.close();
        for (RequestStreamHandler handler : handlers.values()) {
            if (handler instanceof AutoCloseable closeable) {
                closeQuietly(closeable);
            }
        }
        handlers.clear();
        log.close();
        deleteDirectory();
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception e) {
            System.err.println("closing " + closeable + " failed: " + e);
        }
    }

    private void deleteDirectory() {
        try (Stream<Path> files = Files.walk(directory)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            System.err.println("could not delete " + directory + ": " + e);
        }
    }
}
