package io.leavebot.bench.peers;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The figures of every system over all rounds, and LeaveBot's lead over the best peer at each durability. */
final class Report {
    static final String FSYNC = "fsync";
    static final String NO_FSYNC = "no_fsync";

    /**
     * A system under test, as the report names it.
     *
     * @param key        its name in the JSON line, e.g. {@code dbos_fsync}
     * @param leavebot   whether it is LeaveBot's engine (otherwise a peer)
     * @param durability {@link #FSYNC} when an acknowledged change survives a power cut, else {@link #NO_FSYNC}
     * @param setting    what that means for this system, in words
     */
    record Contender(String key, boolean leavebot, String durability, String setting) {
    }

    private static final class Figures {
        final List<Double> executionsPerSecond = new ArrayList<>();
        final List<Double> cpuMsPerExecution = new ArrayList<>();
        final Samples resumes = new Samples();
        final Samples stepGaps = new Samples();
    }

    private final Map<Contender, Figures> figures = new LinkedHashMap<>();

    void add(Contender system, Load.RoundResult round) {
        Figures f = figures.computeIfAbsent(system, s -> new Figures());
        f.executionsPerSecond.add(round.executionsPerSecond());
        f.cpuMsPerExecution.add(round.cpuMsPerExecution());
        f.resumes.addAll(round.resumes());
        f.stepGaps.addAll(round.stepGaps());
    }

    /**
     * Each system's figures: the median of its rounds' executions/s and CPU per execution (all its processes and
     * this JVM's); latency percentiles over all its rounds.
     */
    Map<String, Object> systems() {
        Map<String, Object> out = new LinkedHashMap<>();
        figures.forEach((system, f) -> {
            Map<String, Object> s = new LinkedHashMap<>();
            s.put("durability", system.durability());
            s.put("setting", system.setting());
            s.put("executions_per_s", Math.round(Samples.median(f.executionsPerSecond)));
            s.put("executions_per_s_rounds", f.executionsPerSecond.stream().map(Math::round).toList());
            s.put("cpu_ms_per_execution", Math.round(Samples.median(f.cpuMsPerExecution) * 100) / 100.0);
            s.put("resume_p50_ms", f.resumes.percentileMs(50));
            s.put("resume_p99_ms", f.resumes.percentileMs(99));
            s.put("step_gap_p50_ms", f.stepGaps.percentileMs(50));
            s.put("step_gap_p99_ms", f.stepGaps.percentileMs(99));
            out.put(system.key(), s);
        });
        return out;
    }

    /**
     * Per durability, LeaveBot's median executions/s over the best peer's median at that durability (two decimals);
     * a durability with no peer, or no LeaveBot, is left out.
     */
    Map<String, Double> leavebotOverBestPeer() {
        Map<String, Double> out = new LinkedHashMap<>();
        for (String durability : List.of(FSYNC, NO_FSYNC)) {
            double leavebot = best(durability, true);
            double peer = best(durability, false);
            if (leavebot > 0 && peer > 0) {
                out.put(durability, Math.round(leavebot / peer * 100) / 100.0);
            }
        }
        return out;
    }

    /** Per durability, the key of the peer with the highest median executions/s. */
    Map<String, String> bestPeer() {
        Map<String, String> out = new LinkedHashMap<>();
        for (String durability : List.of(FSYNC, NO_FSYNC)) {
            double best = 0;
            for (var e : figures.entrySet()) {
                double median = Samples.median(e.getValue().executionsPerSecond);
                if (!e.getKey().leavebot() && e.getKey().durability().equals(durability) && median > best) {
                    best = median;
                    out.put(durability, e.getKey().key());
                }
            }
        }
        return out;
    }

    private double best(String durability, boolean leavebot) {
        return figures.entrySet().stream()
                .filter(e -> e.getKey().leavebot() == leavebot && e.getKey().durability().equals(durability))
                .mapToDouble(e -> Samples.median(e.getValue().executionsPerSecond)).max().orElse(0);
    }
}
