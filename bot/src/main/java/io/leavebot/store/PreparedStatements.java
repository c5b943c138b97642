package io.leavebot.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The statements each connection has prepared, kept to run again. SQLite compiles an SQL text anew on every
 * prepare, and the leave store's reads (a SELECT of some 26 columns, several per step) spent more of the CPU in
 * compiling than in running. A kept statement is used by one caller at a time because its connection is: a reader
 * is taken from the store's pool, and the writer is used under the store's lock. The SQL texts are the store's own
 * constants, so what is kept stays small.
 */
final class PreparedStatements {
    private final Map<Connection, Map<String, PreparedStatement>> byConnection = new ConcurrentHashMap<>();

    /** {@code sql} prepared on {@code c}, its parameters cleared. Close its result set, never the statement. */
    PreparedStatement on(Connection c, String sql) throws SQLException {
        Map<String, PreparedStatement> kept = byConnection.computeIfAbsent(c, unused -> new ConcurrentHashMap<>());
        PreparedStatement statement = kept.get(sql);
        if (statement == null || statement.isClosed()) {
            statement = c.prepareStatement(sql);
            kept.put(sql, statement);
        } else {
            statement.clearParameters();
        }
        return statement;
    }

    /** Closes every kept statement, before their connections close. */
    void close() throws SQLException {
        for (Map<String, PreparedStatement> kept : byConnection.values()) {
            for (PreparedStatement statement : kept.values()) {
                statement.close();
            }
        }
        byConnection.clear();
    }
}
