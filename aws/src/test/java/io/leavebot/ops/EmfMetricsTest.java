package io.leavebot.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;

/**
 * The lines {@link EmfMetrics} writes, read as JSON and checked against CloudWatch's embedded metric format: a root
 * object whose {@code _aws} has a numeric {@code Timestamp} and {@code CloudWatchMetrics} directives (namespace,
 * dimension sets of at most 30 keys, metrics with a name and unit), every dimension key and metric name a top-level
 * member, a metric's value a number or an array of at most 100 numbers.
 */
class EmfMetricsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant NOW = Instant.parse("2026-12-03T09:30:00Z");

    private final List<String> lines = new ArrayList<>();
    private final EmfMetrics metrics = new EmfMetrics("leavebot-api", Clock.fixed(NOW, ZoneOffset.UTC), lines::add);

    @Test
    void requestsAreCountedOncePerRouteAndStatusClassInOneLineEach() {
        metrics.request("/decide", 200);
        metrics.request("/decide", 204);
        metrics.request("/decide", 403);
        metrics.request("/api/leaves", 500);
        metrics.flush(null);

        List<JsonNode> docs = documents();
        assertEquals(3, docs.size(), lines::toString);
        JsonNode decided = find(docs, "/decide", "2xx");
        assertEquals(2, decided.get("Requests").asInt());
        assertEquals("leavebot-api", decided.get("FunctionName").asText());
        JsonNode directive = decided.get("_aws").get("CloudWatchMetrics").get(0);
        assertEquals("LeaveBot", directive.get("Namespace").asText());
        assertEquals("[[\"FunctionName\",\"Route\",\"StatusClass\"],[\"FunctionName\",\"StatusClass\"]]",
                directive.get("Dimensions").toString());
        assertEquals("[{\"Name\":\"Requests\",\"Unit\":\"Count\"}]", directive.get("Metrics").toString());
        assertEquals(1, find(docs, "/api/leaves", "5xx").get("Requests").asInt());
        assertEquals(NOW.toEpochMilli(), decided.get("_aws").get("Timestamp").asLong());
    }

    @Test
    void notificationFailuresAreCountedByChannel() {
        metrics.notificationFailed("slack");
        metrics.notificationFailed("slack");
        metrics.notificationFailed("email");
        metrics.flush(null);

        List<JsonNode> docs = documents();
        assertEquals(2, docs.size(), lines::toString);
        JsonNode slack = docs.stream().filter(d -> "slack".equals(d.path("Channel").asText())).findFirst().orElseThrow();
        assertEquals(2, slack.get("NotificationFailures").asInt());
        assertEquals("[[\"Channel\"]]", slack.get("_aws").get("CloudWatchMetrics").get(0).get("Dimensions").toString());
        assertFalse(slack.has("FunctionName"), "failures are by channel only, whichever function saw them");
    }

    @Test
    void latenciesGoAsArraysOfMillisecondsWithoutDimensionsAtMostAHundredALine() {
        for (int i = 0; i < 150; i++) {
            metrics.callbackAnswered(Duration.ofMillis(1500));
        }
        metrics.commit(Duration.ofMillis(12));
        metrics.flush(null);

        List<JsonNode> docs = documents();
        assertEquals(2, docs.size(), lines::toString);
        assertEquals(100, docs.get(0).get("CallbackLatency").size());
        assertEquals(1500.0, docs.get(0).get("CallbackLatency").get(0).asDouble());
        assertEquals(12.0, docs.get(0).get("StoreWriteTime").get(0).asDouble());
        assertEquals(50, docs.get(1).get("CallbackLatency").size());
        assertFalse(docs.get(1).has("StoreWriteTime"), "a metric without values in a line is not declared in it");
        JsonNode directive = docs.get(0).get("_aws").get("CloudWatchMetrics").get(0);
        assertEquals("[[]]", directive.get("Dimensions").toString());
        assertEquals("Milliseconds", directive.get("Metrics").get(0).get("Unit").asText());
    }

    @Test
    void aFlushForgetsWhatItWroteAndWritesNothingWhenNothingHappened() {
        metrics.request("/decide", 200);
        metrics.flush(null);
        lines.clear();
        metrics.flush(null);
        assertTrue(lines.isEmpty(), lines::toString);
    }

    /** Every line, parsed and checked against the format's rules. */
    private List<JsonNode> documents() {
        List<JsonNode> docs = new ArrayList<>();
        for (String line : lines) {
            assertFalse(line.contains("\n"), "one document, one line: " + line);
            JsonNode doc = parse(line);
            checkAgainstTheSpecification(doc);
            docs.add(doc);
        }
        return docs;
    }

    static void checkAgainstTheSpecification(JsonNode doc) {
        assertTrue(doc.isObject(), doc::toString);
        JsonNode aws = doc.get("_aws");
        assertTrue(aws.get("Timestamp").isIntegralNumber(), doc::toString);
        assertTrue(aws.get("CloudWatchMetrics").isArray() && !aws.get("CloudWatchMetrics").isEmpty(), doc::toString);
        for (JsonNode directive : aws.get("CloudWatchMetrics")) {
            assertTrue(directive.get("Namespace").isTextual(), doc::toString);
            for (JsonNode set : directive.get("Dimensions")) {
                assertTrue(set.size() <= 30, doc::toString);
                Set<String> keys = new HashSet<>();
                set.forEach(key -> {
                    assertTrue(doc.get(key.asText()).isTextual(), () -> "dimension " + key + " in " + doc);
                    keys.add(key.asText());
                });
                assertEquals(set.size(), keys.size(), doc::toString);
            }
            assertFalse(directive.get("Metrics").isEmpty(), doc::toString);
            for (JsonNode metric : directive.get("Metrics")) {
                JsonNode value = doc.get(metric.get("Name").asText());
                assertTrue(metric.get("Unit").isTextual(), doc::toString);
                assertTrue(value.isNumber() || value.isArray() && value.size() <= EmfMetrics.MAX_VALUES
                        && StreamSupport.stream(value.spliterator(), false).allMatch(JsonNode::isNumber), doc::toString);
            }
        }
    }

    private static JsonNode find(List<JsonNode> docs, String route, String statusClass) {
        return docs.stream().filter(d -> route.equals(d.path("Route").asText()) && statusClass.equals(d.path("StatusClass").asText()))
                .findFirst().orElseThrow(() -> new AssertionError(route + " " + statusClass + " not in " + docs));
    }

    static JsonNode parse(String line) {
        try {
            return JSON.readTree(line);
        } catch (Exception e) {
            throw new AssertionError("not JSON: " + line, e);
        }
    }
}
