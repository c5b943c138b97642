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
class SqliteLeaveStoreTest extends LeaveLedgerContract {
    @TempDir
    Path dir;

    @Override
    Store newStore() {
        return new SqliteLeaveStore(file());
    }

    @Override
    Store sameDataStore() {
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
    void readsFromManyThreadsAtOnceEachGetTheirOwnRowsWhileWritesGoOn() throws Exception {
        // the readers' prepared statements are kept per connection: a statement shared by two threads would mix rows
        for (int n = 0; n < 40; n++) {
            store.create(leave("r-" + n));
        }
        var pool = java.util.concurrent.Executors.newFixedThreadPool(8);
        try {
            List<java.util.concurrent.Future<?>> done = new java.util.ArrayList<>();
            for (int t = 0; t < 8; t++) {
                int thread = t;
                done.add(pool.submit(() -> {
                    for (int i = 0; i < 300; i++) {
                        String id = "r-" + (i * 7 + thread) % 40;
                        assertEquals(id, store.get(id).orElseThrow().id());
                        if (thread == 0 && i % 10 == 0) {
                            store.create(leave("w-" + i));
                        }
                    }
                    return null;
                }));
            }
            for (var f : done) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
        assertEquals(Optional.empty(), store.get("r-40"));
        assertEquals("w-290", store.get("w-290").orElseThrow().id());
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
        Path released = copyOfTheRelease();
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

    /** A file of version 5, the last before the ledger: a request without working days, as that version wrote it. */
    @Test
    void aFileOfVersion5GainsTheLedgerAndItsRequestsReadWithTheirMondayToFridayCount() throws Exception {
        ((SqliteLeaveStore) store).close();
        Path v5 = dir.resolve("v5.db");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + v5)) {
            SqliteSchema.migrateUpTo(c, v5.toString(), 5);
            c.createStatement().execute("INSERT INTO leave_requests (id, employee_key, employee_email, employee_name, "
                    + "approver_key, approver_email, approver_name, type, start_date, end_date, half_day, status, created_at, "
                    + "updated_at, execution_name) VALUES ('r-v5', 'ann@example.com', 'ann@example.com', 'Ann', "
                    + "'bea@example.com', 'bea@example.com', 'Bea Boss', 'annual', '2026-05-04', '2026-05-10', 0, 'PENDING', "
                    + "1, 1, 'leave-r-v5')");
        }
        assertEquals(5, userVersion(v5));

        try (SqliteLeaveStore migrated = new SqliteLeaveStore(v5)) {
            assertEquals(SqliteSchema.LATEST, userVersion(v5));
            assertEquals(5.0, migrated.get("r-v5").orElseThrow().workingDays(), "Monday to Friday, as counted then");
            LeaveRequest approved = migrated.decide("r-v5", LeaveStatus.APPROVED, BY_BEA, T0, deduction("5", TEN_ALLOWED));
            assertEquals(LeaveStatus.APPROVED, approved.status());
            assertEquals(List.of("taken/r-v5/2026"), migrated.entries(ANN).stream().map(io.leavebot.balance.LedgerEntry::id).toList());
        }
    }

    @Test
    void theSlackIdsOfPeopleKnownByEmailMoveToTheAddressBookTheNewestFirstAndTheRowsStillRead() throws Exception {
        Path released = copyOfTheRelease();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + released)) {
            // as 0.1.0 wrote requests made in Slack: the Slack id beside the e-mail, or alone
            c.createStatement().execute("UPDATE leave_requests SET employee_slack = 'U0ADA-OLD', approver_slack = 'U0GRACE', "
                    + "decided_by_slack = 'U0GRACE' WHERE id = 'api-release-approved'");
            c.createStatement().execute("UPDATE leave_requests SET employee_slack = 'U0ALAN', employee_email = NULL, "
                    + "employee_key = 'slack:U0ALAN' WHERE id = 'api-release-rejected'");
            c.createStatement().execute("UPDATE leave_requests SET employee_slack = 'U0ADA', updated_at = updated_at + 1000000000000 "
                    + "WHERE id = 'api-release-waiting'");
        }

        try (SqliteLeaveStore migrated = new SqliteLeaveStore(released)) {
            Person ada = Person.ofEmail("ada@example.com", null);
            Person grace = Person.ofEmail("grace@example.com", "Grace Hopper");
            assertEquals(Optional.of("U0ADA"), migrated.addressOf("slack", ada).map(ChatAddress::address), "the newest row's id");
            assertEquals(Optional.of("U0GRACE"), migrated.addressOf("slack", grace).map(ChatAddress::address));
            LeaveRequest approved = migrated.get("api-release-approved").orElseThrow();
            assertEquals(ada, approved.employee());
            assertEquals(grace, approved.decision().by());
            Person alan = migrated.get("api-release-rejected").orElseThrow().employee();
            assertEquals("slack:U0ALAN", alan.key(), "someone with only a Slack id stays known by it");
            assertEquals(Optional.empty(), migrated.addressOf("slack", alan));
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
        Path released = copyOfTheRelease();
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

    /** The leave file release 0.1.0 wrote, copied for a test to open instead of the store (closed). */
    private Path copyOfTheRelease() throws Exception {
        ((SqliteLeaveStore) store).close();
        Path released = dir.resolve("released.db");
        Files.copy(Path.of("src/test/resources/release-data/0.1.0-e221f69/leaves.db"), released);
        return released;
    }

    private static int userVersion(Path file) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
                ResultSet rs = c.createStatement().executeQuery("PRAGMA user_version")) {
            return rs.next() ? rs.getInt(1) : -1;
        }
    }
}
