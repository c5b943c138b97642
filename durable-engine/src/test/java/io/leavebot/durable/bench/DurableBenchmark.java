package io.leavebot.durable.bench;

import io.leavebot.durable.CallbackConfig;
import io.leavebot.durable.DurableConfig;
import io.leavebot.durable.DurableContext;
import io.leavebot.durable.DurableHandler;
import io.leavebot.durable.DurableService;
import io.leavebot.durable.engine.EmbeddedEngine;
import io.leavebot.durable.model.CheckpointResponse;
import io.leavebot.durable.model.ExecutionState;
import io.leavebot.durable.model.OperationUpdate;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * {@code bench/run durable}: the embedded engine on a SQLite file, measured end to end. Prints one line per
 * figure and, last, one JSON object with all of them.
 */
public final class DurableBenchmark {
    private static final Duration DAY = Duration.ofDays(1);

    /** Callback ids handed out by submitters, and when each execution's callback was resolved. */
    private static final BlockingQueue<String> CALLBACKS = new LinkedBlockingQueue<>();
    private static final Map<String, Long> RESOLVED_AT = new ConcurrentHashMap<>();
    private static final List<Long> RESUME_NANOS = Collections.synchronizedList(new ArrayList<>());
    private static final List<Long> CHECKPOINT_NANOS = Collections.synchronizedList(new ArrayList<>());
    private static volatile Semaphore inFlight;
    private static final AtomicInteger completed = new AtomicInteger();

    public static void main(String[] args) throws Exception {
        Path dir = Files.createTempDirectory("leavebot-bench");
        var results = new LinkedHashMap<String, Object>();
        results.put("durability", "\"synchronous=NORMAL: each commit in the WAL, fsynced at WAL checkpoints; survives kill -9, "
                + "a power cut may lose the last moments\"");
        // -Dbench.only=throughput, =fsync or =batches: that phase alone, for A/B runs of a change
        String only = System.getProperty("bench.only", "all");
        boolean all = only.equals("all");
        if (all || only.equals("throughput")) {
            throughput(dir.resolve("throughput.db"), false, results);
        }
        if (only.equals("batches")) {
            batches(dir.resolve("batches.db"), results);
        }
        if (only.equals("fsync")) {
            throughput(dir.resolve("throughput-fsync.db"), true, results);
        }
        if (all) {
            // the same workflow with every commit fsynced (fsyncOnCommit), to compare with systems that do so; fewer runs
            throughput(dir.resolve("throughput-fsync.db"), true, results);
            replay(dir.resolve("replay.db"), results);
            heap(dir.resolve("heap.db"), results);
            batches(dir.resolve("batches.db"), results);
        }
        var json = new StringBuilder("{");
        results.forEach((k, v) -> json.append(json.length() > 1 ? ", " : "").append('"').append(k).append("\": ").append(v));
        System.out.println(json.append('}'));
        System.exit(0);
    }

    /** 3 steps, a callback the benchmark resolves, 2 steps; 64 executions in flight. */
    static final class Approval extends DurableHandler<String, String> {
        Approval() {
            super(String.class);
        }

        @Override
        protected DurableConfig configuration() {
            return DurableConfig.DEFAULT.withService(null);
        }

        @Override
        public String handleRequest(String name, DurableContext ctx) {
            for (String step : List.of("record", "receipt", "route")) {
                ctx.step(step, String.class, s -> step + " " + name);
            }
            String decision = ctx.waitForCallback("approval", String.class, (id, s) -> CALLBACKS.add(id + " " + name),
                    io.leavebot.durable.WaitForCallbackConfig.of(CallbackConfig.timeout(DAY)));
            ctx.step("record-decision", String.class, s -> {
                Long resolved = RESOLVED_AT.remove(name);
                if (resolved != null) {
                    RESUME_NANOS.add(System.nanoTime() - resolved);
                }
                return decision;
            });
            ctx.step("tell", String.class, s -> {
                completed.incrementAndGet();
                inFlight.release();
                return "told";
            });
            return decision;
        }
    }

