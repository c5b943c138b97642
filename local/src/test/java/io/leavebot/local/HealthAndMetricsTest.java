package io.leavebot.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.leavebot.local.Settings.SettingsException;
import io.leavebot.testing.PrometheusText;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code /healthz} and {@code /metrics} on the launcher's web server, with everything real behind them: the engine,
 * both SQLite files, the outbox folder or an SMTP port.
 */
class HealthAndMetricsTest {
    private static final String KEY = "health-metrics-test-key-0123456789";

    @TempDir
    Path dir;

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @Test
    void healthIs200WithEachCheckWhenAllIsWell() throws Exception {
        try (var running = LocalLauncher.run(settings(Map.of()))) {
            var health = get(running.web().uri(), "/healthz", null);

            assertEquals(200, health.statusCode(), health.body());
            assertEquals("{\"status\":\"ok\",\"checks\":{\"engine\":\"ok\",\"engine-database\":\"ok\","
                    + "\"leave-database\":\"ok\",\"mail\":\"ok\"}}", health.body());
        }
    }

    @Test
    void healthIs503NamingAnSmtpServerNobodyListensOn() throws Exception {
        int closedPort;
        try (var socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        var smtp = settings(Map.of("LEAVEBOT_MAIL", "smtp", "SMTP_HOST", "127.0.0.1", "SMTP_PORT", Integer.toString(closedPort),
                "SMTP_PASSWORD", "smtp-password-never-shown"));
        try (var running = LocalLauncher.run(smtp)) {
            var health = get(running.web().uri(), "/healthz", null);

            assertEquals(503, health.statusCode());
            assertTrue(health.body().startsWith("{\"status\":\"failing\",\"failing\":[\"mail\"]"), health.body());
            assertTrue(health.body().contains("the SMTP server 127.0.0.1:" + closedPort + " cannot be reached"), health.body());
            assertFalse(health.body().contains("smtp-password-never-shown"));
        }
    }

    @Test
    void healthIs503NamingADatabaseThatCannotBeWritten() throws Exception {
        try (var running = LocalLauncher.run(settings(Map.of()));
                Connection other = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("leaves.db"));
                Statement lock = other.createStatement()) {
            // another writer holds the file's write lock (a stuck process, a backup tool): no write gets in
            lock.execute("BEGIN IMMEDIATE");
            var health = get(running.web().uri(), "/healthz", null);
            lock.execute("ROLLBACK");

            assertEquals(503, health.statusCode());
            assertTrue(health.body().contains("\"failing\":[\"leave-database\"]"), health.body());
            assertTrue(health.body().contains("\"leave-database\":\"leaves.db cannot be written: "), health.body());
            assertEquals(200, get(running.web().uri(), "/healthz", null).statusCode());
        }
    }

    @Test
    void healthIs503WhenTheEngineHasStopped() throws Exception {
        try (var running = LocalLauncher.run(settings(Map.of()))) {
            running.engine().close();
            var health = get(running.web().uri(), "/healthz", null);

            assertEquals(503, health.statusCode());
            assertTrue(health.body().contains("\"engine\":\"the durable engine is not running\""), health.body());
        }
    }

    @Test
    void metricsAreOffByDefault() throws Exception {
        try (var running = LocalLauncher.run(settings(Map.of()))) {
            assertEquals(404, get(running.web().uri(), "/metrics", null).statusCode());
        }
    }

    @Test
    void metricsOnAnotherAddressThanLoopbackNeedTheirKey() {
        var refused = assertThrows(SettingsException.class, () -> LocalLauncher.run(settings(Map.of(
                LocalOps.METRICS, "true", "LEAVEBOT_BIND_ADDRESS", "0.0.0.0"))));

        assertTrue(refused.getMessage().contains(LocalOps.METRICS_KEY), refused.getMessage());
    }

    @Test
    void aShortMetricsKeyStopsStartUp() {
        var refused = assertThrows(SettingsException.class, () -> LocalLauncher.run(settings(Map.of(
                LocalOps.METRICS, "true", LocalOps.METRICS_KEY, "tiny-key-7"))));

        assertTrue(refused.getMessage().startsWith(LocalOps.METRICS_KEY + ": "), refused.getMessage());
        assertFalse(refused.getMessage().contains("tiny-key-7"), refused.getMessage());
    }

