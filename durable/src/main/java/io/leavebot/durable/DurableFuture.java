package io.leavebot.durable;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The outcome of a durable operation that may still be open. Blocking on an open one ({@link #get()},
 * {@link #anyOf}, {@link #allOf}) ends the invocation with PENDING; the service invokes the handler again once
 * something it waits for has changed, and the code replays up to the same point.
 */
public interface DurableFuture<T> {

    /** The result; throws the operation's exception if it failed; suspends the invocation while it is open. */
    T get();

    /** True once the operation has an outcome (success or failure). */
    boolean isDone();

    /** When the service recorded the outcome; null while open. */
    Instant completedAt();

    /**
     * Waits until at least one future is done and returns the one that finished first. "First" is decided by
     * the service's completion timestamps (ties: argument order), so a replay picks the same winner even when,
     * by then, several are done.
     */
    static DurableFuture<?> anyOf(DurableFuture<?>... futures) {
        if (futures.length == 0) {
            throw new IllegalArgumentException("anyOf needs at least one future");
        }
        DurableFuture<?> winner = null;
        for (DurableFuture<?> future : futures) {
            if (future.isDone() && (winner == null || future.completedAt().isBefore(winner.completedAt()))) {
                winner = future;
            }
        }
        if (winner == null) {
            futures[0].get(); // none is done: blocking on an open future suspends the invocation
        }
        return winner;
    }

    /** Waits until every future is done and returns their results in argument order; throws the first failure. */
    static List<Object> allOf(DurableFuture<?>... futures) {
        var results = new ArrayList<Object>(futures.length);
        for (DurableFuture<?> future : futures) {
            results.add(future.get());
        }
        return results;
    }
}
