package io.leavebot.bench.peers;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ReportTest {
    private static final Report.Contender ENGINE_FSYNC = new Report.Contender("engine_fsync", true, Report.FSYNC, "");
    private static final Report.Contender DBOS_FSYNC = new Report.Contender("dbos_fsync", false, Report.FSYNC, "");
    private static final Report.Contender RESTATE = new Report.Contender("restate", false, Report.FSYNC, "");
    private static final Report.Contender ENGINE = new Report.Contender("engine", true, Report.NO_FSYNC, "");

    @Test
    void leadIsLeavebotsMedianOverTheBestPeersMedianAtTheSameDurability() {
        var report = new Report();
        rounds(report, ENGINE_FSYNC, 300, 330, 900); // median 330: one fast round does not count
        rounds(report, DBOS_FSYNC, 200, 220, 210); // median 210
        rounds(report, RESTATE, 150, 160, 400); // median 160, despite its best round
        rounds(report, ENGINE, 500, 520, 510);

        assertEquals(Map.of(Report.FSYNC, 1.57), report.leavebotOverBestPeer()); // 330 / 210; no peer without fsync
        assertEquals(Map.of(Report.FSYNC, "dbos_fsync"), report.bestPeer());
    }

    @Test
    void systemsShowTheirMedianRoundsAndLatencyOverAllRounds() {
        var report = new Report();
        var resumes = new Samples();
        for (long ms = 1; ms <= 100; ms++) {
            resumes.add(ms * 1_000_000);
        }
        report.add(DBOS_FSYNC, new Load.RoundResult(200, 2.0, resumes, new Samples()));
        report.add(DBOS_FSYNC, new Load.RoundResult(240, 3.0, new Samples(), new Samples()));

        @SuppressWarnings("unchecked")
        var dbos = (Map<String, Object>) report.systems().get("dbos_fsync");
        assertEquals(220L, dbos.get("executions_per_s"));
        assertEquals(java.util.List.of(200L, 240L), dbos.get("executions_per_s_rounds"));
        assertEquals(2.5, dbos.get("cpu_ms_per_execution"));
        assertEquals(50.0, dbos.get("resume_p50_ms"));
        assertEquals(99.0, dbos.get("resume_p99_ms"));
        assertEquals(-1.0, dbos.get("step_gap_p50_ms")); // nothing measured says so
        assertEquals(Report.FSYNC, dbos.get("durability"));
    }

    private static void rounds(Report report, Report.Contender system, double... perSecond) {
        for (double rate : perSecond) {
            report.add(system, new Load.RoundResult(rate, 1.0, new Samples(), new Samples()));
        }
    }
}
