package io.leavebot.local;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue 13: "a crash between decision and deduction (SIGKILL)". LeaveBot runs as its own JVM
 * ({@link LeaveBotProcess}) and is killed with SIGKILL once Bea's approval is accepted, at once and after a few
 * delays (the workflow resumes, records the decision with the deduction, tells Ada and Bea); started again on the
 * same data folder, the request is APPROVED with exactly one TAKEN entry in the SQLite ledger, and every e-mail
 * exists once.
 */
class KillDuringApprovalTest {
    private static final String EMPLOYEE = "ada@example.com";
    private static final String MANAGER = "bea@example.com";

    @TempDir
    Path dir;


    /** @param delay milliseconds between the accepted approval and the kill */
    @ParameterizedTest
    @ValueSource(ints = {0, 20, 100, 400})
    void aKillAfterTheApprovalTakesTheDaysExactlyOnce(int delay) throws Exception {
        var leavebot = new LeaveBotProcess(dir, Map.of("LEAVEBOT_APPROVER_EMAIL", MANAGER));
        try (leavebot) {
            leavebot.start();
            String id = leavebot.submitWeekAfterNext(EMPLOYEE);
            leavebot.awaitMail(MANAGER, 1);
            leavebot.approveAs(id, MANAGER);
            Thread.sleep(delay);
            leavebot.kill();
            leavebot.start();

            leavebot.awaitStatus(id, "APPROVED");
            leavebot.awaitMail(EMPLOYEE, 2);
            leavebot.awaitMail(MANAGER, 2);
            assertEquals(List.of("-3"), takenOf(id), leavebot.outboxListing());
            // Ada: receipt, outcome; Bea: the ask, then what she decided
            leavebot.assertEveryMailOnce(Map.of(EMPLOYEE, 2, MANAGER, 2));
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
