package io.leavebot.store;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** {@link OverlappingLeaveContract} on a SQLite file. */
class SqliteOverlappingLeaveTest extends OverlappingLeaveContract {
    @TempDir
    Path dir;

    @Override
    Store newStore() {
        return new SqliteLeaveStore(dir.resolve("leavebot.db"));
    }
}
