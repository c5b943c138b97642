package io.leavebot.durable.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.leavebot.durable.model.ExecutionStatus;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The execution rows the store keeps in memory are the table's: never a write that was undone, never a shared object.
 * A database of an earlier schema version is migrated with its data.
 */
class EngineStoreTest {
    @TempDir
    Path dir;

    @Test
    void aSavedRowWhoseTransactionFailsIsNotServedAfterwards() {
        try (var store = new EngineStore(dir.resolve("e.db"))) {
            String arn = created(store, "\"small\"");
            assertThrows(IllegalStateException.class, () -> store.inTransaction(() -> {
                ExecutionRow row = store.execution(arn);
                row.status = ExecutionStatus.FAILED;
                row.nextEventId = 99;
                store.saveExecution(row);
                assertEquals(ExecutionStatus.FAILED, store.execution(arn).status); // seen within its own transaction
                throw new IllegalStateException("undone");
            }));
            ExecutionRow after = store.read(() -> store.execution(arn));
            assertEquals(ExecutionStatus.RUNNING, after.status);
            assertEquals(2, after.nextEventId);
            assertEquals(ExecutionStatus.RUNNING, store.read(() -> store.execution(after.id)).status);
        }
    }

    @Test
    void aRowChangedButNotSavedIsNotSeenByTheNextReader() {
        try (var store = new EngineStore(dir.resolve("e.db"))) {
            String arn = created(store, "\"small\"");
            store.read(() -> store.execution(arn)).token = "changed in place, never saved";
            assertNull(store.read(() -> store.execution(arn)).token);
        }
    }

    @Test
    void aLargeRowIsReadFromTheTableAndItsUpdatesAreSeen() {
        try (var store = new EngineStore(dir.resolve("e.db"))) {
            String arn = created(store, "\"" + "x".repeat(10_000) + "\"");
            store.inTransaction(() -> {
                ExecutionRow row = store.execution(arn);
                row.result = "\"done\"";
                row.status = ExecutionStatus.SUCCEEDED;
                store.saveExecution(row);
                return null;
            });
            ExecutionRow after = store.read(() -> store.execution(arn));
            assertEquals(ExecutionStatus.SUCCEEDED, after.status);
            assertEquals("\"done\"", after.result);
        }
    }

    @Test
    void rowsAreReadBackFromTheTableAfterReopening() {
        String arn;
        try (var store = new EngineStore(dir.resolve("e.db"))) {
            arn = created(store, "\"small\"");
        }
        try (var store = new EngineStore(dir.resolve("e.db"))) {
            ExecutionRow row = store.read(() -> store.execution(arn));
            assertEquals(ExecutionStatus.RUNNING, row.status);
            assertEquals("\"small\"", row.input);
        }
    }

    @Test
    void aDatabaseOfSchemaVersionZeroIsMigratedAndKeepsItsEventsInOrderAndTakesNewOnes() throws SQLException {
        Path file = dir.resolve("v0.db");
        String arn;
        long id;
        try (var store = new EngineStore(file)) {
            arn = created(store, "\"small\"");
            id = store.read(() -> store.execution(arn)).id;
            appendEvents(store, arn, 3);
        }
        List<String> before;
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = c.createStatement()) {
            before = eventsAsStored(s, id);
            // the events table and the operations' order index exactly as schema version 0 (before 2026-12-03) had them
            s.execute("CREATE INDEX operations_in_order ON operations(execution, seq)");
            s.execute("CREATE TABLE events_v0 (execution INTEGER NOT NULL, event_id INTEGER NOT NULL, json TEXT NOT NULL, "
                    + "PRIMARY KEY (execution, event_id)) WITHOUT ROWID");
            s.execute("INSERT INTO events_v0 SELECT execution, event_id, json FROM events ORDER BY event_id DESC");
            s.execute("DROP TABLE events");
            s.execute("ALTER TABLE events_v0 RENAME TO events");
            s.execute("PRAGMA user_version=0");
        }
        assertEquals(4, before.size());

        try (var store = new EngineStore(file)) {
            assertEquals(before, store.read(() -> store.eventsJson(id, 1, 100, false)));
            appendEvents(store, arn, 1);
            List<String> after = store.read(() -> store.eventsJson(id, 1, 100, false));
            assertEquals(5, after.size());
            assertEquals(before, after.subList(0, 4));
            assertTrue(after.get(4).contains("\"EventId\":5"), after.get(4));
            assertEquals(before.get(3), store.read(() -> store.eventsJson(id, 4, 1, true)).get(0));
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = c.createStatement()) {
            assertEquals(2, intQuery(s, "PRAGMA user_version"));
            assertEquals(0, intQuery(s, "SELECT count(*) FROM sqlite_schema WHERE sql LIKE '%WITHOUT ROWID%' AND name = 'events'"));
            assertEquals(0, intQuery(s, "SELECT count(*) FROM sqlite_schema WHERE name = 'operations_in_order'"));
        }
    }

    @Test
    void aDatabaseOfANewerSchemaVersionIsRefusedAndLeftAlone() throws SQLException {
        Path file = dir.resolve("newer.db");
        new EngineStore(file).close();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = c.createStatement()) {
            s.execute("PRAGMA user_version=7");
        }
        var refused = assertThrows(IllegalStateException.class, () -> new EngineStore(file));
        assertTrue(refused.getMessage().contains("schema version is 7, newer than this engine's 2"), refused.getMessage());
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = c.createStatement()) {
            assertEquals(7, intQuery(s, "PRAGMA user_version"));
        }
    }

    private static void appendEvents(EngineStore store, String arn, int count) {
        store.inTransaction(() -> {
            var change = new ExecutionChange(store, store.execution(arn), Instant.ofEpochSecond(1_700_000_001));
            for (int i = 0; i < count; i++) {
                change.event("InvocationCompleted", null, Map.of("RequestId", "r" + i));
            }
            change.save();
            return null;
        });
    }

    private static List<String> eventsAsStored(Statement s, long execution) throws SQLException {
        var events = new java.util.ArrayList<String>();
        try (ResultSet rs = s.executeQuery("SELECT json FROM events WHERE execution = " + execution + " ORDER BY event_id")) {
            while (rs.next()) {
                events.add(rs.getString(1));
            }
        }
        return events;
    }

    private static int intQuery(Statement s, String sql) throws SQLException {
        try (ResultSet rs = s.executeQuery(sql)) {
            return rs.getInt(1);
        }
    }

    private static String created(EngineStore store, String input) {
        return store.inTransaction(() -> ExecutionCommands.create(store, Instant.ofEpochSecond(1_700_000_000), "fn", "run-1", input).arn);
    }
}
