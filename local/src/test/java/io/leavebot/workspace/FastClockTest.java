package io.leavebot.workspace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.leavebot.testing.EngineTime;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The fast clock: the real time plus what was skipped, for the engine and for LeaveBot alike, kept across restarts. */
class FastClockTest {
    @TempDir
    Path dir;

    private final AtomicReference<Instant> realTime = new AtomicReference<>(Instant.parse("2026-11-02T09:00:00Z"));

    @Test
    void skippingMovesTheEngineAndLeaveBotAheadOfTheRealTime() {
        try (var clock = new FastClock(new EngineTime(realTime::get), dir.resolve("skipped"))) {
            clock.skip(Duration.ofDays(3));
            assertEquals(Instant.parse("2026-11-05T09:00:00Z"), clock.engineClock().now());
            assertEquals(clock.engineClock().now(), clock.clock().instant());
            assertEquals(Duration.ofDays(3), clock.skipped());
        }
    }

    @Test
    void itFollowsTheRealTimeAndARestartGoesOnFromTheSkippedTime() throws Exception {
        try (var clock = new FastClock(new EngineTime(realTime::get), dir.resolve("skipped"))) {
            clock.skip(Duration.ofHours(1));
        }
        realTime.set(realTime.get().plusSeconds(30));
        try (var clock = new FastClock(new EngineTime(realTime::get), dir.resolve("skipped"))) {
            assertEquals(Instant.parse("2026-11-02T10:00:30Z"), clock.engineClock().now());
            realTime.set(realTime.get().plusSeconds(5));
            long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
            while (!clock.engineClock().now().equals(Instant.parse("2026-11-02T10:00:35Z")) && System.nanoTime() < deadline) {
                Thread.sleep(FastClock.TICK_MILLIS / 5);
            }
            assertEquals(Instant.parse("2026-11-02T10:00:35Z"), clock.engineClock().now());
        }
    }

    @Test
    void timeMovesOnlyForwardAndByAtMostAYear() {
        try (var clock = new FastClock(new EngineTime(realTime::get), dir.resolve("skipped"))) {
            assertThrows(IllegalArgumentException.class, () -> clock.skip(Duration.ZERO));
            assertThrows(IllegalArgumentException.class, () -> clock.skip(Duration.ofHours(-1)));
            assertThrows(IllegalArgumentException.class, () -> clock.skip(Duration.ofDays(367)));
            assertEquals(Duration.ZERO, clock.skipped());
        }
    }
}
