package io.leavebot.durable.engine;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * One SQLite connection in WAL mode, with cached statements and group commit. By default {@code synchronous=NORMAL}:
 * a committed transaction survives the process being killed (it is in the WAL, in the OS's cache); only a power
 * cut may lose the last few. With {@code fsyncOnCommit}, {@code synchronous=FULL}: every commit is fsynced, so it
 * also survives a power cut. Every call runs under this object's lock; whoever runs a group (the writer thread, or
 * a lone caller) holds it from the group's BEGIN to its COMMIT, so reads outside it see committed data only.
 */
final class SqliteDatabase implements AutoCloseable {
    /** Units of work grouped into one commit at most, so that the first of a long queue is not kept waiting. */
    private static final int MAX_GROUP = 64;
    private static final System.Logger LOG = System.getLogger(SqliteDatabase.class.getName());

    @FunctionalInterface
    interface Row<T> {
        T read(ResultSet rs) throws SQLException;
    }

    /** Frames in the WAL at which a commit copies it into the database itself (~40 MB): only if the checkpointer falls behind. */
    private static final int FALLBACK_AUTOCHECKPOINT_PAGES = 10_000;
    private static final long CHECKPOINT_INTERVAL_MS = 200;
    /**
     * Frames in the WAL (~4 MB) from which the writer copies what the checkpointer left ({@link #catchUp}), so that
     * the WAL is written from its start again. Below it the WAL just grows: each catch-up fsyncs while every
     * commit waits, so once per 200 ms pass cost a fifth of the writer's time.
     */
    private static final int CATCH_UP_FRAMES = 1_000;

    private final Connection connection;
    private final WalCheckpointer checkpointer;
    private final Map<String, PreparedStatement> statements = new HashMap<>();
    /** Units of work waiting for {@link #writer}; guarded by itself. */
    private final ArrayDeque<Unit<?>> pending = new ArrayDeque<>();
    private boolean accepting = true;
    /** A group is being run, by {@link #writer} or by a lone caller on its own thread; guarded by {@link #pending}. */
    private boolean groupRunning;
    /** The thread inside {@link #runGroup} now: a transaction it begins is part of the unit it runs. */
    private volatile Thread groupThread;
    private final boolean fsyncOnCommit;
    /** Told of every rollback (a unit's or a group's), under this object's lock: what it undid is no longer stored. */
    private volatile Runnable onRollback = () -> { };
    /** Units submitted and not yet committed (or failed). */
    private final AtomicInteger uncommitted = new AtomicInteger();
    private final Thread writer;

    SqliteDatabase(Path file, String[] schema, boolean fsyncOnCommit) {
        this(file, schema, new String[0][], fsyncOnCommit);
    }

