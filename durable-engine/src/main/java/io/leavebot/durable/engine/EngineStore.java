package io.leavebot.durable.engine;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.leavebot.durable.execution.WireJson;
import io.leavebot.durable.model.ErrorObject;
import io.leavebot.durable.model.Event;
import io.leavebot.durable.model.ExecutionQuery;
import io.leavebot.durable.model.ExecutionStatus;
import io.leavebot.durable.model.Operation;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongConsumer;
import java.util.function.Supplier;

/**
 * The engine's tables and all their SQL: executions, operations, history events, callbacks, chained invokes and timers, over one
 * {@link SqliteDatabase}. {@link #inTransaction} makes a group of calls atomic.
 */
final class EngineStore implements AutoCloseable {
    /**
     * Child tables key on the execution's integer id, not its ARN: small keys keep each commit to a few pages.
     * Operations are found by (execution, id) and listed in recorded order by sorting one execution's rows by seq:
     * an index on (execution, seq) cost ~4 of an execution's ~34 pages written, for reads that take all its rows anyway.
     */
    private static final String[] SCHEMA = {
        """
        CREATE TABLE IF NOT EXISTS executions (
          id INTEGER PRIMARY KEY, arn TEXT NOT NULL UNIQUE, function_name TEXT NOT NULL, name TEXT NOT NULL,
          input TEXT, status TEXT NOT NULL, result TEXT, error TEXT, start_ms INTEGER NOT NULL, end_ms INTEGER,
          token TEXT, invocation_id TEXT, invocation_start_ms INTEGER, runnable INTEGER NOT NULL,
          failed_invocations INTEGER NOT NULL, next_event_id INTEGER NOT NULL, change_seq INTEGER NOT NULL,
          synced_seq INTEGER NOT NULL, op_seq INTEGER NOT NULL, last_end_ms INTEGER NOT NULL)""",
        "CREATE UNIQUE INDEX IF NOT EXISTS executions_by_name ON executions(function_name, name)",
        "CREATE INDEX IF NOT EXISTS executions_by_start ON executions(function_name, start_ms)",
        """
        CREATE TABLE IF NOT EXISTS operations (execution INTEGER NOT NULL, id TEXT NOT NULL, seq INTEGER NOT NULL,
          changed_seq INTEGER NOT NULL, json TEXT NOT NULL, PRIMARY KEY (execution, id)) WITHOUT ROWID""",
        // events in the order written (the rowid), found through the small index: one commit's events, of many
        // executions, then share the table's last pages; keyed by execution (before schema version 1), each
        // execution's events dirtied a page of their own in every commit.
        "CREATE TABLE IF NOT EXISTS events (execution INTEGER NOT NULL, event_id INTEGER NOT NULL, json TEXT NOT NULL)",
        "CREATE UNIQUE INDEX IF NOT EXISTS events_of_execution ON events(execution, event_id)",
        """
        CREATE TABLE IF NOT EXISTS callbacks (callback_id TEXT PRIMARY KEY, execution INTEGER NOT NULL,
          op_id TEXT NOT NULL, heartbeat_s INTEGER NOT NULL) WITHOUT ROWID""",
        """
        CREATE TABLE IF NOT EXISTS timers (execution INTEGER NOT NULL, op_id TEXT NOT NULL, kind TEXT NOT NULL,
          due_ms INTEGER NOT NULL, PRIMARY KEY (execution, op_id, kind)) WITHOUT ROWID""",
        "CREATE INDEX IF NOT EXISTS timers_by_due ON timers(due_ms)",
        """
        CREATE TABLE IF NOT EXISTS chained_invokes (child INTEGER PRIMARY KEY, parent INTEGER NOT NULL,
          op_id TEXT NOT NULL, delivered INTEGER NOT NULL)""",
        "CREATE INDEX IF NOT EXISTS chained_invokes_by_parent ON chained_invokes(parent, delivered)",
    };
    /** {@code MIGRATIONS[v]} takes the schema from version {@code v} to {@code v + 1}; then {@link #SCHEMA} runs. */
    private static final String[][] MIGRATIONS = {
        { // 0 -> 1: events from a table keyed by (execution, event_id) to one in the order written, see SCHEMA
            "CREATE TABLE events_as_written (execution INTEGER NOT NULL, event_id INTEGER NOT NULL, json TEXT NOT NULL)",
            "INSERT INTO events_as_written SELECT execution, event_id, json FROM events ORDER BY execution, event_id",
            "DROP TABLE events",
            "ALTER TABLE events_as_written RENAME TO events",
        },
        { // 1 -> 2: no index on (execution, seq): the operations are read in order by sorting one execution's rows
            "DROP INDEX IF EXISTS operations_in_order",
        },
    };
    private static final String EXECUTION_COLUMNS = "id, arn, function_name, name, input, status, result, error, start_ms, "
            + "end_ms, token, invocation_id, invocation_start_ms, runnable, failed_invocations, next_event_id, "
            + "change_seq, synced_seq, op_seq, last_end_ms";

