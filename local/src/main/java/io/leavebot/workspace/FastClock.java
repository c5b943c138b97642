package io.leavebot.workspace;

import io.leavebot.durable.engine.TestClock;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/**
 * LeaveBot's time when started with {@code --fast-clock}: the real time plus whatever was skipped with
 * {@link #skip}, so reminders and expiry can be seen in seconds instead of days. Everything that tells time reads
 * it: the durable engine (through a {@link TestClock}, whose every move wakes the engine's timers), LeaveBot's
 * {@link Clock} and the workspace's messages. The skipped time is kept in the data folder, so a restart goes on
 * from where time was, and the engine's timers stay in order.
 *
 * <p>The engine's clock only moves forward and is moved by one thread at a time: a ticker follows the real clock
 * every {@value #TICK_MILLIS} ms, and {@link #skip} jumps; both go through {@link #moveTo}.
 */
public final class FastClock implements AutoCloseable {
    static final long TICK_MILLIS = 250;
    private static final Duration MAX_SKIP = Duration.ofDays(366);

    private final TestClock engineClock;
    private final Clock realTime;
    private final Path savedSkip;
    private final Thread ticker;
    private Duration skipped;

    /** @param savedSkip the file that keeps the skipped time across restarts */
    FastClock(Clock realTime, Path savedSkip) {
        this.realTime = realTime;
        this.savedSkip = savedSkip;
        this.skipped = load(savedSkip);
        this.engineClock = new TestClock(realTime.instant().plus(skipped));
        this.ticker = new Thread(this::follow, "workspace-fast-clock");
        ticker.setDaemon(true);
        ticker.start();
    }

    /** The engine's clock: give it to {@code EmbeddedEngine.builder(…).clock(…)}. */
    public TestClock engineClock() {
        return engineClock;
    }

    /** The same time as a {@link Clock}, in UTC, for LeaveBot's code. */
    public Clock clock() {
        return new View(ZoneOffset.UTC);
    }

    /** Moves time forward by {@code duration} (at most a year at a time); due reminders and expiries happen at once. */
    public synchronized void skip(Duration duration) {
        if (duration.isNegative() || duration.isZero() || duration.compareTo(MAX_SKIP) > 0) {
            throw new IllegalArgumentException("time moves forward by a positive duration of at most 366 days, not " + duration);
        }
        skipped = skipped.plus(duration);
        save();
        moveTo(realTime.instant().plus(skipped));
    }

    /** How far ahead of the real time LeaveBot's time is. */
    public synchronized Duration skipped() {
        return skipped;
    }

    private synchronized void moveTo(Instant target) {
        if (target.isAfter(engineClock.now())) {
            engineClock.set(target);
        }
    }

    private void follow() {
        while (!Thread.currentThread().isInterrupted()) {
            try {
                Thread.sleep(TICK_MILLIS);
            } catch (InterruptedException e) {
                return;
            }
            synchronized (this) {
                moveTo(realTime.instant().plus(skipped));
            }
        }
    }

    private static Duration load(Path file) {
        try {
            return Files.isRegularFile(file) ? Duration.parse(Files.readString(file).strip()) : Duration.ZERO;
        } catch (IOException | DateTimeParseException e) {
            throw new IllegalArgumentException("The fast clock's skipped time in " + file + " cannot be read (" + e.getMessage()
                    + "); delete the file to start from the real time");
        }
    }

    private void save() {
        try {
            Files.writeString(savedSkip, skipped.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("the fast clock's skipped time cannot be saved to " + savedSkip, e);
        }
    }

    @Override
    public void close() {
        ticker.interrupt();
    }

    /** The fast time as a {@link Clock} in a zone. */
    private final class View extends Clock {
        private final ZoneId zone;

        View(ZoneId zone) {
            this.zone = zone;
        }

        @Override
        public ZoneId getZone() {
            return zone;
        }

        @Override
        public Clock withZone(ZoneId other) {
            return new View(other);
        }

        @Override
        public Instant instant() {
            return engineClock.now();
        }
    }
}
