package io.leavebot.bench.peers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The load and the probe on LeaveBot's engine: every measured execution resumed once, every step gap counted. */
class LoadTest {
    @TempDir
    Path dir;

    @Test
    void measuresEachExecutionOnceAfterTheWarmup() throws Exception {
        var probe = new Probe();
        try (var engine = new EngineSubject(dir.resolve("engine.db"), false, probe)) {
            Load.RoundResult result = new Load(8, 10, 40, 2).run(engine, probe, "t");

            assertTrue(result.executionsPerSecond() > 0);
            assertTrue(result.cpuMsPerExecution() > 0, "this JVM's CPU, read from /proc");
            assertEquals(40, result.resumes().size());
            // record → receipt, receipt → route, record-decision → tell
            assertEquals(3 * 40, result.stepGaps().size());
        }
    }

    @Test
    void aFailingSystemFailsTheRoundWithItsError() {
        var probe = new Probe();
        Subject refusing = new Subject() {
            @Override
            public void start(String execution) {
                throw new IllegalStateException("refused " + execution);
            }

            @Override
            public void resolve(String token) {
            }

            @Override
            public void verifyFinished(String execution) {
            }

            @Override
            public void close() {
            }
        };
        var e = assertThrows(IllegalStateException.class, () -> new Load(4, 0, 10, 1).run(refusing, probe, "f"));
        assertTrue(e.getMessage().contains("refused f-x-0"), e.getMessage());
    }
}
