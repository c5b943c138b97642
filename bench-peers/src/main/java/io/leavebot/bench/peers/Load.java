package io.leavebot.bench.peers;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The same load on every system: a bounded number of executions in flight, started by a few client threads, each
 * callback resolved by another few as soon as its workflow hands it out.
 *
 * @param inFlight   executions running at once (64)
 * @param warmup     executions before the measured ones, in the same round (600)
 * @param executions measured executions (3,000)
 * @param clients    threads starting executions, and as many resolving callbacks (4)
 */
record Load(int inFlight, int warmup, int executions, int clients) {
    private static final long STALL_SECONDS = 120;

    /** One round's figures. */
    record RoundResult(double executionsPerSecond, double cpuMsPerExecution, Samples resumes, Samples stepGaps) {
    }

    RoundResult run(Subject subject, Probe probe, String roundName) throws Exception {
        AtomicReference<Throwable> failure = new AtomicReference<>();
        List<Thread> resolvers = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            resolvers.add(daemon(roundName + "-resolver-" + i, () -> resolveLoop(subject, probe, failure)));
        }
        try {
            probe.resetMeasurements();
            phase(subject, probe, roundName + "-warm", warmup, failure);
            probe.resetMeasurements();
            long cpuBefore = cpuNanos(subject);
            long start = System.nanoTime();
            String last = phase(subject, probe, roundName + "-x", executions, failure);
            double seconds = (System.nanoTime() - start) / 1e9;
            double cpuMs = (cpuNanos(subject) - cpuBefore) / 1e6;
            subject.verifyFinished(last);
            return new RoundResult(executions / seconds, cpuMs / executions, probe.resumes(), probe.stepGaps());
        } finally {
            resolvers.forEach(Thread::interrupt);
            for (Thread t : resolvers) {
                t.join(10_000);
            }
        }
    }

    /** Runs {@code count} executions named {@code prefix-i}; returns the name of the last one. */
    private String phase(Subject subject, Probe probe, String prefix, int count, AtomicReference<Throwable> failure)
            throws Exception {
        probe.allowInFlight(inFlight);
        int finishedBefore = probe.finished();
        AtomicInteger next = new AtomicInteger();
        List<Thread> starters = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            starters.add(daemon(prefix + "-starter-" + i, () -> {
                try {
                    while (next.get() < count && failure.get() == null) {
                        if (!probe.acquireSlot(100, TimeUnit.MILLISECONDS)) {
                            continue;
                        }
                        int n = next.getAndIncrement();
                        if (n >= count) {
                            probe.releaseSlot();
                            break;
                        }
                        subject.start(prefix + "-" + n);
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } catch (Throwable e) {
                    failure.compareAndSet(null, e);
                }
            }));
        }
        long lastProgress = System.nanoTime();
        int seen = 0;
        while (probe.finished() - finishedBefore < count) {
            Throwable e = failure.get();
            if (e != null) {
                throw new IllegalStateException(prefix + ": " + e, e);
            }
            int now = probe.finished();
            if (now != seen) {
                seen = now;
                lastProgress = System.nanoTime();
            } else if (System.nanoTime() - lastProgress > TimeUnit.SECONDS.toNanos(STALL_SECONDS)) {
                throw new IllegalStateException(prefix + ": no execution finished for " + STALL_SECONDS + " s ("
                        + (now - finishedBefore) + " of " + count + " done)");
            }
            Thread.sleep(1);
        }
        for (Thread t : starters) {
            t.join();
        }
        return prefix + "-" + (count - 1);
    }

    /** This JVM (the load and, for the engine and the SDKs, the workflow code) plus the system's servers. */
    private static long cpuNanos(Subject subject) {
        long total = CpuTime.ofThisProcess();
        for (long pid : subject.serverProcesses()) {
            total += CpuTime.ofTree(pid);
        }
        return total;
    }

    private static void resolveLoop(Subject subject, Probe probe, AtomicReference<Throwable> failure) {
        try {
            while (true) {
                Probe.HandedOut callback = probe.nextHandedOut();
                probe.resolving(callback.execution());
                subject.resolve(callback.token());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Throwable e) {
            failure.compareAndSet(null, e);
        }
    }

    private static Thread daemon(String name, Runnable body) {
        Thread t = new Thread(body, name);
        t.setDaemon(true);
        t.start();
        return t;
    }
}