    private static void throughput(Path db, boolean fsyncOnCommit, Map<String, Object> results) throws Exception {
        int total = Integer.getInteger("bench.executions", 20_000) / (fsyncOnCommit ? 4 : 1);
        inFlight = new Semaphore(64);
        try (var engine = EmbeddedEngine.builder(db).fsyncOnCommit(fsyncOnCommit).build()) {
            engine.register("approval", new TimedHandler(new Approval())).start();
            Thread resolver = new Thread(() -> resolve(engine), "resolver");
            resolver.setDaemon(true);
            resolver.start();
            int warmup = Math.min(2000, total / 5);
            runExecutions(engine, "warm", warmup);
            CHECKPOINT_NANOS.clear();
            RESUME_NANOS.clear();
            var os = (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();
            long cpuStart = os.getProcessCpuTime();
            long start = System.nanoTime();
            runExecutions(engine, "x", total);
            double seconds = (System.nanoTime() - start) / 1e9;
            // process CPU (all threads) per execution: the figure a busy machine disturbs least
            double cpuMs = Math.round((os.getProcessCpuTime() - cpuStart) / 1e4 / total) / 100.0;
            if (fsyncOnCommit) {
                results.put("executions_per_s_fsync", Math.round(total / seconds));
                results.put("checkpoint_p50_ms_fsync", percentile(CHECKPOINT_NANOS, 50));
            } else {
                results.put("executions_per_s", Math.round(total / seconds));
                results.put("cpu_ms_per_execution", cpuMs);
                results.put("checkpoint_p50_ms", percentile(CHECKPOINT_NANOS, 50));
                results.put("checkpoint_p99_ms", percentile(CHECKPOINT_NANOS, 99));
                results.put("resume_p50_ms", percentile(RESUME_NANOS, 50));
                results.put("resume_p99_ms", percentile(RESUME_NANOS, 99));
            }
            resolver.interrupt();
            resolver.join();
            report(results);
        }
    }

    private static void runExecutions(EmbeddedEngine engine, String prefix, int count) throws InterruptedException {
        completed.set(0);
        for (int i = 0; i < count; i++) {
            inFlight.acquire();
            engine.start("approval", prefix + "-" + i, "\"" + prefix + "-" + i + "\"");
        }
        while (completed.get() < count) {
            Thread.sleep(1);
        }
        inFlight.release(0);
        engine.awaitIdle(Duration.ofMinutes(1));
    }

    private static void resolve(EmbeddedEngine engine) {
        try {
            while (true) {
                String[] idAndName = CALLBACKS.take().split(" ");
                RESOLVED_AT.put(idAndName[1], System.nanoTime());
                engine.succeedCallback(idAndName[0], "\"approved\"");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** 1,000 completed steps, then a callback: how long the next invocation takes to replay up to it and go on. */
    static final class LongHistory extends DurableHandler<String, String> {
        LongHistory() {
            super(String.class);
        }

        @Override
        public String handleRequest(String name, DurableContext ctx) {
            for (int i = 0; i < 999; i++) {
                int n = i;
                ctx.step("s" + i, Integer.class, s -> n);
            }
            String decision = ctx.waitForCallback("approval", String.class, (id, s) -> CALLBACKS.add(id + " " + name));
            ctx.step("after", String.class, s -> {
                RESUME_NANOS.add(System.nanoTime() - RESOLVED_AT.remove(name));
                return decision;
            });
            return decision;
        }
    }

    private static void replay(Path db, Map<String, Object> results) throws Exception {
        RESUME_NANOS.clear();
        try (var engine = EmbeddedEngine.builder(db).workers(1).build()) {
            engine.register("long", new LongHistory()).start();
            for (int i = 0; i < 30; i++) {
                String arn = engine.start("long", "long-" + i, "\"long-" + i + "\"").durableExecutionArn();
                String[] idAndName = CALLBACKS.poll(60, TimeUnit.SECONDS).split(" ");
                engine.awaitIdle(Duration.ofMinutes(1));
                RESOLVED_AT.put(idAndName[1], System.nanoTime());
                engine.succeedCallback(idAndName[0], "\"ok\"");
                engine.awaitClosed(arn, Duration.ofMinutes(1));
            }
            List<Long> measured = RESUME_NANOS.subList(5, RESUME_NANOS.size()); // the first runs warm the JIT
            results.put("replay_1000_ops_ms", percentile(measured, 50));
            report(results);
        }
    }

    /** Executions suspended on a callback: heap after GC with 100,000 of them waiting. */
    static final class Waiter extends DurableHandler<String, String> {
        Waiter() {
            super(String.class);
        }

        @Override
        public String handleRequest(String name, DurableContext ctx) {
            ctx.step("record", String.class, s -> name);
            return ctx.createCallback("approval", String.class, CallbackConfig.timeout(DAY)).get();
        }
    }

    private static void heap(Path db, Map<String, Object> results) throws Exception {
        int waiting = Integer.getInteger("bench.waiting", 100_000);
        try (var engine = EmbeddedEngine.builder(db).workers(4).build()) {
            engine.register("waiter", new Waiter()).start();
            for (int i = 0; i < waiting; i++) {
                engine.start("waiter", "w-" + i, "\"w-" + i + "\"");
                if (i % 1000 == 999) {
                    engine.awaitIdle(Duration.ofMinutes(5)); // bounded backlog, like a real arrival rate
                }
            }
            engine.awaitIdle(Duration.ofMinutes(10));
            for (int i = 0; i < 3; i++) {
                System.gc();
                Thread.sleep(200);
            }
            Runtime rt = Runtime.getRuntime();
            results.put("heap_mb_100k_waiting", Math.round((rt.totalMemory() - rt.freeMemory()) / (1024.0 * 1024.0)));
            results.put("waiting_executions", waiting);
            report(results);
        }
    }

    /** Measures every checkpoint the handler makes, by giving it a timing wrapper around the engine's service. */
    static final class TimedHandler implements com.amazonaws.services.lambda.runtime.RequestStreamHandler {
        private final DurableHandler<?, ?> handler;

        TimedHandler(DurableHandler<?, ?> handler) {
            this.handler = handler;
        }

        @Override
        public void handleRequest(java.io.InputStream in, java.io.OutputStream out,
                com.amazonaws.services.lambda.runtime.Context context) throws java.io.IOException {
            var embedded = (io.leavebot.durable.DurableInvocationContext) context;
            DurableService timed = new DurableService() {
                @Override
                public CheckpointResponse checkpoint(String arn, String token, List<OperationUpdate> updates) {
                    long t0 = System.nanoTime();
                    CheckpointResponse r = embedded.durableService().checkpoint(arn, token, updates);
                    CHECKPOINT_NANOS.add(System.nanoTime() - t0);
                    return r;
                }

                @Override
                public ExecutionState getExecutionState(String arn, String token, String marker, int maxItems) {
                    return embedded.durableService().getExecutionState(arn, token, marker, maxItems);
                }
            };
            handler.handleRequest(in, out, new Delegating(embedded, timed));
        }
    }

    private record Delegating(io.leavebot.durable.DurableInvocationContext inner, DurableService durableService)
            implements io.leavebot.durable.DurableInvocationContext {
        public String getAwsRequestId() { return inner.getAwsRequestId(); }
        public String getLogGroupName() { return inner.getLogGroupName(); }
        public String getLogStreamName() { return inner.getLogStreamName(); }
        public String getFunctionName() { return inner.getFunctionName(); }
        public String getFunctionVersion() { return inner.getFunctionVersion(); }
        public String getInvokedFunctionArn() { return inner.getInvokedFunctionArn(); }
        public com.amazonaws.services.lambda.runtime.CognitoIdentity getIdentity() { return null; }
        public com.amazonaws.services.lambda.runtime.ClientContext getClientContext() { return null; }
        public int getRemainingTimeInMillis() { return inner.getRemainingTimeInMillis(); }
        public int getMemoryLimitInMB() { return inner.getMemoryLimitInMB(); }
        public com.amazonaws.services.lambda.runtime.LambdaLogger getLogger() { return inner.getLogger(); }
    }

    /** A map over {@code bench.mapItems} (1,000) items, one step each. */
    static final class MapOfSteps extends DurableHandler<Integer, Integer> {
        MapOfSteps() {
            super(Integer.class);
        }

        @Override
        public Integer handleRequest(Integer items, DurableContext ctx) {
            List<Integer> list = java.util.stream.IntStream.range(0, items).boxed().toList();
            var batch = ctx.map("items", list, Integer.class, (item, index, c) -> c.step("double", Integer.class, s -> item * 2));
            return batch.results().stream().mapToInt(Integer::intValue).sum();
        }
    }

    /** A parallel of {@code bench.branches} (64) branches, one step each. */
    static final class ParallelOfSteps extends DurableHandler<Integer, Integer> {
        ParallelOfSteps() {
            super(Integer.class);
        }

        @Override
        public Integer handleRequest(Integer branches, DurableContext ctx) {
            List<io.leavebot.durable.ParallelBranch<Integer>> list = new ArrayList<>();
            for (int i = 0; i < branches; i++) {
                int n = i;
                list.add(io.leavebot.durable.ParallelBranch.of("branch-" + n, Integer.class, c -> c.step("work", Integer.class, s -> n)));
            }
            return ctx.parallel("branches", list).results().stream().mapToInt(Integer::intValue).sum();
        }
    }

    /**
     * One execution at a time of each batch handler, five runs each after one to warm up: the median wall time from
     * start to the end of the execution, and the checkpoints it made per second of it.
     */
    private static void batches(Path db, Map<String, Object> results) throws Exception {
        int items = Integer.getInteger("bench.mapItems", 1000);
        int branches = Integer.getInteger("bench.branches", 64);
        try (var engine = EmbeddedEngine.builder(db).build()) {
            engine.register("map", new TimedHandler(new MapOfSteps()));
            engine.register("parallel", new TimedHandler(new ParallelOfSteps()));
            engine.start();
            batch(engine, "map", items, "map_" + items + "_steps", results);
            batch(engine, "parallel", branches, "parallel_" + branches + "_branches", results);
            report(results);
        }
    }

    private static void batch(EmbeddedEngine engine, String function, int size, String figure, Map<String, Object> results) {
        List<Long> wall = new ArrayList<>();
        List<Double> rates = new ArrayList<>();
        for (int run = 0; run <= 5; run++) {
            CHECKPOINT_NANOS.clear();
            long start = System.nanoTime();
            String arn = engine.start(function, function + "-" + run, Integer.toString(size)).durableExecutionArn();
            // polled once a millisecond: a busy loop of getExecution (a transaction each) took the engine's one
            // database lock from the execution it measured, 2-4 times slower the idler the machine
            engine.awaitClosed(arn, Duration.ofMinutes(5));
            long nanos = System.nanoTime() - start;
            if (engine.getExecution(arn).status() != io.leavebot.durable.model.ExecutionStatus.SUCCEEDED) {
                throw new IllegalStateException(function + " did not succeed: " + engine.getExecution(arn));
            }
            if (run > 0) {
                wall.add(nanos);
                rates.add(CHECKPOINT_NANOS.size() / (nanos / 1e9));
            }
        }
        Collections.sort(rates);
        results.put(figure + "_ms", percentile(wall, 50));
        results.put(figure + "_checkpoints_per_s", Math.round(rates.get(rates.size() / 2)));
    }

    private static double percentile(List<Long> nanos, int p) {
        List<Long> sorted;
        synchronized (nanos) {
            sorted = new ArrayList<>(nanos);
        }
        Collections.sort(sorted);
        if (sorted.isEmpty()) {
            return -1;
        }
        long value = sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
        return Math.round(value / 1e4) / 100.0;
    }

    private static void report(Map<String, Object> results) {
        System.out.println("so far: " + results);
    }
}
