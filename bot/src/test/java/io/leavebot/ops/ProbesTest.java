package io.leavebot.ops;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.leavebot.store.SqliteLeaveStore;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The probes on their own, against real counterparts: a GreenMail SMTP server, SQLite files, a folder. */
class ProbesTest {
    @TempDir
    Path dir;

    @Test
    void anSmtpServerThatGreetsAndAnswersEhloIsReachable() {
        var smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        try {
            assertDoesNotThrow(() -> Probes.smtpReachable("127.0.0.1", smtp.getSmtp().getPort()).check());
        } finally {
            smtp.stop();
        }
    }

    @Test
    void aReadOnlyDatabaseFileCannotBeWritten() throws Exception {
        Path file = dir.resolve("leaves.db");
        new SqliteLeaveStore(file).close();
        assertDoesNotThrow(() -> Probes.sqliteWritable(file).check());
        assertTrue(file.toFile().setWritable(false));
        assumeFalse(Files.isWritable(file), "root may write a read-only file; HealthAndMetricsTest covers a locked one");

        var failure = assertThrows(IllegalStateException.class, () -> Probes.sqliteWritable(file).check());
        assertTrue(failure.getMessage().startsWith("leaves.db cannot be written"), failure.getMessage());
    }

    @Test
    void aMissingDatabaseIsNotCreatedByTheProbe() {
        var failure = assertThrows(IllegalStateException.class, () -> Probes.sqliteWritable(dir.resolve("gone.db")).check());

        assertTrue(failure.getMessage().equals("gone.db is missing"), failure.getMessage());
        assertTrue(Files.notExists(dir.resolve("gone.db")));
    }

    @Test
    void theOutboxProbeLeavesNothingBehind() throws Exception {
        Path outbox = dir.resolve("outbox");
        Probes.folderWritable(outbox).check();

        try (var files = Files.list(outbox)) {
            assertTrue(files.findAny().isEmpty());
        }
    }
}
