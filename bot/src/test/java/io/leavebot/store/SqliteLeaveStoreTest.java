package io.leavebot.store;

import io.leavebot.testing.SampleLeaves;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.leavebot.leave.AuditEntry;
import io.leavebot.leave.Decision;
import io.leavebot.leave.LeaveRequest;
import io.leavebot.leave.LeaveStatus;
import io.leavebot.leave.Person;
import io.leavebot.notify.ChatAddress;
import io.leavebot.notify.SentNotification;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@link LeaveStore} contract on a SQLite file in a temporary directory, plus what only a file can show. */
class SqliteLeaveStoreTest extends LeaveStoreContract {
    @TempDir
    Path dir;

    @Override
    Store newStore() {
        return new SqliteLeaveStore(file());
    }

    private Path file() {
        return dir.resolve("leavebot.db");
    }

    @Test
    void requestsAndDecisionsSurviveReopeningTheFile() {
        store.create(leave("r-1"));
        LeaveRequest decided = store.decide("r-1", LeaveStatus.APPROVED, new Decision(BEA, T0, "enjoy"), T0);
        ((SqliteLeaveStore) store).close();

        store = new SqliteLeaveStore(file());

        assertEquals(Optional.of(decided), store.get("r-1"));
    }

    @Test
    void twoStoresOnTheSameFileStillRecordOneRequestAndOneDecision() {
        try (SqliteLeaveStore other = new SqliteLeaveStore(file())) {
            LeaveRequest first = store.create(leave("r-1"));
            assertEquals(first, other.create(leave("r-1", DAN, MAY_4, MAY_4, T0.plusSeconds(1))));

            LeaveRequest approved = other.decide("r-1", LeaveStatus.APPROVED, new Decision(BEA, T0, null), T0);
            assertEquals(approved, store.decide("r-1", LeaveStatus.REJECTED, new Decision(BEA, T0, "no"), T0));
            assertEquals(List.of(approved), store.listByEmployee(ANN));
        }
    }

    @Test
    void aFileOfTheLastReleaseIsMigratedInPlaceWithEverythingInIt() throws Exception {
        ((SqliteLeaveStore) store).close();
        Path released = dir.resolve("released.db");
        Files.copy(Path.of("src/test/resources/release-data/0.1.0-e221f69/leaves.db"), released);
        assertEquals(0, userVersion(released), "release 0.1.0 set no version");

        try (SqliteLeaveStore migrated = new SqliteLeaveStore(released)) {
            assertEquals(SqliteSchema.LATEST, userVersion(released));
            LeaveRequest waiting = migrated.get("api-release-waiting").orElseThrow();
            assertEquals(LeaveStatus.PENDING, waiting.status());
            assertEquals(Optional.of("api-release-waiting"), migrated.requestIdForCallback(SampleLeaves.callbackOf(waiting)),
                    "the waiting request's callback is found by its id");
            assertEquals("Sorry, release week", migrated.get("api-release-rejected").orElseThrow().decision().comment());
            assertTrue(migrated.sent("leave-api-release-approved/tell-employee").isPresent());
            assertEquals(List.of(), migrated.audit("api-release-waiting"));
        }
        try (SqliteLeaveStore again = new SqliteLeaveStore(released)) {
            assertEquals(SqliteSchema.LATEST, userVersion(released), "opening a migrated file changes nothing");
            assertEquals(3, again.listByEmployee(Person.ofEmail("ada@example.com", null)).size()
                    + again.listByEmployee(Person.ofEmail("alan@example.com", null)).size());
        }
    }

    @Test
    void aFileFromANewerLeaveBotIsRefusedAndLeftAsItIs() throws Exception {
        ((SqliteLeaveStore) store).close();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file())) {
            c.createStatement().execute("PRAGMA user_version = " + (SqliteSchema.LATEST + 1));
        }

        IllegalStateException refused = assertThrows(IllegalStateException.class, () -> new SqliteLeaveStore(file()));

        assertTrue(refused.getMessage().contains("was written by a newer LeaveBot"), refused.getMessage());
        assertEquals(SqliteSchema.LATEST + 1, userVersion(file()));
    }

    @Test
    void aMigrationThatFailsLeavesTheFileAtItsVersion() throws Exception {
        ((SqliteLeaveStore) store).close();
        Path released = dir.resolve("released.db");
        Files.copy(Path.of("src/test/resources/release-data/0.1.0-e221f69/leaves.db"), released);
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + released)) {
            // a table in the way of migration 2, so its second statement fails after the first ran
            c.createStatement().execute("CREATE TABLE leave_audit (x TEXT)");
        }

        assertThrows(IllegalStateException.class, () -> new SqliteLeaveStore(released));

        assertEquals(0, userVersion(released));
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + released);
                ResultSet rs = c.createStatement().executeQuery(
                        "SELECT count(*) FROM sqlite_master WHERE name = 'leave_callbacks'")) {
            rs.next();
            assertEquals(0, rs.getInt(1), "the migration's first table was rolled back with it");
        }
    }

    private static int userVersion(Path file) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
                ResultSet rs = c.createStatement().executeQuery("PRAGMA user_version")) {
            return rs.next() ? rs.getInt(1) : -1;
        }
    }
}
