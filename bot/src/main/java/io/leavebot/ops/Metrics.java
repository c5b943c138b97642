package io.leavebot.ops;

import io.leavebot.store.StoreObserver;
import java.time.Duration;

/**
 * What LeaveBot counts and times, wherever it runs: locally Micrometer's registry behind {@code /metrics}
 * ({@code LeaveBotMetrics}, module {@code local}); on Lambda CloudWatch embedded-metric-format lines (module
 * {@code aws}). The business code never calls it: the web app counts requests, {@link MeteredChat} and
 * {@link MeteredMailer} count failed notifications, and the leave store reports through {@link #storeObserver()}.
 */
public interface Metrics {
    /** Counts one answered web request; {@code route} is a route's name, never a path with tokens in it. */
    void request(String route, int status);

    /** Counts one notification a channel ({@code slack}, {@code teams}, {@code email}) failed to carry. */
    void notificationFailed(String channel);

    /** Records one write transaction of the leave store, from {@code BEGIN IMMEDIATE} to {@code COMMIT}. */
    void commit(Duration took);

    /** Records the time from an approver's answer arriving to the decision being recorded. */
    void callbackAnswered(Duration took);

    /** What the leave store tells the metrics: its commits and its recorded decisions. */
    default StoreObserver storeObserver() {
        return new StoreObserver() {
            @Override
            public void committed(Duration took) {
                commit(took);
            }

            @Override
            public void decisionRecorded(Duration sinceAnswer) {
                callbackAnswered(sinceAnswer);
            }
        };
    }
}
