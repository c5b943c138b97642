package io.leavebot.store;

import io.leavebot.notify.UserTokens;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

/** The {@link UserTokens} contract on SQLite ({@code slack_user_tokens}). */
class SqliteUserTokensTest extends UserTokensContract {
    @TempDir
    Path dir;
    private final List<SqliteLeaveStore> opened = new ArrayList<>();

    @Override
    UserTokens tokens() {
        var store = new SqliteLeaveStore(dir.resolve("leaves-" + opened.size() + ".db"));
        opened.add(store);
        return store;
    }

    @AfterEach
    void close() {
        opened.forEach(SqliteLeaveStore::close);
    }
}
