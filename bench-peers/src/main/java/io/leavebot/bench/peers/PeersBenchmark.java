package io.leavebot.bench.peers;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dbos.transact.DBOS;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code bench/run peers}: LeaveBot's embedded engine side by side with DBOS Transact (PostgreSQL) and Restate, the
 * same workflow and load on each, in alternating rounds. Progress goes to stderr; the last line on stdout is one
 * JSON object with every system's figures.
 *
 * <p>System properties: {@code peers.rounds} (3), {@code peers.executions} (3000), {@code peers.warmup} (600),
 * {@code peers.inFlight} (64), {@code peers.clients} (4), {@code peers.systems} (all of
 * {@value #ALL_SYSTEMS}), {@code peers.pgBin} (PostgreSQL's bin directory), {@code peers.restateServer} (the
 * restate-server binary).
 */
public final class PeersBenchmark {
    static final String ALL_SYSTEMS = "engine_fsync,dbos_fsync,restate,engine,dbos";

    private static final Map<String, Report.Contender> CONTENDERS = Map.of(
            "engine_fsync", new Report.Contender("engine_fsync", true, Report.FSYNC,
                    "LeaveBot engine, SQLite WAL with synchronous=FULL (fsyncOnCommit true): every commit fsynced"),
            "engine", new Report.Contender("engine", true, Report.NO_FSYNC,
                    "LeaveBot engine, SQLite WAL with synchronous=NORMAL (the default): a commit is in the WAL, "
                            + "fsynced only at WAL checkpoints; survives kill -9, not a power cut"),
            "dbos_fsync", new Report.Contender("dbos_fsync", false, Report.FSYNC,
                    "DBOS Transact on PostgreSQL, synchronous_commit=on (the default): every commit's WAL flushed"),
            "dbos", new Report.Contender("dbos", false, Report.NO_FSYNC,
                    "DBOS Transact on PostgreSQL, synchronous_commit=off: a commit returns before its WAL is flushed "
                            + "(the WAL writer flushes within 3 x 200 ms)"),
            "restate", new Report.Contender("restate", false, Report.FSYNC,
                    "Restate server, its default: the log server fsyncs its RocksDB WAL before acknowledging"));

    private PeersBenchmark() {
    }

    public static void main(String[] args) {
        try {
            run();
            System.exit(0);
        } catch (Exception e) {
            e.printStackTrace();
            System.exit(1); // the peers' client threads would keep the JVM alive; the shutdown hook stops their servers
        }
    }

    private static void run() throws Exception {
        int rounds = Integer.getInteger("peers.rounds", 3);
        var load = new Load(Integer.getInteger("peers.inFlight", 64), Integer.getInteger("peers.warmup", 600),
                Integer.getInteger("peers.executions", 3000), Integer.getInteger("peers.clients", 4));
        List<String> systems = Arrays.asList(System.getProperty("peers.systems", ALL_SYSTEMS).split(","));
        for (String key : systems) {
            if (!CONTENDERS.containsKey(key)) {
                throw new IllegalArgumentException("peers.systems: unknown system " + key + "; known: " + ALL_SYSTEMS);
            }
        }
        String loadBefore = loadAverage();
        Instant startedAt = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Deque<AutoCloseable> opened = new ArrayDeque<>();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> closeAll(opened), "peers-cleanup"));
        Map<String, Object> versions = new LinkedHashMap<>();
        Map<String, Subject> subjects = new LinkedHashMap<>();
        Map<String, Probe> probes = new LinkedHashMap<>();
        Path work = Files.createTempDirectory("leavebot-peers");
        opened.push(() -> Commands.deleteTree(work));
        PostgresCluster postgres = null;
        RestateServer restate = null;
        for (String key : systems) {
            Probe probe = new Probe();
            progress("starting " + key);
            Subject subject = switch (key) {
                case "engine_fsync" -> new EngineSubject(work.resolve("engine-fsync.db"), true, probe);
                case "engine" -> new EngineSubject(work.resolve("engine.db"), false, probe);
                case "dbos_fsync", "dbos" -> {
                    if (postgres == null) {
                        postgres = new PostgresCluster(Path.of(required("peers.pgBin")));
                        opened.push(postgres);
                        versions.put("postgresql", postgres.version());
                        versions.put("dbos_transact", DBOS.version());
                    }
                    yield new DbosSubject(postgres.createDatabase(key, key.equals("dbos_fsync")),
                            PostgresCluster.USER, postgres.serverProcess(), probe);
                }
                case "restate" -> {
                    Path binary = Path.of(required("peers.restateServer"));
                    restate = new RestateServer(binary);
                    opened.push(restate);
                    versions.put("restate_server", restate.version(binary));
                    yield new RestateSubject(restate, probe);
                }
                default -> throw new IllegalStateException(key);
            };
            opened.push(subject);
            subjects.put(key, subject);
            probes.put(key, probe);
        }

        var report = new Report();
        for (int round = 1; round <= rounds; round++) {
            for (String key : systems) {
                progress("round " + round + "/" + rounds + ": " + key + " (" + load.warmup() + " warm-up + "
                        + load.executions() + ", " + load.inFlight() + " in flight)");
                Load.RoundResult result = load.run(subjects.get(key), probes.get(key), key + "-r" + round);
                report.add(CONTENDERS.get(key), result);
                progress(String.format("  %s: %.0f executions/s, %.2f ms CPU each, resume p50 %.2f ms p99 %.2f ms, "
                                + "step gap p50 %.2f ms p99 %.2f ms", key, result.executionsPerSecond(),
                        result.cpuMsPerExecution(), result.resumes().percentileMs(50), result.resumes().percentileMs(99),
                        result.stepGaps().percentileMs(50), result.stepGaps().percentileMs(99)));
            }
        }

        Map<String, Object> json = new LinkedHashMap<>();
        json.put("date", startedAt.toString());
        Map<String, Object> machine = new LinkedHashMap<>();
        machine.put("cores", Runtime.getRuntime().availableProcessors());
        machine.put("load_average_before", loadBefore);
        machine.put("load_average_after", loadAverage());
        json.put("machine", machine);
        Map<String, Object> offered = new LinkedHashMap<>();
        offered.put("in_flight", load.inFlight());
        offered.put("warmup", load.warmup());
        offered.put("executions", load.executions());
        offered.put("rounds", rounds);
        offered.put("clients", load.clients());
        json.put("load", offered);
        json.put("versions", versions);
        json.put("systems", report.systems());
        json.put("leavebot_over_best_peer", report.leavebotOverBestPeer());
        json.put("best_peer", report.bestPeer());
        closeAll(opened);
        System.out.println(new ObjectMapper().writeValueAsString(json));
    }

    private static String required(String property) {
        String value = System.getProperty(property);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("set -D" + property + " (bench/run peers does)");
        }
        return value;
    }

    /** The 1-, 5- and 15-minute load averages: the machine is shared, so the figures say how busy it was. */
    private static String loadAverage() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).trim().split(" ");
            return String.join(" ", Arrays.copyOf(fields, 3));
        } catch (java.io.IOException e) {
            return "unknown";
        }
    }

    /** Closes what was opened, last first; safe to call twice (the shutdown hook calls it after main did). */
    private static synchronized void closeAll(Deque<AutoCloseable> opened) {
        while (!opened.isEmpty()) {
            AutoCloseable next = opened.pop();
            try {
                next.close();
            } catch (Exception e) {
                progress("while stopping: " + e);
            }
        }
    }

    private static void progress(String line) {
        System.err.println("[peers] " + line);
    }
}
