package io.leavebot.store;

import io.leavebot.exports.FeedTokens;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

/** The {@link FeedTokens} contract in {@code calendar_feeds}. */
class SqliteFeedTokensTest extends FeedTokensContract {
    @TempDir
    Path dir;
    private SqliteLeaveStore store;

    @Override
    FeedTokens newTokens() {
        store = new SqliteLeaveStore(dir.resolve("leaves.db"));
        return store;
    }

    @AfterEach
    void close() {
        store.close();
    }
}
