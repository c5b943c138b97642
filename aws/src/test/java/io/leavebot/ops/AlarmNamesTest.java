package io.leavebot.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import io.leavebot.LeaveBotNames;
import io.leavebot.notify.Notifier;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * What {@link EmfMetrics} prints is named exactly as the stack's alarms ({@code io.leavebot.infra.AppMetrics},
 * checked by {@code AppMetricAlarmsTest}) read it: both take namespace, metric names, dimension keys and channel
 * names from {@link LeaveBotNames}, and this test holds the printed side to those constants and their values, so a
 * rename in the printing code alone, or of a constant's value, fails here.
 */
class AlarmNamesTest {
    @Test
    void everyNameInTheLinesIsTheOneTheAlarmsUse() {
        List<String> lines = new ArrayList<>();
        var metrics = new EmfMetrics("leavebot-workflow", Clock.systemUTC(), lines::add);
        metrics.request("/decide", 502);
        metrics.notificationFailed(Notifier.EMAIL);
        metrics.callbackAnswered(Duration.ofSeconds(2));
        metrics.commit(Duration.ofMillis(8));
        metrics.flush(null);

        Set<String> namespaces = new TreeSet<>();
        Set<String> metricNames = new TreeSet<>();
        Set<String> dimensionKeys = new TreeSet<>();
        for (String line : lines) {
            JsonNode directive = EmfMetricsTest.parse(line).get("_aws").get("CloudWatchMetrics").get(0);
            namespaces.add(directive.get("Namespace").asText());
            directive.get("Metrics").forEach(m -> metricNames.add(m.get("Name").asText()));
            directive.get("Dimensions").forEach(set -> set.forEach(key -> dimensionKeys.add(key.asText())));
        }
        assertEquals(Set.of(LeaveBotNames.METRICS_NAMESPACE), namespaces);
        assertEquals(new TreeSet<>(Set.of(LeaveBotNames.REQUESTS_METRIC, LeaveBotNames.NOTIFICATION_FAILURES_METRIC,
                LeaveBotNames.CALLBACK_LATENCY_METRIC, LeaveBotNames.STORE_WRITE_METRIC)), metricNames);
        assertEquals(new TreeSet<>(Set.of(LeaveBotNames.FUNCTION_DIMENSION, LeaveBotNames.ROUTE_DIMENSION,
                LeaveBotNames.STATUS_CLASS_DIMENSION, LeaveBotNames.CHANNEL_DIMENSION)), dimensionKeys);
        // the values the alarms are written with; changing one means changing every dashboard and alarm made by hand
        assertEquals(List.of("LeaveBot", "NotificationFailures", "CallbackLatency", "Channel", "email"),
                List.of(LeaveBotNames.METRICS_NAMESPACE, LeaveBotNames.NOTIFICATION_FAILURES_METRIC,
                        LeaveBotNames.CALLBACK_LATENCY_METRIC, LeaveBotNames.CHANNEL_DIMENSION, Notifier.EMAIL));
    }
}