    /**
     * @param schema     the latest schema, each statement idempotent ({@code IF NOT EXISTS})
     * @param migrations {@code migrations[v]} takes a database of schema version {@code v} ({@code PRAGMA
     *                   user_version}) to {@code v + 1}; they run before {@code schema}, in one transaction. A new
     *                   database gets {@code schema} and the latest version without running any.
     */
    SqliteDatabase(Path file, String[] schema, String[][] migrations, boolean fsyncOnCommit) {
        this.fsyncOnCommit = fsyncOnCommit;
        Connection opened = null;
        try {
            var properties = new Properties();
            // the driver would otherwise prepare and run "SELECT last_insert_rowid()" after every INSERT (and match
            // each statement against a regular expression first): a tenth of the engine's time, for keys never read
            properties.setProperty("jdbc.get_generated_keys", "false");
            opened = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath(), properties);
            connection = opened;
            try (Statement s = connection.createStatement()) {
                s.execute("PRAGMA journal_mode=WAL");
                s.execute(fsyncOnCommit ? "PRAGMA synchronous=FULL" : "PRAGMA synchronous=NORMAL");
                s.execute("PRAGMA busy_timeout=10000");
                // the WAL is copied into the database by the WalCheckpointer, on its own connection, not in a commit
                // here under this object's lock (a copy of ~40 MB with an fsync, ~90 ms, stalled every caller);
                // this is the fallback should that thread fall behind
                s.execute("PRAGMA wal_autocheckpoint=" + FALLBACK_AUTOCHECKPOINT_PAGES);
                s.execute("PRAGMA cache_size=-32768"); // 32 MiB of pages: the working set of thousands of executions
                s.execute("PRAGMA temp_store=MEMORY"); // savepoint journals stay off the disk
                migrate(s, schema, migrations);
            }
            // transactions are begun by hand (BEGIN IMMEDIATE, below); reads outside them see the latest commit
            connection.setAutoCommit(true);
            checkpointer = new WalCheckpointer(DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath(), properties));
            writer = new Thread(this::writeLoop, "durable-db-writer");
            writer.setDaemon(true);
            writer.start();
        } catch (SQLException e) {
            closeQuietly(opened, e); // a database refused (a newer schema) is not held open
            throw new IllegalStateException("cannot open the engine database " + file + ": " + e.getMessage(), e);
        }
    }

    private static void closeQuietly(Connection c, SQLException cause) {
        if (c == null) {
            return;
        }
        try {
            c.close();
        } catch (SQLException e) {
            cause.addSuppressed(e);
        }
    }

    /**
     * Brings the database to the latest schema version, the version number with it in one transaction; then runs
     * {@code schema}, outside a transaction (a PRAGMA in it would be ignored inside one).
     */
    private static void migrate(Statement s, String[] schema, String[][] migrations) throws SQLException {
        s.execute("BEGIN IMMEDIATE");
        try {
            int version = intQuery(s, "PRAGMA user_version");
            if (version > migrations.length) {
                throw new SQLException("its schema version is " + version + ", newer than this engine's "
                        + migrations.length + ": it was written by a later LeaveBot");
            }
            boolean empty = intQuery(s, "SELECT count(*) FROM sqlite_schema") == 0; // new: schema makes the latest
            for (int v = empty ? migrations.length : version; v < migrations.length; v++) {
                for (String sql : migrations[v]) {
                    s.execute(sql);
                }
            }
            s.execute("PRAGMA user_version=" + migrations.length);
            s.execute("COMMIT");
        } catch (SQLException | RuntimeException e) {
            try {
                s.execute("ROLLBACK");
            } catch (SQLException rollbackFailure) {
                e.addSuppressed(rollbackFailure);
            }
            throw e;
        }
        for (String ddl : schema) {
            s.execute(ddl);
        }
    }

    private static int intQuery(Statement s, String sql) throws SQLException {
        try (ResultSet rs = s.executeQuery(sql)) {
            return rs.next() ? rs.getInt(1) : 0;
        }
    }

    /**
     * Copies the WAL into the database file every {@value #CHECKPOINT_INTERVAL_MS} ms when something was committed,
     * alongside the commits (PASSIVE), which takes the time: the copy and the fsync. Once the WAL holds
     * {@value #CATCH_UP_FRAMES} frames, the frames committed meanwhile are copied after the next commit
     * ({@link #catchUp}), under the writer's lock, so that the WAL is then all copied
     * and the commit after it writes the WAL from its start again instead of making it grow. A crash at any point
     * is safe: SQLite's checkpoints are.
     */
    private static final class WalCheckpointer implements AutoCloseable {
        private final Connection connection;
        private final Thread thread;
        private volatile boolean committed;
        private volatile boolean catchUpDue;
        private volatile boolean running = true;

        WalCheckpointer(Connection connection) throws SQLException {
            this.connection = connection;
            try (Statement s = connection.createStatement()) {
                s.execute("PRAGMA busy_timeout=10000");
            }
            thread = new Thread(this::loop, "durable-wal-checkpointer");
            thread.setDaemon(true);
            thread.start();
        }

        void committed() {
            committed = true;
        }

        /** True once after a checkpoint of this thread that found the WAL long: the writer copies what was committed meanwhile. */
        boolean takeCatchUp() {
            if (!catchUpDue) {
                return false;
            }
            catchUpDue = false;
            return true;
        }

        private void loop() {
            while (running) {
                try {
                    Thread.sleep(CHECKPOINT_INTERVAL_MS);
                    if (committed) {
                        committed = false;
                        int walFrames;
                        try (Statement s = connection.createStatement();
                                ResultSet rs = s.executeQuery("PRAGMA wal_checkpoint(PASSIVE)")) {
                            walFrames = rs.next() ? rs.getInt(2) : 0; // (busy, frames in the WAL, frames copied)
                        }
                        catchUpDue = walFrames >= CATCH_UP_FRAMES;
                    }
                } catch (InterruptedException e) {
                    return;
                } catch (SQLException e) {
                    if (running) { // the commits' fallback checkpoint still bounds the WAL
                        LOG.log(System.Logger.Level.WARNING, "WAL checkpoint failed; retrying", e);
                    }
                }
            }
        }

        @Override
        public void close() {
            running = false;
            thread.interrupt();
            try {
                thread.join(10_000);
                connection.close();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (SQLException e) {
                // closing: the writer's connection checkpoints as it closes
            }
        }
    }

    /**
     * Runs {@code work} as one transaction: all of it is stored, or none of it, and it is committed when this
     * returns. Group commit: {@link #writer} takes every unit of work queued meanwhile and runs them one after
     * another in one transaction, and commits them together, so one commit (one set of WAL pages, one fsync with
     * {@code fsyncOnCommit}) serves them all. A unit that throws is undone alone (the group is run again, each unit
     * in a savepoint) and its caller gets the exception; the others still commit. Durability is unchanged: nobody
     * hears back before the commit that holds their work.
     */
    <T> T inTransaction(Supplier<T> work) {
        return submit(work, true);
    }

    /**
     * Like {@link #inTransaction}, but returns as soon as {@code work} has run; its commit follows with its group.
     * Only for writes that nobody outside the process is told about, so that a crash before the commit loses
     * nothing anyone was promised: every later transaction of this database comes after it in the same order
     * (one writer), so anything acknowledged later is committed with it or after it. {@code work} must do the
     * same writes when run again on the same database: should the group's commit fail, it is run once more alone.
     */
    <T> T inTransactionCommittedLater(Supplier<T> work) {
        return submit(work, false);
    }

    /** Sets the listener told of every rollback, so a copy kept in memory can drop what the rollback undid. */
    void onRollback(Runnable listener) {
        onRollback = listener;
    }

    /** True when every unit of work submitted so far is committed (or has failed). */
    boolean isIdle() {
        return uncommitted.get() == 0;
    }

    /** Runs {@code work}, which only reads, between two groups: it sees committed data only, all of one moment. */
    synchronized <T> T read(Supplier<T> work) {
        return work.get();
    }

    /**
     * A lone caller (nothing queued, no group running) commits its unit itself, on its own thread: two thread
     * hand-offs fewer, which is most of a lone checkpoint's latency (one execution's checkpoints in a row: a map, a
     * parallel, a resumed execution). Under load units queue behind the running group and {@link #writer} takes
     * them as one group, as before. Order is unchanged: one group at a time, each under this object's lock. With
     * {@code fsyncOnCommit} a unit that need not wait for its commit still goes to the writer: its caller would
     * otherwise wait for an fsync it does not need.
     */
    private <T> T submit(Supplier<T> work, boolean waitForCommit) {
        if (Thread.currentThread() == groupThread) {
            return work.get(); // nested in a unit of work: part of that unit
        }
        if (Thread.holdsLock(this)) {
            throw new IllegalStateException("a transaction cannot begin inside a read: the writer needs the database");
        }
        var unit = new Unit<>(work, waitForCommit);
        boolean alone;
        synchronized (pending) {
            if (!accepting) {
                throw new IllegalStateException("the engine database is closed");
            }
            uncommitted.incrementAndGet();
            alone = pending.isEmpty() && !groupRunning && (waitForCommit || !fsyncOnCommit);
            if (alone) {
                groupRunning = true;
            } else {
                pending.add(unit);
                pending.notify();
            }
        }
        if (alone) {
            commitGroup(List.of(unit));
            synchronized (pending) {
                groupRunning = false;
                pending.notify(); // the writer waits for this group's end when units queued meanwhile
            }
        }
        return unit.await();
    }

    /** One caller's work in a group, and its outcome. */
    private static final class Unit<T> {
        private final Supplier<T> work;
        private final boolean waitForCommit;
        private final CountDownLatch answered = new CountDownLatch(1);
        /** Answered before its group's commit ({@link #inTransactionCommittedLater}): its caller has gone on. */
        private boolean answeredEarly;
        private T result;
        private RuntimeException failure;
        private Error error;

        Unit(Supplier<T> work, boolean waitForCommit) {
            this.work = work;
            this.waitForCommit = waitForCommit;
        }

        boolean ranWell() {
            return failure == null && error == null;
        }

        void run() {
            result = null;
            failure = null;
            error = null;
            try {
                result = work.get();
            } catch (RuntimeException e) {
                failure = e;
            } catch (Error e) {
                error = e;
            }
        }

        void answer() {
            answered.countDown();
        }

        T await() {
            boolean interrupted = false;
            while (true) {
                try {
                    answered.await();
                    break;
                } catch (InterruptedException e) {
                    interrupted = true; // the work is queued or running: its outcome is still to be told
                }
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
            if (failure != null) {
                throw failure;
            }
            if (error != null) {
                throw error;
            }
            return result;
        }
    }

    private void writeLoop() {
        var group = new ArrayList<Unit<?>>(MAX_GROUP);
        while (true) {
            synchronized (pending) {
                // queued units wait for a lone caller's group to end; an empty queue waits for work or close()
                while (pending.isEmpty() ? accepting : groupRunning) {
                    try {
                        pending.wait();
                    } catch (InterruptedException e) {
                        // close() stops this loop through accepting, after the queue is empty
                    }
                }
                if (pending.isEmpty()) {
                    return;
                }
                while (!pending.isEmpty() && group.size() < MAX_GROUP) {
                    group.add(pending.poll());
                }
                groupRunning = true;
            }
            commitGroup(group);
            synchronized (pending) {
                groupRunning = false;
            }
            group.clear();
        }
    }

    /** Runs and commits {@code group}, then tells each of its callers the outcome. */
    private void commitGroup(List<Unit<?>> group) {
        try {
            runGroup(group);
        } catch (RuntimeException | Error e) {
            LOG.log(System.Logger.Level.ERROR, "engine database writer failed", e);
            for (Unit<?> unit : group) {
                if (unit.ranWell()) {
                    unit.failure = new IllegalStateException("engine database commit failed; the transaction was not stored", e);
                }
            }
        }
        group.forEach(Unit::answer);
        uncommitted.addAndGet(-group.size());
    }

    private synchronized void runGroup(List<Unit<?>> group) {
        groupThread = Thread.currentThread();
        try {
            runGroupLocked(group);
        } finally {
            groupThread = null;
        }
    }

    private void runGroupLocked(List<Unit<?>> group) {
        try {
            update("BEGIN IMMEDIATE"); // the write lock up front: another connection (a leave store) may share the file
            if (!runWithoutSavepoints(group)) {
                onRollback.run();
                update("ROLLBACK");
                update("BEGIN IMMEDIATE");
                runWithSavepoints(group);
            }
            update("COMMIT");
        } catch (RuntimeException e) {
            // a commit that fails (a deferred constraint, I/O) must fail only the unit behind it: each again alone
            LOG.log(System.Logger.Level.WARNING, "a group commit failed; committing its units one by one", e);
            rollbackQuietly(e);
            for (Unit<?> unit : group) {
                if (unit.ranWell()) {
                    runAlone(unit);
                }
            }
        }
        checkpointer.committed();
        if (checkpointer.takeCatchUp()) {
            catchUp();
        }
    }

    /**
     * Runs the group's units one after another in the open transaction, without a savepoint each: true if all ran
     * well. A unit seldom fails (a stale checkpoint token, a callback already closed), and a savepoint and its release
     * were two of a unit's ~7 statements; so the group runs without them, and only when a unit fails is the whole
     * transaction rolled back and the group run again with a savepoint around each unit, undoing the failed one alone.
     */
    private boolean runWithoutSavepoints(List<Unit<?>> group) {
        for (Unit<?> unit : group) {
            unit.run();
            if (!unit.ranWell()) {
                return false;
            }
            if (!unit.waitForCommit) {
                answerEarly(unit);
            }
        }
        return true;
    }

    /** Runs the group again after a unit failed: each unit in a savepoint, so the failed one is undone alone. */
    private void runWithSavepoints(List<Unit<?>> group) {
        for (Unit<?> unit : group) {
            if (unit.answeredEarly) {
                unit.work.get(); // its caller has its result already: the same writes again, the outcome unchanged
                continue;
            }
            inSavepoint(unit);
            if (!unit.waitForCommit) {
                answerEarly(unit);
            }
        }
    }

    /** Tells a unit that does not wait for its commit its outcome now, once. */
    private void answerEarly(Unit<?> unit) {
        unit.answeredEarly = true;
        unit.answer();
    }

    private void inSavepoint(Unit<?> unit) {
        update("SAVEPOINT unit");
        unit.run();
        if (!unit.ranWell()) {
            update("ROLLBACK TO unit");
            onRollback.run();
        }
        update("RELEASE unit");
    }

    private void runAlone(Unit<?> unit) {
        try {
            update("BEGIN IMMEDIATE");
            if (unit.waitForCommit) {
                inSavepoint(unit);
            } else {
                unit.work.get(); // its caller has its result already: the same writes again, the outcome unchanged
            }
            update("COMMIT");
        } catch (RuntimeException e) {
            rollbackQuietly(e);
            unit.failure = new IllegalStateException("engine database commit failed; the transaction was not stored: "
                    + e.getMessage(), e);
            if (!unit.waitForCommit) { // its caller has gone on: only the log can tell
                LOG.log(System.Logger.Level.ERROR, "a write the engine had gone on from was not stored", e);
            }
        }
    }

    private void rollbackQuietly(RuntimeException cause) {
        onRollback.run();
        try (Statement s = connection.createStatement()) {
            s.execute("ROLLBACK");
        } catch (SQLException rollbackFailure) {
            // no transaction was open (BEGIN failed), or SQLite already rolled it back
            cause.addSuppressed(rollbackFailure);
        }
    }

    /** Copies into the database the frames committed since the checkpointer's last copy; no transaction is open. */
    private void catchUp() {
        try (Statement s = connection.createStatement()) {
            s.execute("PRAGMA wal_checkpoint(PASSIVE)");
        } catch (SQLException e) {
            LOG.log(System.Logger.Level.WARNING, "WAL checkpoint failed; the next one copies these frames", e);
        }
    }

    synchronized <T> List<T> query(String sql, Row<T> row, Object... args) {
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

    synchronized void update(String sql, Object... args) {
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

    /**
     * Takes no more work: what is queued still commits, anything submitted from now on is refused. The engine does
     * this before it interrupts the invocations it cuts off, so that nothing they do as they unwind (a step failing
     * on the interrupt, an invocation ending with it) is recorded, as nothing would be by a process that died.
     */
    void stopAccepting() {
        synchronized (pending) {
            accepting = false;
            pending.notify();
        }
    }

    /** Whether work is still taken ({@link #stopAccepting} not called yet). */
    boolean isAccepting() {
        synchronized (pending) {
            return accepting;
        }
    }

    /** Commits what is queued, then closes: a caller that was still let in hears back. */
    @Override
    public void close() {
        stopAccepting();
        if (Thread.currentThread() != writer) {
            try {
                writer.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        synchronized (this) {
            closeConnections();
        }
    }

    private void closeConnections() {
        checkpointer.close();
        try {
            for (PreparedStatement s : statements.values()) {
                s.close();
            }
            connection.close();
        } catch (SQLException e) {
            // closing: nothing left to protect
        }
    }
}
