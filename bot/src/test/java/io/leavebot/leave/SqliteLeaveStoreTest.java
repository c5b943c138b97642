package io.leavebot.leave;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@link LeaveStore} contract on a SQLite file in a temporary directory, plus what only a file can show. */
class SqliteLeaveStoreTest extends LeaveStoreContract {
    @TempDir
    Path dir;

    @Override
    LeaveStore newStore() {
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
}
