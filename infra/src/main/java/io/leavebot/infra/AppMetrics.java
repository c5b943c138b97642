package io.leavebot.infra;

import static io.leavebot.LeaveBotNames.CALLBACK_LATENCY_METRIC;
import static io.leavebot.LeaveBotNames.CHANNEL_DIMENSION;
import static io.leavebot.LeaveBotNames.METRICS_NAMESPACE;
import static io.leavebot.LeaveBotNames.NOTIFICATION_FAILURES_METRIC;

import java.util.Map;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.services.cloudwatch.Metric;
import software.amazon.awscdk.services.cloudwatch.Stats;

/**
 * The metrics LeaveBot's functions write themselves, as embedded-metric-format lines ({@code io.leavebot.ops.EmfMetrics}):
 * names, namespace and dimensions from {@link io.leavebot.LeaveBotNames}, which the functions write with, so a
 * rename on either side renames both.
 */
final class AppMetrics {
    /** A decision recorded more than this after the answer arrived is slow: a re-invocation and one write, normally seconds. */
    static final long CALLBACK_LATENCY_BOUND_MS = 60_000;

    private AppMetrics() {
    }

    /** Notifications {@code channel} failed to carry, from every function, over 15 minutes. */
    static Metric notificationFailures(String channel) {
        return Metric.Builder.create().namespace(METRICS_NAMESPACE).metricName(NOTIFICATION_FAILURES_METRIC)
                .dimensionsMap(Map.of(CHANNEL_DIMENSION, channel))
                .statistic(Stats.SUM).period(Duration.minutes(15)).build();
    }

    /** The 99th percentile of the time from an answer arriving to its decision being recorded, over an hour. */
    static Metric callbackLatencyP99() {
        return Metric.Builder.create().namespace(METRICS_NAMESPACE).metricName(CALLBACK_LATENCY_METRIC)
                .statistic(Stats.p(99)).period(Duration.hours(1)).build();
    }
}
