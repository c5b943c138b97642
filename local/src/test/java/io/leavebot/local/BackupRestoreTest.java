package io.leavebot.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 16, "Backups": {@code ./leavebot backup} while LeaveBot runs and an approval waits; more requests and the
 * approval after it; stopped, {@code ./leavebot restore}, started: the folder is as it was at the backup, and the
 * approval that was waiting then completes, with its days taken once. A restore, or a second LeaveBot, on the
 * folder of a running one is refused.
 */
class BackupRestoreTest {
    private static final String ADA = "ada@example.com";
    private static final String ALAN = "alan@example.com";
    private static final String MANAGER = "bea@example.com";

    @TempDir
    Path dir;

    @Test
    void theApprovalWaitingAtTheBackupCompletesAfterTheRestore() throws Exception {
        var leavebot = new LeaveBotProcess(dir, Map.of("LEAVEBOT_APPROVER_EMAIL", MANAGER));
        try (leavebot) {
            leavebot.start();
            String waiting = leavebot.submitWeekAfterNext(ADA);
            leavebot.awaitMail(MANAGER, 1);
            String linkSecret = Files.readString(leavebot.dataDir().resolve("link-secret"));

            var backup = leavebot.command("backup", "backups/monday.zip");
            assertEquals(0, backup.exitStatus(), backup.output());
            assertTrue(backup.output().contains("leavebot.db, leaves.db, link-secret, token-key"), backup.output());

            String after = leavebot.submitWeekAfterNext(ALAN);
            leavebot.approveAs(waiting, MANAGER);
            leavebot.awaitStatus(waiting, "APPROVED");
            var whileRunning = leavebot.command("restore", "backups/monday.zip");
            assertEquals(1, whileRunning.exitStatus(), whileRunning.output());
            assertTrue(whileRunning.output().contains("LeaveBot is running on"), whileRunning.output());
            var second = leavebot.command();
            assertEquals(64, second.exitStatus(), second.output());
            assertTrue(second.output().contains("is in use by another LeaveBot"), second.output());
            leavebot.stop();

            var restore = leavebot.command("restore", "backups/monday.zip");
            assertEquals(0, restore.exitStatus(), restore.output());
            Files.writeString(leavebot.dataDir().resolve("link-secret"), "changed since the backup");
            leavebot.command("restore", "backups/monday.zip");
            assertEquals(linkSecret, Files.readString(leavebot.dataDir().resolve("link-secret")), "the secret is restored too");
            assertEquals(List.of(), takenOf(waiting), "the approval after the backup is gone");
            leavebot.start();

            leavebot.awaitStatus(waiting, "PENDING");
            assertEquals(404, leavebot.api("GET", "/api/leaves/" + after, null).statusCode(), "made after the backup");
            leavebot.approveAs(waiting, MANAGER);
            leavebot.awaitStatus(waiting, "APPROVED");
            leavebot.awaitExecutionStatus(waiting, "RUNNING"); // on into the leave's days, as any approved request
            assertEquals(List.of("-3"), takenOf(waiting), leavebot.outboxListing());
            assertEquals(1, leavebot.stepsSucceeded(waiting, "send-receipt"), "the receipt is not sent again");
            // the outbox is what went out, and is not restored; Ada's outcome, sent again, has the same file
            leavebot.awaitMail(ADA, 2);
            leavebot.assertEveryMailOnce(Map.of(ADA, 2, ALAN, 1));
        }
    }

    /** The amounts of the request's TAKEN entries in the ledger of {@code leaves.db}, in the type's unit. */
    private List<String> takenOf(String requestId) throws SQLException {
        String sql = "SELECT amount FROM leave_ledger WHERE request_id = ? AND kind = 'TAKEN'";
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("data").resolve("leaves.db"));
                PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, requestId);
            try (ResultSet rs = s.executeQuery()) {
                List<String> amounts = new ArrayList<>();
                while (rs.next()) {
                    amounts.add(new BigDecimal(rs.getLong(1)).movePointLeft(2).stripTrailingZeros().toPlainString());
                }
                return amounts;
            }
        }
    }
}