    @Test
    void metricsWithAKeyAreServedOnlyToWhoeverBringsIt() throws Exception {
        try (var running = LocalLauncher.run(settings(Map.of(LocalOps.METRICS, "true", LocalOps.METRICS_KEY, KEY)))) {
            assertEquals(401, get(running.web().uri(), "/metrics", null).statusCode());
            assertEquals(401, get(running.web().uri(), "/metrics", "Bearer " + KEY + "x").statusCode());
            assertEquals(200, get(running.web().uri(), "/metrics", "Bearer " + KEY).statusCode());
        }
    }

    @Test
    void metricsCountARequestFromSubmissionToDecision() throws Exception {
        try (var running = LocalLauncher.run(settings(Map.of(LocalOps.METRICS, "true", "LEAVEBOT_API_KEY", KEY)))) {
            URI web = running.web().uri();
            LocalDate monday = LocalDate.now().with(TemporalAdjusters.next(DayOfWeek.MONDAY)).plusWeeks(1);
            var created = api(web, "/api/leaves", "{\"start_date\":\"" + monday + "\",\"end_date\":\"" + monday.plusDays(1)
                    + "\",\"employee_email\":\"ada@example.com\"}");
            assertEquals(202, created.statusCode(), created.body());
            String id = created.body().replaceAll(".*\"id\"\\s*:\\s*\"([^\"]+)\".*", "$1");
            var waiting = awaitMetrics(web, m -> m.value("leavebot_approvals_open") == 1
                    && m.value("leavebot_executions", "status", "RUNNING") == 1);
            assertEquals(1, waiting.value("leavebot_http_requests_total", "route", "/api/leaves", "status", "202"));

            var decided = decide(web, id);
            assertEquals(202, decided.statusCode(), decided.body());
            var after = awaitMetrics(web, m -> m.value("leavebot_approvals_open") == 0
                    && m.value("leavebot_callback_latency_seconds_count") == 1);
            assertEquals(2, after.value("leavebot_http_requests_total", "route", "/api/leaves", "status", "202"));
            assertTrue(after.value("leavebot_sqlite_commit_seconds_count") >= 1); // the decision's transaction
            assertEquals(0, after.value("leavebot_executions", "status", "FAILED"));
            assertEquals(0, after.value("leavebot_notification_failures_total", "channel", "email"));
        }
    }

    /** Approves, once the workflow has asked the approver (until then the API answers 409: try again). */
    private HttpResponse<String> decide(URI web, String id) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        HttpResponse<String> answer;
        do {
            answer = api(web, "/api/leaves/" + id + "/decision", "{\"decision\":\"approve\"}");
            Thread.sleep(answer.statusCode() == 409 ? 50 : 0);
        } while (answer.statusCode() == 409 && System.nanoTime() < deadline);
        return answer;
    }

    /** Scrapes until {@code done} holds (the workflow runs on its own threads), and returns the last scrape. */
    private PrometheusText awaitMetrics(URI web, java.util.function.Predicate<PrometheusText> done) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        PrometheusText last;
        do {
            var scrape = get(web, "/metrics", null);
            assertEquals(200, scrape.statusCode());
            assertTrue(scrape.headers().firstValue("Content-Type").orElseThrow().startsWith("text/plain; version=0.0.4"));
            last = PrometheusText.parse(scrape.body());
            if (done.test(last)) {
                return last;
            }
            Thread.sleep(50);
        } while (System.nanoTime() < deadline);
        throw new AssertionError("the metrics never got there:\n" + last);
    }

    private Settings settings(Map<String, String> more) {
        var values = new HashMap<>(Map.of("LEAVEBOT_DATA_DIR", dir.toString(), "LEAVEBOT_HTTP_PORT", "0",
                "LEAVEBOT_APPROVER_EMAIL", "grace@example.com"));
        values.putAll(more);
        return Settings.of(values);
    }

    private HttpResponse<String> api(URI web, String path, String json) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(web.resolve(path)).header("Authorization", "Bearer " + KEY)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json))
                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(URI web, String path, String authorization) throws IOException, InterruptedException {
        var request = HttpRequest.newBuilder(web.resolve(path)).timeout(Duration.ofSeconds(10)).GET();
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
