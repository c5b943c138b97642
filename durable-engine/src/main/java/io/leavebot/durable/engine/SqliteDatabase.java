package io.leavebot.durable.engine;

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
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * One SQLite connection in WAL mode, with cached statements and group commit. By default {@code synchronous=NORMAL}:
 * a committed transaction survives the process being killed (it is in the WAL, in the OS's cache); only a power
 * cut may lose the last few. With {@code fsyncOnCommit}, {@code synchronous=FULL}: every commit is fsynced, so it
 * also survives a power cut. Every call runs under this object's lock.
 */
final class SqliteDatabase implements AutoCloseable {
    /** Transactions grouped into one commit at most, so a steady stream of work never starves a waiting caller. */
    private static final int MAX_GROUP = 32;
    private static final System.Logger LOG = System.getLogger(SqliteDatabase.class.getName());

    @FunctionalInterface
    interface Row<T> {
        T read(ResultSet rs) throws SQLException;
    }

    /** Frames in the WAL at which a commit copies it into the database itself (~40 MB): only if the checkpointer falls behind. */
    private static final int FALLBACK_AUTOCHECKPOINT_PAGES = 10_000;
    private static final long CHECKPOINT_INTERVAL_MS = 200;

    private final Connection connection;
    private final WalCheckpointer checkpointer;
    private final Map<String, PreparedStatement> statements = new HashMap<>();
    private final AtomicInteger queued = new AtomicInteger();
    private long finishedTransactions;
    private long committedTransactions;
    private long failedUpTo;
    private boolean open;

    SqliteDatabase(Path file, String[] schema, boolean fsyncOnCommit) {
        try {
            var properties = new Properties();
            // the driver would otherwise prepare and run "SELECT last_insert_rowid()" after every INSERT (and match
            // each statement against a regular expression first): a tenth of the engine's time, for keys never read
            properties.setProperty("jdbc.get_generated_keys", "false");
            connection = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath(), properties);
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
                for (String ddl : schema) {
                    s.execute(ddl);
                }
            }
            // transactions are begun by hand (BEGIN IMMEDIATE, below); reads outside them see the latest commit
            connection.setAutoCommit(true);
            checkpointer = new WalCheckpointer(DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath(), properties));
        } catch (SQLException e) {
            throw new IllegalStateException("cannot open the engine database " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Copies the WAL into the database file every {@value #CHECKPOINT_INTERVAL_MS} ms when something was committed,
     * alongside the commits (PASSIVE), which takes the time: the copy and the fsync. The frames committed meanwhile
     * are copied by the next commit ({@link #catchUp}), under the writer's lock, so that the WAL is then all copied
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

        /** True once after each checkpoint of this thread: the writer copies what was committed meanwhile. */
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
                        try (Statement s = connection.createStatement()) {
                            s.execute("PRAGMA wal_checkpoint(PASSIVE)");
                        }
                        catchUpDue = true;
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
     * returns. Group commit: while other threads are queued to run their own work, the commit is left to the
     * last of them, so one commit (one set of WAL pages) serves several transactions. Each unit of work is
     * wrapped in a savepoint, so a failing one is undone alone; it still takes part in the commit, so the
     * others never wait on it.
     */
    <T> T inTransaction(Supplier<T> work) {
        queued.incrementAndGet();
        synchronized (this) {
            T result = null;
            Throwable failure = null;
            try {
                result = inSavepoint(work);
            } catch (RuntimeException | Error e) {
                failure = e;
            } finally {
                queued.decrementAndGet();
            }
            long mine = ++finishedTransactions;
            if (queued.get() == 0 || finishedTransactions - committedTransactions >= MAX_GROUP) {
                commit();
            }
            while (committedTransactions < mine) {
                waitForCommit();
            }
            if (failure instanceof RuntimeException e) {
                throw e;
            }
            if (failure instanceof Error e) {
                throw e;
            }
            if (failedUpTo >= mine) {
                throw new IllegalStateException("engine database commit failed; the transaction was not stored");
            }
            return result;
        }
    }

    private <T> T inSavepoint(Supplier<T> work) {
        if (!open) {
            // take the write lock up front: a deferred transaction that read first could not write later if
            // another connection (e.g. a leave store on the same file) committed in between
            update("BEGIN IMMEDIATE");
            open = true;
        }
        update("SAVEPOINT unit");
        try {
            T result = work.get();
            update("RELEASE unit");
            return result;
        } catch (RuntimeException | Error e) {
            update("ROLLBACK TO unit");
            update("RELEASE unit");
            throw e;
        }
    }

    private void commit() {
        if (open) {
            try {
                update("COMMIT");
                checkpointer.committed();
                if (checkpointer.takeCatchUp()) {
                    catchUp();
                }
            } catch (RuntimeException e) {
                failedUpTo = finishedTransactions;
                LOG.log(System.Logger.Level.ERROR, "engine database commit failed", e);
                try {
                    update("ROLLBACK");
                } catch (RuntimeException rollbackFailure) {
                    e.addSuppressed(rollbackFailure);
                }
            }
            open = false;
        }
        committedTransactions = finishedTransactions;
        notifyAll();
    }

    /** Copies into the database the frames committed since the checkpointer's last copy; no transaction is open. */
    private void catchUp() {
        try (Statement s = connection.createStatement()) {
            s.execute("PRAGMA wal_checkpoint(PASSIVE)");
        } catch (SQLException e) {
            LOG.log(System.Logger.Level.WARNING, "WAL checkpoint failed; the next one copies these frames", e);
        }
    }

    private void waitForCommit() {
        try {
            wait(); // releases the lock, so the queued transactions can run and one of them commits
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            commit(); // do not leave this transaction uncommitted behind an interrupted wait
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

    @Override
    public synchronized void close() {
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
