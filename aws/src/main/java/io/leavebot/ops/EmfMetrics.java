package io.leavebot.ops;

import static io.leavebot.LeaveBotNames.CALLBACK_LATENCY_METRIC;
import static io.leavebot.LeaveBotNames.CHANNEL_DIMENSION;
import static io.leavebot.LeaveBotNames.FUNCTION_DIMENSION;
import static io.leavebot.LeaveBotNames.METRICS_NAMESPACE;
import static io.leavebot.LeaveBotNames.NOTIFICATION_FAILURES_METRIC;
import static io.leavebot.LeaveBotNames.REQUESTS_METRIC;
import static io.leavebot.LeaveBotNames.ROUTE_DIMENSION;
import static io.leavebot.LeaveBotNames.STATUS_CLASS_DIMENSION;
import static io.leavebot.LeaveBotNames.STORE_WRITE_METRIC;

import com.amazonaws.services.lambda.runtime.Context;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * LeaveBot's metrics on Lambda, as CloudWatch embedded metric format (EMF) lines on standard output, from which
 * CloudWatch Logs makes metrics in namespace {@value io.leavebot.LeaveBotNames#METRICS_NAMESPACE}. Counts and times
 * are kept during an invocation and written by {@link #flush}, which each handler calls before it returns: Lambda
 * freezes the process once the handler answers, and a line per event would cost a log event each.
 *
 * <p>One line per set of dimension values (a document's dimension values are its top-level members, so
 * {@code /decide 2xx} and {@code /decide 4xx} need two), with {@code _aws.Timestamp} the flush's time. Requests go under
 * two dimension sets, {@code [FunctionName, Route, StatusClass]} to graph routes and {@code [FunctionName,
 * StatusClass]} for an alarm on a function's 5xx; notification failures under {@code [Channel]}; the latencies under
 * the empty set, as arrays of at most {@value #MAX_VALUES} values (the format's limit) per line.
 *
 * <p>Why {@code System.out} and not the logger: CloudWatch extracts metrics only from a log event that is one JSON
 * object with the {@code _aws} member at its root. Lambda passes a line its runtime gets on standard output on as one
 * event (with the plain-text format it may put a timestamp and request id before it, which the format allows); a
 * logger with Lambda's JSON log format would instead wrap it as the {@code message} string of its own object, where
 * CloudWatch does not look. So each document is written whole, on one line, straight to standard output.
 */
public final class EmfMetrics implements Metrics {
    /** The most values one metric may have in one document (EMF: arrays of up to 100). */
    static final int MAX_VALUES = 100;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String COUNT = "Count";
    private static final String MILLISECONDS = "Milliseconds";

    private final String functionName;
    private final Clock clock;
    private final Consumer<String> out;
    private Map<List<String>, Long> requests = new TreeMap<>(EmfMetrics::compare);
    private Map<String, Long> failures = new TreeMap<>();
    private List<Double> callbackLatencies = new ArrayList<>();
    private List<Double> storeWrites = new ArrayList<>();

    /**
     * Lines to standard output (as it is at each flush).
     *
     * @param functionName the function's name when an invocation has no {@link Context} to say it
     */
    public EmfMetrics(String functionName) {
        this(functionName, Clock.systemUTC(), line -> {
            System.out.println(line);
            System.out.flush();
        });
    }

    /** @param out takes each line, without its line break */
    EmfMetrics(String functionName, Clock clock, Consumer<String> out) {
        this.functionName = functionName;
        this.clock = clock;
        this.out = out;
    }

    @Override
    public synchronized void request(String route, int status) {
        requests.merge(List.of(route, status / 100 + "xx"), 1L, Long::sum);
    }

    @Override
    public synchronized void notificationFailed(String channel) {
        failures.merge(channel, 1L, Long::sum);
    }

    /** A write of the leave table, in milliseconds as {@value io.leavebot.LeaveBotNames#STORE_WRITE_METRIC}. */
    @Override
    public synchronized void commit(Duration took) {
        storeWrites.add(millis(took));
    }

    @Override
    public synchronized void callbackAnswered(Duration took) {
        callbackLatencies.add(millis(took));
    }

    /**
     * Writes what was counted since the last flush, and forgets it; nothing when nothing was counted.
     *
     * @param context the invocation's, which names the function; null uses the name given at construction
     */
    public void flush(Context context) {
        String function = context == null || context.getFunctionName() == null ? functionName : context.getFunctionName();
        long now = clock.millis();
        Map<List<String>, Long> requests;
        Map<String, Long> failures;
        List<Double> latencies;
        List<Double> writes;
        synchronized (this) {
            requests = this.requests;
            failures = this.failures;
            latencies = this.callbackLatencies;
            writes = this.storeWrites;
            this.requests = new TreeMap<>(EmfMetrics::compare);
            this.failures = new TreeMap<>();
            this.callbackLatencies = new ArrayList<>();
            this.storeWrites = new ArrayList<>();
        }
        requests.forEach((key, count) -> {
            ObjectNode line = document(now, List.of(List.of(FUNCTION_DIMENSION, ROUTE_DIMENSION, STATUS_CLASS_DIMENSION),
                    List.of(FUNCTION_DIMENSION, STATUS_CLASS_DIMENSION)), Map.of(REQUESTS_METRIC, COUNT));
            line.put(FUNCTION_DIMENSION, function).put(ROUTE_DIMENSION, key.get(0)).put(STATUS_CLASS_DIMENSION, key.get(1))
                    .put(REQUESTS_METRIC, count);
            write(line);
        });
        failures.forEach((channel, count) -> write(document(now, List.of(List.of(CHANNEL_DIMENSION)),
                Map.of(NOTIFICATION_FAILURES_METRIC, COUNT)).put(CHANNEL_DIMENSION, channel).put(NOTIFICATION_FAILURES_METRIC, count)));
        for (int from = 0; from < latencies.size() || from < writes.size(); from += MAX_VALUES) {
            write(timings(now, Map.of(CALLBACK_LATENCY_METRIC, chunk(latencies, from), STORE_WRITE_METRIC, chunk(writes, from))));
        }
    }

    /** One document of the dimension-less timings; a metric without values in this chunk is left out. */
    private static ObjectNode timings(long now, Map<String, List<Double>> values) {
        Map<String, String> units = new TreeMap<>();
        values.forEach((name, chunk) -> {
            if (!chunk.isEmpty()) {
                units.put(name, MILLISECONDS);
            }
        });
        ObjectNode line = document(now, List.of(List.of()), units);
        units.keySet().forEach(name -> {
            ArrayNode array = line.putArray(name);
            values.get(name).forEach(array::add);
        });
        return line;
    }

    /** The {@code _aws} metadata: the time, and one directive with the namespace, dimension sets and metrics. */
    private static ObjectNode document(long now, List<List<String>> dimensionSets, Map<String, String> units) {
        ObjectNode line = JSON.createObjectNode();
        ObjectNode aws = line.putObject("_aws");
        aws.put("Timestamp", now);
        ObjectNode directive = aws.putArray("CloudWatchMetrics").addObject();
        directive.put("Namespace", METRICS_NAMESPACE);
        ArrayNode dimensions = directive.putArray("Dimensions");
        for (List<String> set : dimensionSets) {
            ArrayNode keys = dimensions.addArray(); // the empty set too: a metric without dimensions
            set.forEach(keys::add);
        }
        ArrayNode metrics = directive.putArray("Metrics");
        new TreeMap<>(units).forEach((name, unit) -> metrics.addObject().put("Name", name).put("Unit", unit));
        return line;
    }

    private void write(ObjectNode line) {
        out.accept(line.toString());
    }

    private static List<Double> chunk(List<Double> values, int from) {
        return from >= values.size() ? List.of() : values.subList(from, Math.min(values.size(), from + MAX_VALUES));
    }

    private static double millis(Duration took) {
        return took.toNanos() / 1_000_000.0;
    }

    private static int compare(List<String> a, List<String> b) {
        int byRoute = a.get(0).compareTo(b.get(0));
        return byRoute != 0 ? byRoute : a.get(1).compareTo(b.get(1));
    }
}
