package io.leavebot.durable.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.leavebot.durable.model.ExecutionStatus;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The execution rows the store keeps in memory are the table's: never a write that was undone, never a shared object. */
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

    private static String created(EngineStore store, String input) {
        return store.inTransaction(() -> ExecutionCommands.create(store, Instant.ofEpochSecond(1_700_000_000), "fn", "run-1", input).arn);
    }
}