    /** What a timer does when it falls due. */
    enum TimerKind { WAIT_END, RETRY_DUE, CALLBACK_TIMEOUT, CALLBACK_HEARTBEAT, INVOCATION_RETRY }

    record Timer(long execution, String opId, TimerKind kind, long dueMs) {
    }

    record CallbackRow(String callbackId, long execution, String opId, int heartbeatSeconds) {
    }

    /** A child execution started by the CHAINED_INVOKE operation {@code opId} of execution {@code parent}. */
    record ChainedInvoke(long child, long parent, String opId) {
    }

    /** Executions held in memory at most: the ones in flight and then some; the rest are read from the table. */
    private static final int CACHED_EXECUTIONS = 10_000;
    /** A row whose input and result are longer (up to 256 KiB and 6 MiB each) is read from the table each time. */
    private static final int MAX_CACHED_PAYLOAD_CHARS = 8_192;

    private final SqliteDatabase db;
    private volatile LongConsumer timerSet = due -> { };
    /**
     * Execution rows as last saved, by id, least recently used first; guarded by the database's lock (every call
     * here runs under it). Reading the row back was a fifth of the writer thread's Java time. The copy is the
     * table's: it is updated when a row is saved and emptied on any rollback, so a write that was undone is
     * never served; the commit of what it holds is the database's (nobody hears back before it, as before). After a
     * crash it starts empty and is filled from the table again: nothing in it is only in memory.
     */
    private final Map<Long, ExecutionRow> cached = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, ExecutionRow> eldest) {
            if (size() <= CACHED_EXECUTIONS) {
                return false;
            }
            cachedIds.remove(eldest.getValue().arn);
            return true;
        }
    };
    private final Map<String, Long> cachedIds = new HashMap<>();

    EngineStore(Path file) {
        this(file, false);
    }

    /** {@code fsyncOnCommit}: see {@link EmbeddedEngine.Builder#fsyncOnCommit}. */
    EngineStore(Path file, boolean fsyncOnCommit) {
        db = new SqliteDatabase(file, SCHEMA, MIGRATIONS, fsyncOnCommit);
        db.onRollback(() -> {
            cached.clear();
            cachedIds.clear();
        });
    }

    /** Runs {@code work} as one transaction, committed when this returns: see {@link SqliteDatabase#inTransaction}. */
    <T> T inTransaction(Supplier<T> work) {
        return db.inTransaction(work);
    }

    /** Runs {@code work} as one transaction committed soon after this returns: see {@link SqliteDatabase#inTransactionCommittedLater}. */
    <T> T inTransactionCommittedLater(Supplier<T> work) {
        return db.inTransactionCommittedLater(work);
    }

    /** True when every transaction begun so far is committed (or has failed). */
    boolean isIdle() {
        return db.isIdle();
    }

    /** Runs {@code work}, which only reads, on committed data of one moment: see {@link SqliteDatabase#read}. */
    <T> T read(Supplier<T> work) {
        return db.read(work);
    }

    // ---- executions

    ExecutionRow execution(String arn) {
        return db.read(() -> {
            Long id = cachedIds.get(arn);
            return id != null ? cachedCopy(id)
                    : remember(queryOne("SELECT " + EXECUTION_COLUMNS + " FROM executions WHERE arn = ?", EngineStore::readExecution, arn));
        });
    }

    ExecutionRow execution(long id) {
        return db.read(() -> {
            ExecutionRow row = cachedCopy(id);
            return row != null ? row
                    : remember(queryOne("SELECT " + EXECUTION_COLUMNS + " FROM executions WHERE id = ?", EngineStore::readExecution, id));
        });
    }

    private ExecutionRow cachedCopy(long id) {
        ExecutionRow row = cached.get(id);
        return row == null ? null : row.copy();
    }

    /** Keeps a copy of {@code row} (as it is in the table now), unless it is large, and returns {@code row}. */
    private ExecutionRow remember(ExecutionRow row) {
        if (row == null) {
            return null;
        }
        if (length(row.input) + length(row.result) > MAX_CACHED_PAYLOAD_CHARS) {
            ExecutionRow stale = cached.remove(row.id); // an older, smaller copy must not be served
            if (stale != null) {
                cachedIds.remove(stale.arn);
            }
            return row;
        }
        cached.put(row.id, row.copy());
        cachedIds.put(row.arn, row.id);
        return row;
    }

    private static int length(String s) {
        return s == null ? 0 : s.length();
    }

    ExecutionRow executionByName(String functionName, String name) {
        return queryOne("SELECT " + EXECUTION_COLUMNS + " FROM executions WHERE function_name = ? AND name = ?",
                EngineStore::readExecution, functionName, name);
    }

    /**
     * Inserts a new row (and sets its id) or updates an existing one. An update leaves the columns that never change
     * alone (ARN, function, name, input, start): naming them in the SET would rewrite their index entries too.
     */
    void saveExecution(ExecutionRow r) {
        if (r.id == 0) {
            update("INSERT INTO executions (" + EXECUTION_COLUMNS.substring(4) + ") VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                    r.arn, r.functionName, r.name, r.input, r.status.name(), r.result, json(r.error), r.startMs, r.endMs,
                    r.token, r.invocationId, r.invocationStartMs, r.runnable ? 1 : 0, r.failedInvocations, r.nextEventId,
                    r.changeSeq, r.syncedSeq, r.opSeq, r.lastEndMs);
            r.id = queryOne("SELECT last_insert_rowid()", rs -> rs.getLong(1));
            db.read(() -> remember(r));
        } else {
            update("UPDATE executions SET status = ?, result = ?, error = ?, end_ms = ?, token = ?, invocation_id = ?, "
                    + "invocation_start_ms = ?, runnable = ?, failed_invocations = ?, next_event_id = ?, change_seq = ?, "
                    + "synced_seq = ?, op_seq = ?, last_end_ms = ? WHERE id = ?",
                    r.status.name(), r.result, json(r.error), r.endMs, r.token, r.invocationId, r.invocationStartMs,
                    r.runnable ? 1 : 0, r.failedInvocations, r.nextEventId, r.changeSeq, r.syncedSeq, r.opSeq, r.lastEndMs, r.id);
            db.read(() -> remember(r));
        }
    }

    /** Executions that must be invoked: something changed, or an invocation was cut off by a crash. */
    List<String> executionsToResume() {
        // a full scan, once at start-up
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

    Operation operation(long execution, String id) {
        return queryOne("SELECT json FROM operations WHERE execution = ? AND id = ?", rs -> readOperation(rs.getString(1)), execution, id);
    }

    /** Operations in the order they were first recorded, after position {@code afterSeq}; each row is {seq, op}. */
    List<Map.Entry<Long, Operation>> operationsInOrder(long execution, long afterSeq, int limit) {
        return query("SELECT seq, json FROM operations WHERE execution = ? AND seq > ? ORDER BY seq LIMIT ?",
                rs -> Map.entry(rs.getLong(1), readOperation(rs.getString(2))), execution, afterSeq, limit);
    }

    /** Like {@link #operationsInOrder}, each operation as its stored JSON text: for the invocation envelope. */
    List<Map.Entry<Long, String>> operationsJsonInOrder(long execution, long afterSeq, int limit) {
        return query("SELECT seq, json FROM operations WHERE execution = ? AND seq > ? ORDER BY seq LIMIT ?",
                rs -> Map.entry(rs.getLong(1), rs.getString(2)), execution, afterSeq, limit);
    }

    /** Scans the execution's operations (no index on changed_seq: it would cost every commit a page or two more). */
    List<Operation> operationsChangedAfter(long execution, long changeSeq) {
        return query("SELECT json FROM operations WHERE execution = ? AND changed_seq > ? ORDER BY seq",
                rs -> readOperation(rs.getString(1)), execution, changeSeq);
    }

    void saveOperation(long execution, Operation op, long seq, long changedSeq) {
        update("INSERT INTO operations (execution, id, seq, changed_seq, json) VALUES (?,?,?,?,?) "
                + "ON CONFLICT (execution, id) DO UPDATE SET changed_seq = excluded.changed_seq, json = excluded.json",
                execution, op.id(), seq, changedSeq, json(op));
    }

    // ---- events

    void saveEvent(long execution, Event event) {
        update("INSERT INTO events (execution, event_id, json) VALUES (?,?,?)", execution, event.eventId(), json(event));
    }

    /** Events as stored JSON text, from {@code fromEventId} on. */
    List<String> eventsJson(long execution, long fromEventId, int limit, boolean reverse) {
        String sql = reverse
                ? "SELECT json FROM events WHERE execution = ? AND event_id <= ? ORDER BY event_id DESC LIMIT ?"
                : "SELECT json FROM events WHERE execution = ? AND event_id >= ? ORDER BY event_id LIMIT ?";
        return query(sql, rs -> rs.getString(1), execution, fromEventId, limit);
    }

    // ---- callbacks

    CallbackRow callback(String callbackId) {
        return queryOne("SELECT callback_id, execution, op_id, heartbeat_s FROM callbacks WHERE callback_id = ?",
                rs -> new CallbackRow(rs.getString(1), rs.getLong(2), rs.getString(3), rs.getInt(4)), callbackId);
    }

    void saveCallback(CallbackRow c) {
        update("INSERT INTO callbacks (callback_id, execution, op_id, heartbeat_s) VALUES (?,?,?,?)",
                c.callbackId(), c.execution(), c.opId(), c.heartbeatSeconds());
    }

    // ---- chained invokes

    void saveChainedInvoke(long child, long parent, String opId) {
        update("INSERT OR IGNORE INTO chained_invokes (child, parent, op_id, delivered) VALUES (?,?,?,0)", child, parent, opId);
    }

    /** The chained invoke that started execution {@code child}, or null. */
    ChainedInvoke chainedInvokeOf(long child) {
        return queryOne("SELECT child, parent, op_id FROM chained_invokes WHERE child = ?", EngineStore::readChainedInvoke, child);
    }

    /** Children of {@code parent} that have ended but whose outcome was not yet given to the parent. */
    List<ChainedInvoke> endedChainedInvokes(long parent) {
        return query("SELECT c.child, c.parent, c.op_id FROM chained_invokes c JOIN executions e ON e.id = c.child "
                + "WHERE c.parent = ? AND c.delivered = 0 AND e.status <> 'RUNNING' ORDER BY e.end_ms, c.child",
                EngineStore::readChainedInvoke, parent);
    }

    void markChainedInvokeDelivered(long child) {
        update("UPDATE chained_invokes SET delivered = 1 WHERE child = ?", child);
    }

    private static ChainedInvoke readChainedInvoke(ResultSet rs) throws SQLException {
        return new ChainedInvoke(rs.getLong(1), rs.getLong(2), rs.getString(3));
    }

    // ---- timers

    /** Called with the due time of every timer set, so the timer thread can wake early when needed. */
    void onTimerSet(LongConsumer listener) {
        timerSet = listener;
    }

    void setTimer(Timer t) {
        timerSet.accept(t.dueMs());
        update("INSERT OR REPLACE INTO timers (execution, op_id, kind, due_ms) VALUES (?,?,?,?)",
                t.execution(), t.opId(), t.kind().name(), t.dueMs());
    }

    void deleteTimers(long execution, String opId) {
        update("DELETE FROM timers WHERE execution = ? AND op_id = ?", execution, opId);
    }

    void deleteTimers(long execution) {
        update("DELETE FROM timers WHERE execution = ?", execution);
    }

    Timer nextTimer() {
        return queryOne("SELECT execution, op_id, kind, due_ms FROM timers ORDER BY due_ms LIMIT 1", EngineStore::readTimer);
    }

    List<Timer> dueTimers(long nowMs, int limit) {
        return query("SELECT execution, op_id, kind, due_ms FROM timers WHERE due_ms <= ? ORDER BY due_ms LIMIT ?",
                EngineStore::readTimer, nowMs, limit);
    }

    /** See {@link SqliteDatabase#stopAccepting}. */
    void stopAccepting() {
        db.stopAccepting();
    }

    boolean isAccepting() {
        return db.isAccepting();
    }

    @Override
    public void close() {
        db.close();
    }

    // ---- row mapping

    private <T> List<T> query(String sql, SqliteDatabase.Row<T> row, Object... args) {
        return db.query(sql, row, args);
    }

    private <T> T queryOne(String sql, SqliteDatabase.Row<T> row, Object... args) {
        List<T> rows = db.query(sql, row, args);
        return rows.isEmpty() ? null : rows.get(0);
    }

    private void update(String sql, Object... args) {
        db.update(sql, args);
    }

    private static ExecutionRow readExecution(ResultSet rs) throws SQLException {
        var r = new ExecutionRow();
        r.id = rs.getLong(1);
        r.arn = rs.getString(2);
        r.functionName = rs.getString(3);
        r.name = rs.getString(4);
        r.input = rs.getString(5);
        r.status = ExecutionStatus.valueOf(rs.getString(6));
        r.result = rs.getString(7);
        r.error = read(rs.getString(8), ErrorObject.class);
        r.startMs = rs.getLong(9);
        r.endMs = nullableLong(rs, 10);
        r.token = rs.getString(11);
        r.invocationId = rs.getString(12);
        r.invocationStartMs = nullableLong(rs, 13);
        r.runnable = rs.getInt(14) == 1;
        r.failedInvocations = rs.getInt(15);
        r.nextEventId = rs.getLong(16);
        r.changeSeq = rs.getLong(17);
        r.syncedSeq = rs.getLong(18);
        r.opSeq = rs.getLong(19);
        r.lastEndMs = rs.getLong(20);
        return r;
    }

    private static Long nullableLong(ResultSet rs, int column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? null : value;
    }

    private static Timer readTimer(ResultSet rs) throws SQLException {
        return new Timer(rs.getLong(1), rs.getString(2), TimerKind.valueOf(rs.getString(3)), rs.getLong(4));
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
