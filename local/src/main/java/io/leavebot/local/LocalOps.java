package io.leavebot.local;

import io.leavebot.durable.engine.EmbeddedEngine;
import io.leavebot.durable.model.ExecutionPage;
import io.leavebot.durable.model.ExecutionQuery;
import io.leavebot.durable.model.ExecutionStatus;
import io.leavebot.http.ApiKey;
import io.leavebot.http.WebServer;
import io.leavebot.local.Settings.SettingsException;
import io.leavebot.ops.HealthChecks;
import io.leavebot.ops.LeaveBotMetrics;
import io.leavebot.ops.Probes;
import io.leavebot.store.SqliteLeaveStore;
import io.leavebot.workflow.LeaveRequests;
import java.net.InetAddress;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code /healthz} and {@code /metrics} for the launcher: which checks the health page runs on this machine, and
 * whether (and for whom) the metrics are served ({@value #METRICS}, {@value #METRICS_KEY}).
 */
final class LocalOps {
    static final String METRICS = "LEAVEBOT_METRICS";
    static final String METRICS_KEY = "LEAVEBOT_METRICS_KEY";
    /** The largest page the engine lists; executions are counted a page at a time when Prometheus scrapes. */
    private static final int PAGE = 1000;

    private LocalOps() {
    }

    /**
     * The metrics when {@value #METRICS} is true. Served on the web server, so on loopback by default; bound to
     * another address, they need {@value #METRICS_KEY}, so that turning them on never opens a door to anyone.
     */
    static Optional<LeaveBotMetrics> metrics(Settings settings, InetAddress bind) {
        if (!settings.flag(METRICS)) {
            return Optional.empty();
        }
        if (!bind.isLoopbackAddress() && settings.optional(METRICS_KEY).isEmpty()) {
            throw new SettingsException(METRICS + "=true with LEAVEBOT_BIND_ADDRESS=" + bind.getHostAddress()
                    + " would show the metrics to anyone who reaches this address; set " + METRICS_KEY
                    + " (24+ characters, sent by Prometheus as a bearer token) or bind to 127.0.0.1");
        }
        settings.optional(METRICS_KEY).ifPresent(LocalOps::keyOf); // a short key stops start-up before anything runs
        return Optional.of(new LeaveBotMetrics());
    }

    /** Serves {@code /healthz}, and {@code /metrics} when on; the metrics then watch the engine and the store. */
    static void serve(WebServer.Builder web, Settings settings, Optional<LeaveBotMetrics> metrics, EmbeddedEngine engine,
            SqliteLeaveStore store, Path dataDir, Path outbox) {
        web.health(health(settings, engine, dataDir, outbox));
        metrics.ifPresent(m -> {
            ApiKey key = settings.optional(METRICS_KEY).map(LocalOps::keyOf).orElse(null);
            web.metrics(m, key);
            store.observe(m.storeObserver());
            m.openApprovals(store::countPending);
            m.executions(() -> executionsByStatus(engine));
        });
    }

    /** The engine runs, both databases take a write lock, and mail can go out (outbox folder or SMTP server). */
    static HealthChecks health(Settings settings, EmbeddedEngine engine, Path dataDir, Path outbox) {
        var checks = HealthChecks.builder()
                .add("engine", Probes.engineRunning(engine::isRunning))
                .add("engine-database", Probes.sqliteWritable(dataDir.resolve("leavebot.db")))
                .add("leave-database", Probes.sqliteWritable(dataDir.resolve("leaves.db")));
        if (outbox != null) {
            checks.add("mail", Probes.folderWritable(outbox));
        } else {
            checks.add("mail", Probes.smtpReachable(settings.optional("SMTP_HOST").orElseThrow(), settings.port("SMTP_PORT", 587)));
        }
        return checks.build();
    }

    private static ApiKey keyOf(String key) {
        try {
            return ApiKey.of(key);
        } catch (IllegalArgumentException e) {
            throw new SettingsException(METRICS_KEY + ": " + e.getMessage());
        }
    }

    /** Leave executions by status, every status named (0 when none). */
    private static Map<ExecutionStatus, Long> executionsByStatus(EmbeddedEngine engine) {
        Map<ExecutionStatus, Long> counts = new EnumMap<>(ExecutionStatus.class);
        for (ExecutionStatus status : ExecutionStatus.values()) {
            long count = 0;
            String marker = null;
            do {
                ExecutionPage page = engine.listExecutions(LeaveRequests.FUNCTION,
                        new ExecutionQuery(null, Set.of(status), null, null, false, marker, PAGE));
                count += page.executions().size();
                marker = page.nextMarker();
            } while (marker != null);
            counts.put(status, count);
        }
        return counts;
    }
}
