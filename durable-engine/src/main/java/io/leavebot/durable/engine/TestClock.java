package io.leavebot.durable.engine;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CopyOnWriteArrayList;

/** A clock that only moves when told to; the engine fires every timer that falls due. */
public final class TestClock implements EngineClock {
    private final CopyOnWriteArrayList<Runnable> listeners = new CopyOnWriteArrayList<>();
    private volatile Instant now;

    public TestClock(Instant start) {
        this.now = start;
    }

    public TestClock() {
        this(Instant.parse("2026-01-05T09:00:00Z"));
    }

    @Override
    public Instant now() {
        return now;
    }

    public void advance(Duration duration) {
        set(now.plus(duration));
    }

    public synchronized void set(Instant instant) {
        if (instant.isBefore(now)) {
            throw new IllegalArgumentException("time only moves forward: " + instant + " is before " + now);
        }
        now = instant;
        listeners.forEach(Runnable::run);
    }

    /** The engine registers here to re-check its timers when time moves. */
    void onChange(Runnable listener) {
        listeners.add(listener);
    }
}
