package io.leavebot.durable.engine;

import static io.leavebot.durable.engine.HistoryEvents.details;
import static io.leavebot.durable.engine.HistoryEvents.error;

import io.leavebot.durable.CallbackTimeoutException;
import io.leavebot.durable.model.ErrorObject;
import io.leavebot.durable.model.Operation;
import io.leavebot.durable.model.OperationStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

/**
 * One thread that fires due timers: wait ends, retries falling due, callback timeouts and heartbeats, and
 * invocation retries. Timers live in the database, so after a crash they fire late rather than never.
 */
final class Timers implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(Timers.class.getName());
    private static final long MAX_SLEEP_MS = 60_000;

    private final EngineStore store;
    private final EngineClock clock;
    private final Consumer<String> schedule;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final Thread thread;
    private volatile boolean firing;
    private volatile boolean running = true;
    private boolean signalled;
    /** When the thread means to look again; a timer set before that wakes it. */
    private volatile long sleepingUntilMs = Long.MAX_VALUE;

    Timers(EngineStore store, EngineClock clock, Consumer<String> schedule) {
        this.store = store;
        this.clock = clock;
        this.schedule = schedule;
        this.thread = new Thread(this::loop, "durable-timers");
        this.thread.setDaemon(true);
        if (clock instanceof TestClock testClock) {
            testClock.onChange(this::wake);
        }
        store.onTimerSet(due -> {
            if (due < sleepingUntilMs) {
                wake();
            }
        });
    }

    void start() {
        thread.start();
    }

    /** Re-reads the next due time; called when timers were added or time moved. */
    void wake() {
        lock.lock();
        try {
            signalled = true;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** True while a timer is due now or being fired. */
    boolean hasDueWork() {
        if (firing) {
            return true;
        }
        EngineStore.Timer next = store.nextTimer();
        return next != null && next.dueMs() <= clock.now().toEpochMilli();
    }

    private void loop() {
        while (running) {
            try {
                firing = true;
                List<EngineStore.Timer> due = store.dueTimers(clock.now().toEpochMilli(), 100);
                for (EngineStore.Timer timer : due) {
                    String arn = store.inTransaction(() -> fire(timer));
                    if (arn != null) {
                        schedule.accept(arn);
                    }
                }
                firing = false;
                if (due.isEmpty()) {
                    sleepUntilNext();
                }
            } catch (RuntimeException e) {
                firing = false;
                if (running) {
                    LOG.log(System.Logger.Level.ERROR, "firing timers failed; retrying in a second", e);
                    sleepQuietly();
                }
            }
        }
    }

    private void sleepUntilNext() {
        EngineStore.Timer next = store.nextTimer();
        lock.lock();
        try {
            if (signalled) {
                signalled = false;
                return;
            }
            long wait = next == null ? MAX_SLEEP_MS : next.dueMs() - clock.now().toEpochMilli();
            if (clock instanceof TestClock) {
                wait = MAX_SLEEP_MS; // test time moves only through the clock, which wakes us
            }
            if (wait > 0) {
                sleepingUntilMs = clock instanceof TestClock ? Long.MIN_VALUE : clock.now().toEpochMilli() + Math.min(wait, MAX_SLEEP_MS);
                changed.await(Math.min(wait, MAX_SLEEP_MS), TimeUnit.MILLISECONDS);
            }
            sleepingUntilMs = Long.MAX_VALUE;
            signalled = false;
        } catch (InterruptedException e) {
            running = false;
        } finally {
            lock.unlock();
        }
    }

    /** Applies a due timer; returns the ARN of the execution to invoke, or null. */
    private String fire(EngineStore.Timer timer) {
        ExecutionRow row = store.execution(timer.execution());
        if (row == null || row.status.isClosed()) {
            store.deleteTimers(timer.execution());
            return null;
        }
        store.deleteTimers(timer.execution(), timer.opId());
        var change = new ExecutionChange(store, row, clock.now());
        Operation op = timer.opId().isEmpty() ? null : change.operation(timer.opId());
        switch (timer.kind()) {
            case WAIT_END -> endWait(change, op);
            case RETRY_DUE -> {
                if (op != null && op.status() == OperationStatus.PENDING) {
                    change.put(op.withStatus(OperationStatus.READY, null));
                }
            }
            case CALLBACK_TIMEOUT -> timeOut(change, op, CallbackTimeoutException.TIMEOUT, "Callback timed out");
            case CALLBACK_HEARTBEAT -> timeOut(change, op, CallbackTimeoutException.HEARTBEAT, "Callback timed out on heartbeat");
            case INVOCATION_RETRY -> { }
        }
        row.runnable = true;
        change.save();
        return row.arn;
    }

    private static void endWait(ExecutionChange change, Operation op) {
        if (op == null || op.status() != OperationStatus.STARTED) {
            return;
        }
        Operation done = op.withStatus(OperationStatus.SUCCEEDED, change.endTimestamp());
        change.put(done);
        Instant end = op.waitDetails().scheduledEndTimestamp();
        change.event("WaitSucceeded", done, details("Duration", Duration.between(op.startTimestamp(), end).toSeconds()));
    }

    private static void timeOut(ExecutionChange change, Operation op, String errorType, String message) {
        if (op == null || op.status() != OperationStatus.STARTED) {
            return;
        }
        ErrorObject timeout = ErrorObject.of(errorType, message);
        Operation done = op.withStatus(OperationStatus.TIMED_OUT, change.endTimestamp())
                .withCallbackDetails(new Operation.CallbackDetails(op.callbackDetails().callbackId(), null, timeout));
        change.put(done);
        change.event("CallbackTimedOut", done, details("Error", error(timeout)));
    }

    private static void sleepQuietly() {
        try {
            Thread.sleep(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
        try {
            thread.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
