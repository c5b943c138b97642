package io.leavebot.durable.execution;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.leavebot.durable.DurableService;
import io.leavebot.durable.SerDes;
import io.leavebot.durable.model.CheckpointResponse;
import io.leavebot.durable.model.ErrorObject;
import io.leavebot.durable.model.ExecutionState;
import io.leavebot.durable.model.Operation;
import io.leavebot.durable.model.OperationType;
import io.leavebot.durable.model.OperationUpdate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The state of one invocation: the operations the service reported, the updates not yet sent, and the current
 * checkpoint token. The only class that talks to the {@link DurableService}.
 *
 * <p>Updates are queued and sent in order, by whichever thread sends first: {@link #flush()} on the invocation's
 * thread, or the sender thread that {@link #checkpointAsync} starts. The START of an at-least-once step or of a
 * child context goes out on the sender thread while its body runs, so a crash mid-body leaves it recorded. The
 * body gets a head start of {@value #START_HEAD_START_MILLIS} ms: one that ends sooner (most do) sends its START
 * with its outcome in one request, so a quick step still costs one checkpoint, not two; only a crash within that
 * head start leaves no trace of the START. A wait's START travels with whatever is sent next. A request holds at
 * most {@value #MAX_BATCH_ITEMS} updates and {@value #MAX_BATCH_BYTES} bytes; larger queues go out in several
 * requests, in order.
 *
 * <p>Only the sender thread and the invocation's thread use a manager; the sending lock orders their requests
 * (each one consumes the token the previous returned), and recorded state is read without it.
 */
public final class ExecutionManager {
    static final int MAX_BATCH_BYTES = 750 * 1024;
    static final int MAX_BATCH_ITEMS = 200;
    static final int STATE_PAGE_SIZE = 1000;

    /** How long a body runs before its START is sent on its own (see the class comment). */
    static final long START_HEAD_START_MILLIS = 5;
    /** Daemon threads, so a handler that returns never keeps a JVM alive; shared by every invocation. */
    private static final ExecutorService SENDER = Executors.newCachedThreadPool(task -> {
        Thread thread = new Thread(task, "durable-checkpoint-sender");
        thread.setDaemon(true);
        return thread;
    });

    private final String executionArn;
    private final DurableService service;
    private final SerDes serDes;
    private final Map<String, Operation> operations = new ConcurrentHashMap<>();
    private final Map<String, Integer> childCounts = new ConcurrentHashMap<>();
    private final List<OperationUpdate> queue = new ArrayList<>(); // guarded by itself
    private final Executor sender;
    private final ReentrantLock sending = new ReentrantLock();
    private String checkpointToken; // guarded by sending (after load)
    private RuntimeException senderFailure; // guarded by sending
    private volatile boolean senderStopped; // set under sending
    private long enqueued; // guarded by queue: updates queued so far
    private volatile long sent; // updates sent so far
    private volatile int checkpointRequests;
    private boolean inStep;

    public ExecutionManager(String executionArn, String checkpointToken, DurableService service, SerDes serDes) {
        this(executionArn, checkpointToken, service, serDes, HeadStart.INSTANCE);
    }

    /** With the executor that runs {@link #checkpointAsync}'s sends; tests pass one they step by hand. */
    ExecutionManager(String executionArn, String checkpointToken, DurableService service, SerDes serDes, Executor sender) {
        this.executionArn = executionArn;
        this.checkpointToken = checkpointToken;
        this.service = service;
        this.serDes = serDes;
        this.sender = sender;
    }

    /** Loads the state the invocation started with, fetching the remaining pages when there are more. */
    public void load(ExecutionState initial) {
        ExecutionState page = initial == null ? new ExecutionState(List.of(), null) : initial;
        merge(page.operations());
        while (page.hasMore()) {
            page = service.getExecutionState(executionArn, checkpointToken, page.nextMarker(), STATE_PAGE_SIZE);
            merge(page.operations());
        }
    }

    public String executionArn() {
        return executionArn;
    }

    public SerDes serDes() {
        return serDes;
    }

    /** The recorded operation with this id, or null if the code reaches it for the first time. */
    public Operation operation(String id) {
        return operations.get(id);
    }

    /** True when any recorded operation has this context as parent (null: the root). */
    public boolean hasChildren(String contextId) {
        return childCount(contextId) > 0;
    }

    /** How many recorded operations have this context as parent (null: the root). */
    public int childCount(String contextId) {
        return childCounts.getOrDefault(contextId == null ? "" : contextId, 0);
    }

    /** Queues an update; it is sent with the next {@link #flush()}. */
    public void enqueue(OperationUpdate update) {
        enqueueCounted(update);
    }

    /** Queues an update; returns how many were queued so far, this one included. */
    private long enqueueCounted(OperationUpdate update) {
        synchronized (queue) {
            queue.add(update);
            return ++enqueued;
        }
    }

    /** Queues an update and sends everything queued; returns the operation as the service now reports it. */
    public Operation checkpoint(OperationUpdate update) {
        enqueue(update);
        flush();
        return operations.get(update.id());
    }

    /**
     * Queues an update and has the sender thread send the queue after the head start, without waiting: the caller
     * goes on at once. If a {@link #flush()} or {@link #checkpoint} comes first, it takes the update along; if it
     * comes while the sender's request is on the wire, it waits for it, and it throws what that request failed with.
     */
    public void checkpointAsync(OperationUpdate update) {
        sender.execute(new SendAfterHeadStart(enqueueCounted(update)));
    }

    /** The sender's task: sends the queue, unless the update it was made for has gone out already. */
    private final class SendAfterHeadStart implements Runnable {
        private final long upTo;

        SendAfterHeadStart(long upTo) {
            this.upTo = upTo;
        }

        /** False once the update was sent (by a flush, usually) or the invocation ended: nothing left to do. */
        boolean needed() {
            return sent < upTo && !senderStopped;
        }

        @Override
        public void run() {
            if (!needed()) {
                return;
            }
            sending.lock();
            try {
                if (!senderStopped && senderFailure == null) {
                    sendQueued();
                }
            } catch (RuntimeException e) {
                senderFailure = e;
            } finally {
                sending.unlock();
            }
        }
    }

    /**
     * Runs each task {@value #START_HEAD_START_MILLIS} ms after it was given, on one thread for every invocation:
     * most tasks are no longer needed by then (the body ended and its outcome took the START along), and are
     * dropped there; only the rest is handed to a sender thread. A thread hand-off per START, most for nothing,
     * was a quarter of the engine's time per execution. Tasks come in due order, as each waits the same time.
     */
    private static final class HeadStart implements Executor {
        static final HeadStart INSTANCE = new HeadStart();
        private static final long DELAY_NANOS = START_HEAD_START_MILLIS * 1_000_000;

        private record Due(Runnable task, long atNanos) {
        }

        private final ConcurrentLinkedQueue<Due> due = new ConcurrentLinkedQueue<>();
        private final Thread thread;
        private volatile boolean idle;

        private HeadStart() {
            thread = new Thread(this::run, "durable-start-head-start");
            thread.setDaemon(true);
            thread.start();
        }

        @Override
        public void execute(Runnable task) {
            due.add(new Due(task, System.nanoTime() + DELAY_NANOS));
            if (idle) {
                LockSupport.unpark(thread); // a busy thread sleeps until its earliest task, never past this later one
            }
        }

        private void run() {
            while (true) {
                Due next = due.peek();
                if (next == null) {
                    idle = true;
                    if (due.isEmpty()) {
                        LockSupport.park(this);
                    }
                    idle = false;
                    continue;
                }
                long wait = next.atNanos() - System.nanoTime();
                if (wait > 0) {
                    LockSupport.parkNanos(this, wait);
                    continue;
                }
                due.poll();
                if (!(next.task() instanceof SendAfterHeadStart send) || send.needed()) {
                    SENDER.execute(next.task());
                }
            }
        }
    }

    /** Sends every queued update, in order, in as few requests as the limits allow. */
    public void flush() {
        sending.lock();
        try {
            if (senderFailure != null) {
                throw senderFailure; // the update it could not send is still first in the queue: nothing may follow it
            }
            sendQueued();
        } finally {
            sending.unlock();
        }
    }

    /**
     * Ends the invocation's use of the sender thread: waits for a request it has on the wire, and makes the sends
     * still to come do nothing. A later invocation so never races a late request of this one for the token.
     */
    public void stopSender() {
        sending.lock();
        try {
            senderStopped = true;
        } finally {
            sending.unlock();
        }
    }

    private void sendQueued() {
        List<OperationUpdate> batch;
        while (!(batch = nextBatch()).isEmpty()) {
            CheckpointResponse response = service.checkpoint(executionArn, checkpointToken, batch);
            checkpointRequests++;
            synchronized (queue) {
                queue.subList(0, batch.size()).clear();
            }
            sent += batch.size(); // only this method sends, under the sending lock
            checkpointToken = response.checkpointToken();
            ExecutionState page = response.newExecutionState();
            while (page != null) {
                merge(page.operations());
                page = page.hasMore()
                        ? service.getExecutionState(executionArn, checkpointToken, page.nextMarker(), STATE_PAGE_SIZE)
                        : null;
            }
        }
    }

    /** How many checkpoint requests this invocation sent; for tests and benchmarks. */
    public int checkpointRequests() {
        return checkpointRequests;
    }

    private List<OperationUpdate> nextBatch() {
        synchronized (queue) {
            int count = Math.min(queue.size(), MAX_BATCH_ITEMS);
            long bound = 0;
            for (int i = 0; i < count; i++) {
                bound += sizeBound(queue.get(i));
            }
            if (bound > MAX_BATCH_BYTES) {
                count = countWithinLimits(); // near the limit: the exact sizes decide
            }
            return new ArrayList<>(queue.subList(0, count));
        }
    }

    /** How many queued updates fit one request, by their exact JSON sizes. */
    private int countWithinLimits() {
        int bytes = 0;
        int count = 0;
        for (OperationUpdate update : queue) {
            int size = sizeOf(update);
            if (count == MAX_BATCH_ITEMS || (count > 0 && bytes + size > MAX_BATCH_BYTES)) {
                break;
            }
            bytes += size;
            count++;
        }
        return count;
    }

    /**
     * At least the update's JSON size in bytes, without writing it: a character takes at most 6 bytes (an
     * escaped control character), and the members' names and punctuation less than {@value #MEMBERS_BOUND} bytes in all.
     * Serializing each update only to learn that a small batch is small was a tenth of a checkpoint's cost.
     */
    static long sizeBound(OperationUpdate u) {
        long chars = length(u.id()) + length(u.parentId()) + length(u.name()) + length(u.subType()) + length(u.payload());
        if (u.error() != null) {
            ErrorObject e = u.error();
            chars += length(e.errorType()) + length(e.errorMessage()) + length(e.errorData());
            if (e.stackTrace() != null) {
                for (String frame : e.stackTrace()) {
                    chars += length(frame) + 3; // quotes and comma, at most 6 bytes each too
                }
            }
        }
        if (u.chainedInvokeOptions() != null) {
            chars += length(u.chainedInvokeOptions().functionName()) + length(u.chainedInvokeOptions().tenantId());
        }
        return chars * 6 + MEMBERS_BOUND;
    }

    /** Member names, enum values, numbers and punctuation of one update: far less than this. */
    private static final int MEMBERS_BOUND = 2048;

    private static long length(String s) {
        return s == null ? 0 : s.length();
    }

    static int sizeOf(OperationUpdate update) {
        try {
            return WireJson.ENVELOPE.writeValueAsBytes(update).length;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an operation update is always serializable", e);
        }
    }

    private void merge(List<Operation> changed) {
        for (Operation op : changed) {
            Operation before = operations.put(op.id(), op);
            if (before == null && op.type() != OperationType.EXECUTION) {
                childCounts.merge(op.parentId() == null ? "" : op.parentId(), 1, Integer::sum);
            }
        }
    }

    /** Runs a step body, during which starting another durable operation is refused. */
    public <T> T inStep(java.util.function.Supplier<T> body) {
        inStep = true;
        try {
            return body.get();
        } finally {
            inStep = false;
        }
    }

    public boolean isInStep() {
        return inStep;
    }
}
