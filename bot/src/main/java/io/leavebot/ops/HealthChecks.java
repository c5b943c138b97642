package io.leavebot.ops;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What {@code /healthz} asks: named probes, each of which either passes or says, in one line for an operator, what
 * is wrong. A probe's line never carries a setting's value beyond a host, port or file name: the answer is served
 * without authentication.
 * <pre>{@code
 * HealthChecks health = HealthChecks.builder()
 *         .add("engine", Probes.engineRunning(engine::isRunning))
 *         .add("leave-store", Probes.sqliteWritable(dataDir.resolve("leaves.db")))
 *         .build();
 * HealthChecks.Report report = health.run();
 * }</pre>
 */
public final class HealthChecks {
    /** One check: passes by returning, fails by throwing with a message meant for the operator. */
    @FunctionalInterface
    public interface Probe {
        void check() throws Exception;
    }

    /** How one check went: {@code problem} is null when it passed. */
    public record Result(String name, String problem) {
        public boolean ok() {
            return problem == null;
        }
    }

    /** Every check's result, in the order they were added. */
    public record Report(List<Result> results) {
        public Report {
            results = List.copyOf(results);
        }

        public boolean healthy() {
            return results.stream().allMatch(Result::ok);
        }

        /** The names of the checks that failed. */
        public List<String> failing() {
            return results.stream().filter(r -> !r.ok()).map(Result::name).toList();
        }
    }

    private final Map<String, Probe> probes;
    private final List<String> order;

    private HealthChecks(Map<String, Probe> probes) {
        this.probes = Map.copyOf(probes);
        this.order = List.copyOf(probes.keySet());
    }

    public static Builder builder() {
        return new Builder();
    }

    public static final class Builder {
        private final Map<String, Probe> probes = new LinkedHashMap<>();

        private Builder() {
        }

        /** @throws IllegalArgumentException when {@code name} is taken */
        public Builder add(String name, Probe probe) {
            Objects.requireNonNull(probe, "probe");
            if (probes.putIfAbsent(Objects.requireNonNull(name, "name"), probe) != null) {
                throw new IllegalArgumentException("two health checks are called " + name);
            }
            return this;
        }

        public HealthChecks build() {
            return new HealthChecks(probes);
        }
    }

    /** Runs every probe, one after the other (each is short, and bounded by its own timeout). */
    public Report run() {
        List<Result> results = new ArrayList<>();
        for (String name : order) {
            results.add(new Result(name, problemOf(probes.get(name))));
        }
        return new Report(results);
    }

    private static String problemOf(Probe probe) {
        try {
            probe.check();
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        } catch (Exception e) {
            String message = e.getMessage();
            return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
        }
    }
}
