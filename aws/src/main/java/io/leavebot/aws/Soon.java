package io.leavebot.aws;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;

/**
 * A value a function starts making on a daemon thread of its own as it starts, and takes later, so that slow start-up
 * work (the CRT's native library, the secret's round trip, a library's class initialisation) overlaps the rest of the
 * cold start. A thread of its own, not
 * the common pool: on a 2-core machine that pool has one thread, and a second value would wait behind the first's
 * round trip. {@link #get} waits for the value and throws what making it threw.
 */
final class Soon<T> implements Supplier<T> {
    private final CompletableFuture<T> making = new CompletableFuture<>();

    private Soon() {
    }

    /** Starts making the value now, on a daemon thread named {@code name}. */
    static <T> Soon<T> start(String name, Supplier<T> maker) {
        Soon<T> soon = new Soon<>();
        Thread thread = new Thread(() -> {
            try {
                soon.making.complete(maker.get());
            } catch (RuntimeException | Error e) {
                soon.making.completeExceptionally(e);
            }
        }, name);
        thread.setDaemon(true);
        thread.start();
        return soon;
    }

    @Override
    public T get() {
        try {
            return making.join();
        } catch (CompletionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException failure) {
                throw failure;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw e;
        }
    }
}
