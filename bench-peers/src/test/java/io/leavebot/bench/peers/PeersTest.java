package io.leavebot.bench.peers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * DBOS on a private PostgreSQL cluster and Restate, each running the workflow under a small load: what bench/run
 * peers installs (PostgreSQL from Debian, the Restate server from npm into node_modules) must be there, else these
 * are skipped with the reason.
 */
class PeersTest {
    private static final Load SMALL = new Load(8, 5, 30, 2);

    @Test
    void dbosRunsTheWorkflowOnPostgresWithAndWithoutSynchronousCommit() throws Exception {
        Optional<Path> bin = postgresBin();
        assumeTrue(bin.isPresent(), "no /usr/lib/postgresql/*/bin: apt-get install -y postgresql");
        try (var postgres = new PostgresCluster(bin.get())) {
            for (boolean synchronousCommit : new boolean[] {true, false}) {
                var probe = new Probe();
                String db = synchronousCommit ? "fsynced" : "async";
                try (var dbos = new DbosSubject(postgres.createDatabase(db, synchronousCommit), PostgresCluster.USER,
                        postgres.serverProcess(), probe)) {
                    assertMeasured(SMALL.run(dbos, probe, db));
                }
            }
        }
    }

    @Test
    void restateRunsTheWorkflowWithAnAwakeable() throws Exception {
        Path binary = Path.of("node_modules/@restatedev/restate-server-linux-x64/bin/restate-server");
        assumeTrue(Files.isExecutable(binary), "no " + binary.toAbsolutePath() + ": bench/run peers installs it");
        try (var server = new RestateServer(binary)) {
            var probe = new Probe();
            try (var restate = new RestateSubject(server, probe)) {
                assertMeasured(SMALL.run(restate, probe, "restate"));
            }
        }
    }

    private static void assertMeasured(Load.RoundResult result) {
        assertTrue(result.cpuMsPerExecution() > 0);
        assertEquals(SMALL.executions(), result.resumes().size());
        assertEquals(3 * SMALL.executions(), result.stepGaps().size());
    }

    private static Optional<Path> postgresBin() throws IOException {
        Path root = Path.of("/usr/lib/postgresql");
        if (!Files.isDirectory(root)) {
            return Optional.empty();
        }
        try (Stream<Path> versions = Files.list(root)) {
            return versions.map(v -> v.resolve("bin")).filter(b -> Files.isExecutable(b.resolve("initdb")))
                    .max(Comparator.comparing(b -> Integer.parseInt(b.getParent().getFileName().toString())));
        }
    }
}
