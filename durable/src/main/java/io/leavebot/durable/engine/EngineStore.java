package io.leavebot.durable.engine;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.leavebot.durable.execution.WireJson;
import io.leavebot.durable.model.ErrorObject;
import io.leavebot.durable.model.Event;
import io.leavebot.durable.model.ExecutionQuery;
import io.leavebot.durable.model.ExecutionStatus;
import io.leavebot.durable.model.Operation;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * All SQL of the engine, over one SQLite connection in WAL mode. {@code synchronous=NORMAL}: a committed
 * transaction survives the process being killed (it is in the WAL, in the OS's cache); only a power cut may
 * lose the last few. Every call runs under one lock; {@link #inTransaction} makes a group of calls atomic.
 */
final class EngineStore implements AutoCloseable {
    private static final String[] SCHEMA = {
        """
        CREATE TABLE IF NOT EXISTS executions (
          arn TEXT PRIMARY KEY, function_name TEXT NOT NULL, name TEXT NOT NULL, input TEXT,
          status TEXT NOT NULL, result TEXT, error TEXT, start_ms INTEGER NOT NULL, end_ms INTEGER,
          token TEXT, invocation_id TEXT, invocation_start_ms INTEGER, runnable INTEGER NOT NULL,
          failed_invocations INTEGER NOT NULL, next_event_id INTEGER NOT NULL, change_seq INTEGER NOT NULL,
          synced_seq INTEGER NOT NULL, op_seq INTEGER NOT NULL, last_end_ms INTEGER NOT NULL)""",
        "CREATE UNIQUE INDEX IF NOT EXISTS executions_by_name ON executions(function_name, name)",
        "CREATE INDEX IF NOT EXISTS executions_by_start ON executions(function_name, start_ms)",
        "CREATE INDEX IF NOT EXISTS executions_to_resume ON executions(runnable, invocation_id) WHERE status = 'RUNNING'",
        """
        CREATE TABLE IF NOT EXISTS operations (arn TEXT NOT NULL, id TEXT NOT NULL, seq INTEGER NOT NULL,
          changed_seq INTEGER NOT NULL, json TEXT NOT NULL, PRIMARY KEY (arn, id)) WITHOUT ROWID""",
        "CREATE INDEX IF NOT EXISTS operations_in_order ON operations(arn, seq)",
        "CREATE INDEX IF NOT EXISTS operations_by_change ON operations(arn, changed_seq)",
        """
        CREATE TABLE IF NOT EXISTS events (arn TEXT NOT NULL, event_id INTEGER NOT NULL, json TEXT NOT NULL,
          PRIMARY KEY (arn, event_id)) WITHOUT ROWID""",
        """
        CREATE TABLE IF NOT EXISTS callbacks (callback_id TEXT PRIMARY KEY, arn TEXT NOT NULL, op_id TEXT NOT NULL,
          heartbeat_s INTEGER NOT NULL) WITHOUT ROWID""",
        """
        CREATE TABLE IF NOT EXISTS timers (arn TEXT NOT NULL, op_id TEXT NOT NULL, kind TEXT NOT NULL,
          due_ms INTEGER NOT NULL, PRIMARY KEY (arn, op_id, kind)) WITHOUT ROWID""",
        "CREATE INDEX IF NOT EXISTS timers_by_due ON timers(due_ms)",
    };
    private static final String EXECUTION_COLUMNS = "arn, function_name, name, input, status, result, error, start_ms, "
            + "end_ms, token, invocation_id, invocation_start_ms, runnable, failed_invocations, next_event_id, "
            + "change_seq, synced_seq, op_seq, last_end_ms";

    /** What a timer does when it falls due. */
    enum TimerKind { WAIT_END, RETRY_DUE, CALLBACK_TIMEOUT, CALLBACK_HEARTBEAT, INVOCATION_RETRY }

    record Timer(String arn, String opId, TimerKind kind, long dueMs) {
    }

    record CallbackRow(String callbackId, String arn, String opId, int heartbeatSeconds) {
    }

    private final Connection connection;
    private final Map<String, PreparedStatement> statements = new HashMap<>();

    EngineStore(Path file) {
        try {
            connection = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
            try (Statement s = connection.createStatement()) {
                s.execute("PRAGMA journal_mode=WAL");
                s.execute("PRAGMA synchronous=NORMAL");
                s.execute("PRAGMA busy_timeout=10000");
                for (String ddl : SCHEMA) {
                    s.execute(ddl);
                }
            }
            connection.setAutoCommit(false);
            connection.commit();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot open the engine database " + file + ": " + e.getMessage(), e);
        }
    }

    /** Runs {@code work} as one transaction: all of it is stored, or none of it. */
    synchronized <T> T inTransaction(Supplier<T> work) {
        try {
            T result = work.get();
            connection.commit();
            return result;
        } catch (RuntimeException | Error e) {
            try {
                connection.rollback();
            } catch (SQLException rollbackFailure) {
                e.addSuppressed(rollbackFailure);
            }
            throw e;
        } catch (SQLException e) {
            throw new IllegalStateException("engine database commit failed: " + e.getMessage(), e);
        }
    }

    // ---- executions

    ExecutionRow execution(String arn) {
        return queryOne("SELECT " + EXECUTION_COLUMNS + " FROM executions WHERE arn = ?", EngineStore::readExecution, arn);
    }

    ExecutionRow executionByName(String functionName, String name) {
        return queryOne("SELECT " + EXECUTION_COLUMNS + " FROM executions WHERE function_name = ? AND name = ?",
                EngineStore::readExecution, functionName, name);
    }

    void saveExecution(ExecutionRow r) {
        update("INSERT OR REPLACE INTO executions (" + EXECUTION_COLUMNS + ") VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                r.arn, r.functionName, r.name, r.input, r.status.name(), r.result, json(r.error), r.startMs, r.endMs,
                r.token, r.invocationId, r.invocationStartMs, r.runnable ? 1 : 0, r.failedInvocations, r.nextEventId,
                r.changeSeq, r.syncedSeq, r.opSeq, r.lastEndMs);
    }

    /** Executions that must be invoked: something changed, or an invocation was cut off by a crash. */
    List<String> executionsToResume() {
        return query("SELECT arn FROM executions WHERE status = 'RUNNING' AND (runnable = 1 OR invocation_id IS NOT NULL)",
                rs -> rs.getString(1));
    }

    List<ExecutionRow> listExecutions(String functionName, ExecutionQuery q, int offset, int limit) {
        var sql = new StringBuilder("SELECT " + EXECUTION_COLUMNS + " FROM executions WHERE function_name = ?");
        var args = new ArrayList<Object>(List.of(functionName));
        if (q.executionName() != null) {
            sql.append(" AND name = ?");
            args.add(q.executionName());
        }
        if (!q.statuses().isEmpty()) {
            sql.append(" AND status IN (").append("?,".repeat(q.statuses().size() - 1)).append("?)");
            q.statuses().forEach(s -> args.add(s.name()));
        }
        if (q.startedAfter() != null) {
            sql.append(" AND start_ms > ?");
            args.add(q.startedAfter().toEpochMilli());
        }
        if (q.startedBefore() != null) {
            sql.append(" AND start_ms < ?");
            args.add(q.startedBefore().toEpochMilli());
        }
        String order = q.reverseOrder() ? " DESC" : "";
        sql.append(" ORDER BY start_ms").append(order).append(", arn").append(order).append(" LIMIT ? OFFSET ?");
        args.add(limit);
        args.add(offset);
        return query(sql.toString(), EngineStore::readExecution, args.toArray());
    }

    // ---- operations

    Operation operation(String arn, String id) {
        return queryOne("SELECT json FROM operations WHERE arn = ? AND id = ?", rs -> readOperation(rs.getString(1)), arn, id);
    }

    /** Operations in the order they were first recorded, after position {@code afterSeq}; each row is {seq, op}. */
    List<Map.Entry<Long, Operation>> operationsInOrder(String arn, long afterSeq, int limit) {
        return query("SELECT seq, json FROM operations WHERE arn = ? AND seq > ? ORDER BY seq LIMIT ?",
                rs -> Map.entry(rs.getLong(1), readOperation(rs.getString(2))), arn, afterSeq, limit);
    }

    List<Operation> operationsChangedAfter(String arn, long changeSeq) {
        return query("SELECT json FROM operations WHERE arn = ? AND changed_seq > ? ORDER BY seq",
                rs -> readOperation(rs.getString(1)), arn, changeSeq);
    }

    void saveOperation(String arn, Operation op, long seq, long changedSeq) {
        update("INSERT INTO operations (arn, id, seq, changed_seq, json) VALUES (?,?,?,?,?) "
                + "ON CONFLICT (arn, id) DO UPDATE SET changed_seq = excluded.changed_seq, json = excluded.json",
                arn, op.id(), seq, changedSeq, json(op));
    }

    // ---- events

    void saveEvent(String arn, Event event) {
        update("INSERT INTO events (arn, event_id, json) VALUES (?,?,?)", arn, event.eventId(), json(event));
    }

    /** Events as stored JSON text, from {@code fromEventId} on. */
    List<String> eventsJson(String arn, long fromEventId, int limit, boolean reverse) {
        String sql = reverse
                ? "SELECT json FROM events WHERE arn = ? AND event_id <= ? ORDER BY event_id DESC LIMIT ?"
                : "SELECT json FROM events WHERE arn = ? AND event_id >= ? ORDER BY event_id LIMIT ?";
        return query(sql, rs -> rs.getString(1), arn, fromEventId, limit);
    }

    // ---- callbacks

    CallbackRow callback(String callbackId) {
        return queryOne("SELECT callback_id, arn, op_id, heartbeat_s FROM callbacks WHERE callback_id = ?",
                rs -> new CallbackRow(rs.getString(1), rs.getString(2), rs.getString(3), rs.getInt(4)), callbackId);
    }

    void saveCallback(CallbackRow c) {
        update("INSERT INTO callbacks (callback_id, arn, op_id, heartbeat_s) VALUES (?,?,?,?)",
                c.callbackId(), c.arn(), c.opId(), c.heartbeatSeconds());
    }

    // ---- timers

    void setTimer(Timer t) {
        update("INSERT OR REPLACE INTO timers (arn, op_id, kind, due_ms) VALUES (?,?,?,?)", t.arn(), t.opId(), t.kind().name(), t.dueMs());
    }

    void deleteTimers(String arn, String opId) {
        update("DELETE FROM timers WHERE arn = ? AND op_id = ?", arn, opId);
    }

    void deleteTimers(String arn) {
        update("DELETE FROM timers WHERE arn = ?", arn);
    }

    Timer nextTimer() {
        return queryOne("SELECT arn, op_id, kind, due_ms FROM timers ORDER BY due_ms LIMIT 1", EngineStore::readTimer);
    }

    List<Timer> dueTimers(long nowMs, int limit) {
        return query("SELECT arn, op_id, kind, due_ms FROM timers WHERE due_ms <= ? ORDER BY due_ms LIMIT ?",
                EngineStore::readTimer, nowMs, limit);
    }

    @Override
    public synchronized void close() {
        try {
            for (PreparedStatement s : statements.values()) {
                s.close();
            }
            connection.close();
        } catch (SQLException e) {
            // closing: nothing left to protect
        }
    }

    // ---- plumbing

    @FunctionalInterface
    private interface Row<T> {
        T read(ResultSet rs) throws SQLException;
    }

    private synchronized <T> List<T> query(String sql, Row<T> row, Object... args) {
        try {
            PreparedStatement s = prepare(sql, args);
            try (ResultSet rs = s.executeQuery()) {
                var rows = new ArrayList<T>();
                while (rs.next()) {
                    rows.add(row.read(rs));
                }
                return rows;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("engine database query failed: " + e.getMessage(), e);
        }
    }

    private <T> T queryOne(String sql, Row<T> row, Object... args) {
        List<T> rows = query(sql, row, args);
        return rows.isEmpty() ? null : rows.get(0);
    }

    private synchronized void update(String sql, Object... args) {
        try {
            prepare(sql, args).executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("engine database update failed: " + e.getMessage(), e);
        }
    }

    private PreparedStatement prepare(String sql, Object... args) throws SQLException {
        PreparedStatement s = statements.get(sql);
        if (s == null) {
            s = connection.prepareStatement(sql);
            statements.put(sql, s);
        }
        for (int i = 0; i < args.length; i++) {
            if (args[i] == null) {
                s.setNull(i + 1, Types.NULL);
            } else {
                s.setObject(i + 1, args[i]);
            }
        }
        return s;
    }

    private static ExecutionRow readExecution(ResultSet rs) throws SQLException {
        var r = new ExecutionRow();
        r.arn = rs.getString(1);
        r.functionName = rs.getString(2);
        r.name = rs.getString(3);
        r.input = rs.getString(4);
        r.status = ExecutionStatus.valueOf(rs.getString(5));
        r.result = rs.getString(6);
        r.error = read(rs.getString(7), ErrorObject.class);
        r.startMs = rs.getLong(8);
        r.endMs = nullableLong(rs, 9);
        r.token = rs.getString(10);
        r.invocationId = rs.getString(11);
        r.invocationStartMs = nullableLong(rs, 12);
        r.runnable = rs.getInt(13) == 1;
        r.failedInvocations = rs.getInt(14);
        r.nextEventId = rs.getLong(15);
        r.changeSeq = rs.getLong(16);
        r.syncedSeq = rs.getLong(17);
        r.opSeq = rs.getLong(18);
        r.lastEndMs = rs.getLong(19);
        return r;
    }

    private static Long nullableLong(ResultSet rs, int column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? null : value;
    }

    private static Timer readTimer(ResultSet rs) throws SQLException {
        return new Timer(rs.getString(1), rs.getString(2), TimerKind.valueOf(rs.getString(3)), rs.getLong(4));
    }

    private static Operation readOperation(String json) {
        return read(json, Operation.class);
    }

    static <T> T read(String json, Class<T> type) {
        if (json == null) {
            return null;
        }
        try {
            return WireJson.ENVELOPE.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("corrupt engine database row: " + e.getOriginalMessage(), e);
        }
    }

    static String json(Object value) {
        if (value == null) {
            return null;
        }
        try {
            return WireJson.ENVELOPE.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialize " + value.getClass().getSimpleName(), e);
        }
    }
}
