package io.leavebot.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.leavebot.ops.HealthChecks;
import io.leavebot.ops.ScrapedMetrics;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * {@code /healthz} and {@code /metrics}, for whoever runs LeaveBot. {@code /healthz} needs no key: it names its
 * checks and what fails, nothing more, and the server is on loopback unless told otherwise. {@code /metrics} is
 * served only when metrics are on, and with {@code metricsKey} only to callers who bring it.
 */
final class OpsEndpoint {
    static final String HEALTH_PATH = "/healthz";
    static final String METRICS_PATH = "/metrics";

    private final HealthChecks health;
    private final ScrapedMetrics metrics;
    private final ApiKey metricsKey;

    /** Any of the three may be null: no health checks, no metrics, no key. */
    OpsEndpoint(HealthChecks health, ScrapedMetrics metrics, ApiKey metricsKey) {
        this.health = health;
        this.metrics = metrics;
        this.metricsKey = metricsKey;
    }

    boolean serves(String path) {
        return health != null && path.equals(HEALTH_PATH) || metrics != null && path.equals(METRICS_PATH);
    }

    void handle(Exchange ex) {
        if (!ex.method().equals("GET") && !ex.method().equals("HEAD")) {
            ex.respond(405, "text/plain; charset=utf-8", "This address accepts only GET requests.\n", Map.of("Allow", "GET, HEAD"));
        } else if (ex.path().equals(HEALTH_PATH)) {
            HealthChecks.Report report = health.run();
            ex.respond(report.healthy() ? 200 : 503, "application/json", healthJson(report), Map.of());
        } else {
            try {
                if (metricsKey != null) {
                    metricsKey.authenticate(ex.header("Authorization"));
                }
                ex.respond(200, metrics.contentType(), metrics.scrape(), Map.of());
            } catch (HttpProblem problem) {
                ex.respond(problem.status, "text/plain; charset=utf-8", problem.getMessage() + "\n", problem.headers);
            }
        }
    }

    /** {@code {"status":"ok","checks":{"engine":"ok","mail":"the SMTP server … cannot be reached"}}}. */
    static String healthJson(HealthChecks.Report report) {
        ObjectNode body = SubmissionJson.JSON.createObjectNode();
        body.put("status", report.healthy() ? "ok" : "failing");
        if (!report.healthy()) {
            var failing = body.putArray("failing");
            report.failing().forEach(failing::add);
        }
        ObjectNode checks = body.putObject("checks");
        report.results().forEach(r -> checks.put(r.name(), r.ok() ? "ok" : r.problem()));
        try {
            return SubmissionJson.JSON.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
