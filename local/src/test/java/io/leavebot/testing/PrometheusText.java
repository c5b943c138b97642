package io.leavebot.testing;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A scrape in Prometheus's text format (0.0.4), parsed strictly as Prometheus itself reads it: every line a
 * {@code # HELP}, a {@code # TYPE} or a sample of a declared family, labels quoted and escaped, values numbers.
 * Anything else fails the test with the line.
 */
public final class PrometheusText {
    private static final Pattern NAME = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");
    private static final Pattern HELP = Pattern.compile("# HELP (" + NAME + ") .*");
    private static final Pattern TYPE = Pattern.compile("# TYPE (" + NAME + ") (counter|gauge|summary|histogram|untyped)");
    private static final Pattern SAMPLE = Pattern.compile("(" + NAME + ")(?:\\{(.*)})? (\\S+)(?: -?\\d+)?");
    private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\\\n]|\\\\[\\\\\"n])*)\",?");
    private static final Pattern VALUE = Pattern.compile("[+-]?(?:\\d+(?:\\.\\d*)?|\\.\\d+)(?:[eE][+-]?\\d+)?|[+-]Inf|NaN");
    private static final List<String> SUFFIXES = List.of("", "_total", "_count", "_sum", "_bucket", "_created");

    /** One sample: its name, labels and value. */
    public record Sample(String name, Map<String, String> labels, double value) {
    }

    private final List<Sample> samples;
    private final String text;

    private PrometheusText(List<Sample> samples, String text) {
        this.samples = List.copyOf(samples);
        this.text = text;
    }

    /** @throws AssertionError naming the first line that is not Prometheus text */
    public static PrometheusText parse(String text) {
        Set<String> families = new HashSet<>();
        List<Sample> samples = new ArrayList<>();
        for (String line : text.split("\n")) {
            Matcher type = TYPE.matcher(line);
            if (line.isEmpty() || HELP.matcher(line).matches()) {
                continue;
            } else if (type.matches()) {
                families.add(type.group(1));
                continue;
            }
            Matcher sample = SAMPLE.matcher(line);
            if (!sample.matches() || !VALUE.matcher(sample.group(3)).matches()) {
                throw new AssertionError("not a Prometheus text line: " + line);
            }
            String name = sample.group(1);
            if (SUFFIXES.stream().noneMatch(s -> name.endsWith(s) && families.contains(name.substring(0, name.length() - s.length())))) {
                throw new AssertionError("a sample of no declared family (# TYPE): " + line);
            }
            samples.add(new Sample(name, labels(sample.group(2), line), Double.parseDouble(sample.group(3)
                    .replace("Inf", "Infinity"))));
        }
        return new PrometheusText(samples, text);
    }

    private static Map<String, String> labels(String list, String line) {
        Map<String, String> labels = new LinkedHashMap<>();
        if (list == null || list.isEmpty()) {
            return labels;
        }
        Matcher label = LABEL.matcher(list);
        int at = 0;
        while (at < list.length()) {
            if (!label.find(at) || label.start() != at) {
                throw new AssertionError("labels that are not name=\"value\": " + line);
            }
            labels.put(label.group(1), label.group(2));
            at = label.end();
        }
        return labels;
    }

    /** The sum of the samples called {@code name} with these labels ({@code "status", "202", …}); 0 for none. */
    public double value(String name, String... labels) {
        return samples.stream().filter(s -> s.name().equals(name) && hasLabels(s, labels)).mapToDouble(Sample::value).sum();
    }

    private static boolean hasLabels(Sample sample, String... labels) {
        for (int i = 0; i + 1 < labels.length; i += 2) {
            if (!labels[i + 1].equals(sample.labels().get(labels[i]))) {
                return false;
            }
        }
        return true;
    }

    public List<Sample> samples() {
        return samples;
    }

    @Override
    public String toString() {
        return text;
    }
}
