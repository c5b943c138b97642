package io.leavebot.bench.peers;

import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What the benchmark workflow reports from inside its steps, on every system alike: the same five step bodies call
 * it, so resume and step latency are measured at the same points on each.
 *
 * <p>The workflow: {@code record}, {@code receipt}, {@code route}, a callback handed out and resolved from outside,
 * {@code record-decision}, {@code tell} (DurableBenchmark's Approval).
 */
final class Probe {
    /** An execution's callback as its workflow handed it out: the token the system resolves it by. */
    record HandedOut(String execution, String token) {
    }

    private final Map<String, Long> resolvedAt = new ConcurrentHashMap<>();
    private final Map<String, Long> lastStepEnd = new ConcurrentHashMap<>();
    private final BlockingQueue<HandedOut> handedOut = new LinkedBlockingQueue<>();
    private final AtomicInteger finished = new AtomicInteger();
    private final Semaphore inFlight = new Semaphore(0);
    private volatile Samples resumes = new Samples();
    private volatile Samples stepGaps = new Samples();

    /** Body of the steps before the callback: the time since the previous step's body ended is a step gap. */
    String step(String execution, String step) {
        stepStarted(execution);
        String result = step + " " + execution;
        lastStepEnd.put(execution, System.nanoTime());
        return result;
    }

    /** Body of the step that hands the callback out (the submitter of the engine's waitForCallback). */
    String handOut(String execution, String token) {
        lastStepEnd.remove(execution);
        handedOut.add(new HandedOut(execution, token));
        return token;
    }

    /** Body of the first step after the callback: callback resolved → here is the resume latency. */
    String recordDecision(String execution, String decision) {
        Long at = resolvedAt.remove(execution);
        if (at != null) {
            resumes.add(System.nanoTime() - at);
        }
        lastStepEnd.put(execution, System.nanoTime());
        return decision;
    }

    /** Body of the last step: the execution's work is done, so the load may start another. */
    String tell(String execution) {
        stepStarted(execution);
        lastStepEnd.remove(execution);
        finished.incrementAndGet();
        inFlight.release();
        return "told";
    }

    private void stepStarted(String execution) {
        Long end = lastStepEnd.remove(execution);
        if (end != null) {
            stepGaps.add(System.nanoTime() - end);
        }
    }

    // the load's side

    HandedOut nextHandedOut() throws InterruptedException {
        return handedOut.take();
    }

    void resolving(String execution) {
        resolvedAt.put(execution, System.nanoTime());
    }

    void allowInFlight(int executions) {
        inFlight.drainPermits();
        inFlight.release(executions);
    }

    boolean acquireSlot(long timeout, TimeUnit unit) throws InterruptedException {
        return inFlight.tryAcquire(timeout, unit);
    }

    void releaseSlot() {
        inFlight.release();
    }

    int finished() {
        return finished.get();
    }

    /** Forgets the samples and the count so far: after the warm-up, and at the start of a round. */
    void resetMeasurements() {
        resumes = new Samples();
        stepGaps = new Samples();
        finished.set(0);
    }

    Samples resumes() {
        return resumes;
    }

    Samples stepGaps() {
        return stepGaps;
    }
}
