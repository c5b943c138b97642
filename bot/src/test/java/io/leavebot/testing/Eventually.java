package io.leavebot.testing;

import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;

/** Waiting, in end-to-end tests, for something another process or thread does (a DM reaching Slack, say). */
public final class Eventually {
    private static final Duration PATIENCE = Duration.ofSeconds(20);

    private Eventually() {
    }

    /** The first value {@code condition} gives within 20 s, polling every 20 ms; fails naming {@code what} otherwise. */
    public static <T> T await(Supplier<Optional<T>> condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (System.nanoTime() < deadline) {
            Optional<T> value = condition.get();
            if (value.isPresent()) {
                return value.get();
            }
            Thread.sleep(20);
        }
        throw new AssertionError("waited " + PATIENCE.toSeconds() + " s for " + what);
    }

    /** Waits until {@code condition} holds. */
    public static void awaitTrue(Supplier<Boolean> condition, String what) throws InterruptedException {
        await(() -> condition.get() ? Optional.of(true) : Optional.empty(), what);
    }
}
