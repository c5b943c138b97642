package io.leavebot.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.DriverManager;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 16, "Upgrades": stop, replace the jar, start. The data folder release 0.1.0 left (see its README in
 * release-data) under this version's launcher, as its own process: the store's migrations run on start, the
 * decided requests are found, and the request that was waiting completes. ReleaseDataTest checks the same in one
 * JVM on a test clock, in more detail; this is the upgrade as an operator does it.
 */
class UpgradeInPlaceTest {
    private static final Path RELEASED = Path.of("../bot/src/test/resources/release-data/0.1.0-e221f69");
    /** When the release's waiting approval times out (created 2026-12-02T06:51:33Z, approval timeout P3D). */
    private static final Instant RELEASED_APPROVAL_EXPIRES = Instant.parse("2026-12-05T06:51:33Z");
    private static final String GRACE = "grace@example.com";

    @TempDir
    Path dir;

    @Test
    void theReleasesDataFolderRunsOnThisVersion() throws Exception {
        Path data = Files.createDirectories(dir.resolve("data"));
        copy(RELEASED, data);
        assertEquals(0, userVersion(data.resolve("leaves.db")), "the release set no version");
        var leavebot = new LeaveBotProcess(dir, Map.of("LEAVEBOT_APPROVER_EMAIL", GRACE, "LEAVEBOT_APPROVER_NAME", "Grace Hopper",
                "LEAVEBOT_APPROVAL_TIMEOUT", "P3D"));
        try (leavebot) {
            leavebot.start();

            assertTrue(userVersion(data.resolve("leaves.db")) > 1, "migrated on start");
            leavebot.awaitStatus("api-release-approved", "APPROVED");
            leavebot.awaitStatus("api-release-rejected", "REJECTED");
            if (Instant.now().isBefore(RELEASED_APPROVAL_EXPIRES)) {
                leavebot.awaitStatus("api-release-waiting", "PENDING");
                leavebot.approveAs("api-release-waiting", GRACE);
                leavebot.awaitStatus("api-release-waiting", "APPROVED");
                leavebot.awaitExecutionStatus("api-release-waiting", "RUNNING"); // on into the leave's days
            } else {
                // the release's timer is due by now: the upgraded workflow ends the wait as any approval that timed out
                leavebot.awaitStatus("api-release-waiting", "EXPIRED");
            }
            leavebot.awaitMail("ada@example.com", 4); // the release's three, and the waiting request's outcome
            leavebot.assertEveryMailOnce(Map.of("ada@example.com", 4, "alan@example.com", 2));

            leavebot.stop(); // and the next upgrade starts from this folder as well
            leavebot.start();
            leavebot.awaitStatus("api-release-approved", "APPROVED");
        }
    }

    private static void copy(Path from, Path to) throws Exception {
        for (String file : List.of("leavebot.db", "leaves.db", "link-secret")) {
            Files.copy(from.resolve(file), to.resolve(file), StandardCopyOption.COPY_ATTRIBUTES);
        }
        Path outbox = Files.createDirectories(to.resolve("outbox"));
        try (Stream<Path> mails = Files.list(from.resolve("outbox"))) {
            for (Path mail : mails.toList()) {
                Files.copy(mail, outbox.resolve(mail.getFileName()));
            }
        }
    }

    private static int userVersion(Path database) throws Exception {
        try (var c = DriverManager.getConnection("jdbc:sqlite:" + database); var s = c.createStatement();
                var rs = s.executeQuery("PRAGMA user_version")) {
            return rs.getInt(1);
        }
    }
}
