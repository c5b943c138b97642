package io.leavebot.store;

import static org.junit.jupiter.api.Assertions.assertFalse;

import io.leavebot.notify.DigestDays;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@link DigestDays} contract in {@link SqliteLeaveStore}'s file, plus that claims outlive the process. */
class SqliteDigestDaysTest extends DigestDaysContract {
    @TempDir
    Path dir;
    private SqliteLeaveStore store;

    @Override
    DigestDays newDays() {
        store = new SqliteLeaveStore(dir.resolve("leaves.db"));
        return store.digestDays();
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void aClaimSurvivesReopeningTheFile() {
        days.claim(DAY, "slack", FIRST, AT);
        store.close();

        days = newDays();

        assertFalse(days.claim(DAY, "slack", SECOND, AT));
    }
}
