package io.leavebot.bench.peers;

import java.util.ArrayList;
import java.util.List;

/** Latencies in nanoseconds, collected from many threads; percentiles in milliseconds. */
final class Samples {
    private final List<Long> nanos = new ArrayList<>();

    synchronized void add(long value) {
        nanos.add(value);
    }

    synchronized void addAll(Samples other) {
        nanos.addAll(other.snapshot());
    }

    synchronized int size() {
        return nanos.size();
    }

    private synchronized List<Long> snapshot() {
        return new ArrayList<>(nanos);
    }

    /** The nearest-rank percentile in ms, two decimals; -1 when nothing was measured. */
    double percentileMs(int p) {
        long[] sorted = snapshot().stream().mapToLong(Long::longValue).sorted().toArray();
        if (sorted.length == 0) {
            return -1;
        }
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return Math.round(sorted[Math.max(0, Math.min(sorted.length, rank) - 1)] / 1e4) / 100.0;
    }

    /** The median of {@code values} (the mean of the middle two for an even count). */
    static double median(List<Double> values) {
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        if (sorted.length == 0) {
            throw new IllegalArgumentException("no values");
        }
        int mid = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }
}
