package io.leavebot.infra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.leavebot.LeaveBotNames;
import io.leavebot.infra.testing.ExampleDeployment;
import io.leavebot.infra.testing.TemplateJson;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.assertions.Template;

/**
 * The alarms on the metrics LeaveBot's functions write themselves (namespace {@value LeaveBotNames#METRICS_NAMESPACE}),
 * in the example deployment: a failed notification on any channel within 15 minutes, and decisions slow to be
 * recorded; each on the stack's alarm topic, quiet while there is no data. The names are {@link LeaveBotNames}'s,
 * which {@code EmfMetrics} writes with ({@code AlarmNamesTest} in module aws checks the lines against them).
 */
class AppMetricAlarmsTest {
    private final ExampleDeployment example = ExampleDeployment.get();
    private final Template template = example.template();
    private final TemplateJson json = example.json();

    @Test
    void anyFailedNotificationOfAChannelInFifteenMinutesGoesOff() {
        Map<String, Map<String, Object>> byChannel = new TreeMap<>();
        for (Map<String, Object> alarm : appAlarms()) {
            if (LeaveBotNames.NOTIFICATION_FAILURES_METRIC.equals(alarm.get("MetricName"))) {
                byChannel.put(dimensions(alarm).get(LeaveBotNames.CHANNEL_DIMENSION), alarm);
            }
        }
        assertEquals(List.of("email", "slack", "teams"), List.copyOf(byChannel.keySet()));
        byChannel.values().forEach(alarm -> {
            assertEquals(List.of("Sum", 900, 1, 1, "GreaterThanOrEqualToThreshold", "notBreaching"), List.of(alarm.get("Statistic"),
                    alarm.get("Period"), alarm.get("EvaluationPeriods"), alarm.get("Threshold"),
                    alarm.get("ComparisonOperator"), alarm.get("TreatMissingData")), alarm::toString);
            assertEquals(1, dimensions(alarm).size(), alarm::toString);
            assertEquals(topic(), TemplateJson.render(((List<?>) alarm.get("AlarmActions")).get(0)));
        });
    }

    @Test
    void decisionsRecordedOverAMinuteAfterTheAnswerAtTheNinetyNinthPercentileGoOff() {
        Map<String, Object> alarm = appAlarms().stream()
                .filter(a -> LeaveBotNames.CALLBACK_LATENCY_METRIC.equals(a.get("MetricName"))).findFirst().orElseThrow();
        assertEquals(List.of("p99", 3600, 60000, "GreaterThanThreshold", "notBreaching"), List.of(alarm.get("ExtendedStatistic"),
                alarm.get("Period"), alarm.get("Threshold"), alarm.get("ComparisonOperator"), alarm.get("TreatMissingData")),
                alarm::toString);
        assertFalse(alarm.containsKey("Dimensions"), "the latency is written without dimensions");
        assertEquals(topic(), TemplateJson.render(((List<?>) alarm.get("AlarmActions")).get(0)));
    }

    private List<Map<String, Object>> appAlarms() {
        return json.idsOf("AWS::CloudWatch::Alarm").stream().map(json::properties)
                .filter(alarm -> LeaveBotNames.METRICS_NAMESPACE.equals(alarm.get("Namespace"))).toList();
    }

    private String topic() {
        return "${" + template.getResourceId("AWS::SNS::Topic") + "}";
    }

    private static Map<String, String> dimensions(Map<String, Object> alarm) {
        Map<String, String> dimensions = new TreeMap<>();
        for (Object d : (List<?>) alarm.getOrDefault("Dimensions", List.of())) {
            Map<?, ?> dimension = (Map<?, ?>) d;
            dimensions.put((String) dimension.get("Name"), TemplateJson.render(dimension.get("Value")));
        }
        return dimensions;
    }
}
