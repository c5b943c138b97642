package io.leavebot.ops;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.Map;
import java.util.function.Supplier;

/**
 * LeaveBot's metrics, all in one place, kept by Micrometer and written out in Prometheus's text format at
 * {@code /metrics}. The business code never calls it: the web server counts requests, {@link MeteredChat} and
 * {@link MeteredMailer} count failed notifications, the leave store reports its commits, and the gauges read the
 * engine and the store when Prometheus scrapes.
 * <pre>{@code
 * LeaveBotMetrics metrics = new LeaveBotMetrics();
 * metrics.request("/api/leaves", 201);
 * String text = metrics.scrape();
 * }</pre>
 */
public final class LeaveBotMetrics implements ScrapedMetrics {
    /** The content type of {@link #scrape()}: Prometheus text format 0.0.4. */
    public static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final Timer commits = Timer.builder("leavebot.sqlite.commit")
            .description("Time to run and commit one write transaction of the leave store")
            .register(registry);
    private final Timer callbacks = Timer.builder("leavebot.callback.latency")
            .description("From an approver's answer arriving to the decision being recorded")
            .register(registry);
    private volatile Runnable refreshExecutions = () -> { };

    /** Counts one answered web request; {@code route} is a route's name, never a path with tokens in it. */
    @Override
    public void request(String route, int status) {
        Counter.builder("leavebot.http.requests").description("Web requests answered, by route and status")
                .tags("route", route, "status", Integer.toString(status)).register(registry).increment();
    }

    /** Counts one notification a channel ({@code slack}, {@code teams}, {@code email}) failed to carry. */
    @Override
    public void notificationFailed(String channel) {
        Counter.builder("leavebot.notification.failures").description("Notifications a channel failed to deliver")
                .tags("channel", channel).register(registry).increment();
    }

    /** Records one write transaction of the leave store, from {@code BEGIN IMMEDIATE} to {@code COMMIT}. */
    @Override
    public void commit(Duration took) {
        commits.record(took);
    }

    /** Records the time from an approver's answer arriving to the decision being recorded. */
    @Override
    public void callbackAnswered(Duration took) {
        callbacks.record(took);
    }

    /** Reports the number of requests waiting for a decision, read when scraped. */
    public void openApprovals(Supplier<Number> pending) {
        Gauge.builder("leavebot.approvals.open", () -> pending.get())
                .description("Leave requests waiting for a decision").register(registry);
    }

    /**
     * Reports executions by status, read when scraped: {@code countsByStatus} gives every status's count (statuses
     * with none too, so that a series drops to 0 rather than vanishing).
     */
    public <S> void executions(Supplier<Map<S, Long>> countsByStatus) {
        MultiGauge gauge = MultiGauge.builder("leavebot.executions")
                .description("Durable executions, by status").register(registry);
        // a MultiGauge is filled when told; refresh it just before each scrape
        this.refreshExecutions = () -> gauge.register(countsByStatus.get().entrySet().stream()
                .map(e -> MultiGauge.Row.of(Tags.of("status", e.getKey().toString()), e.getValue()))
                .toList(), true);
    }

    @Override
    public String contentType() {
        return CONTENT_TYPE;
    }

    /** Everything, in Prometheus's text format ({@link #CONTENT_TYPE}). */
    @Override
    public String scrape() {
        refreshExecutions.run();
        return registry.scrape();
    }

    /** For tests and other registries: the counter's value, 0 when it was never counted. */
    public double count(String name, String... tags) {
        Counter counter = registry.find(name).tags(tags).counter();
        return counter == null ? 0 : counter.count();
    }
}
