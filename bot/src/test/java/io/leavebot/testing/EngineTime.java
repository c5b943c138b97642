package io.leavebot.testing;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.function.Supplier;

/**
 * The engine's test clock as the {@link Clock} the application reads, so that LeaveBot's "now" (creation times,
 * link expiry, "today") moves with the engine's timers. Always in UTC, as LeaveBot's tests run.
 */
public final class EngineTime extends Clock {
    private final Supplier<Instant> now;

    /** @param now the engine clock's time, e.g. {@code testClock::now} */
    public EngineTime(Supplier<Instant> now) {
        this.now = now;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("LeaveBot's tests run in UTC");
    }

    @Override
    public Instant instant() {
        return now.get();
    }
}
