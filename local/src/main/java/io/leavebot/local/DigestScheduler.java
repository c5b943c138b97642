package io.leavebot.local;

import io.leavebot.durable.DurableClient;
import io.leavebot.workflow.DigestMornings;
import io.leavebot.workflow.DigestWorkflow;
import java.time.Clock;
import java.time.LocalDate;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Starts each working morning's who's-out digest in the embedded engine, in the launcher's process. It looks every
 * {@value #TICK_SECONDS} seconds whether a digest is due rather than sleeping until the next morning: a sleeping
 * laptop or a changed clock would make a long timer fire late or never, and a look is a date comparison. The first
 * look is at start, so a process started (or restarted) after the morning's time posts that day's digest, late;
 * the execution's name makes every later start that day find the one started, so it never posts twice.
 */
final class DigestScheduler implements AutoCloseable {
    static final int TICK_SECONDS = 30;
    private static final System.Logger LOG = System.getLogger(DigestScheduler.class.getName());

    private final DigestMornings mornings;
    private final DurableClient engine;
    private final Clock clock;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "leavebot-digest-schedule");
        thread.setDaemon(true);
        return thread;
    });
    private LocalDate started;

    DigestScheduler(DigestMornings mornings, DurableClient engine, Clock clock) {
        this.mornings = mornings;
        this.engine = engine;
        this.clock = clock;
    }

    /** Looks now, then every {@value #TICK_SECONDS} seconds. */
    DigestScheduler start() {
        timer.scheduleWithFixedDelay(this::tickLogged, 0, TICK_SECONDS, TimeUnit.SECONDS);
        return this;
    }

    /** Starts today's digest if it is due and this scheduler has not started it yet; returns the day started, if any. */
    synchronized LocalDate tick() {
        LocalDate due = mornings.due(clock.instant()).orElse(null);
        if (due == null || due.equals(started)) {
            return null;
        }
        var execution = DigestMornings.start(engine, DigestWorkflow.FUNCTION, due);
        started = due;
        return execution.alreadyStarted() ? null : due;
    }

    /** One line for the welcome message. */
    String describe() {
        return mornings.time() + " " + mornings.zone().getId() + " on working days; next " + mornings.next(clock.instant());
    }

    private void tickLogged() {
        try {
            tick();
        } catch (RuntimeException e) { // the engine closing, say: the next look tries again
            LOG.log(System.Logger.Level.WARNING, "could not start the who's-out digest: " + e.getMessage());
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
