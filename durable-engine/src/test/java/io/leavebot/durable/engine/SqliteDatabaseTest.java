package io.leavebot.durable.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SqliteDatabaseTest {
    private static final String[] SCHEMA = {"CREATE TABLE IF NOT EXISTS t (n INTEGER PRIMARY KEY)"};

    @TempDir
    Path dir;

    @Test
    void aFailingTransactionAmongConcurrentOnesIsUndoneAloneAndNobodyWaitsForever() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try (var db = new SqliteDatabase(dir.resolve("t.db"), SCHEMA, false)) {
            var results = new ArrayList<Future<?>>();
            for (int i = 0; i < 400; i++) {
                int n = i;
                results.add(pool.submit(() -> db.inTransaction(() -> {
                    db.update("INSERT INTO t (n) VALUES (?)", n);
                    if (n % 7 == 0) {
                        throw new IllegalStateException("unit " + n + " fails after writing");
                    }
                    return null;
                })));
            }
            int failed = 0;
            for (Future<?> f : results) {
                try {
                    f.get(30, TimeUnit.SECONDS); // a lost commit would hang here
                } catch (java.util.concurrent.ExecutionException e) {
                    failed++;
                }
            }
            assertEquals(58, failed);
            assertEquals(342, db.query("SELECT count(*) FROM t", rs -> rs.getInt(1)).get(0));
            assertEquals(0, db.query("SELECT count(*) FROM t WHERE n % 7 = 0", rs -> rs.getInt(1)).get(0));
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void committedWorkSurvivesReopening() {
        try (var db = new SqliteDatabase(dir.resolve("r.db"), SCHEMA, false)) {
            db.inTransaction(() -> {
                db.update("INSERT INTO t (n) VALUES (1)");
                return null;
            });
            assertThrows(IllegalStateException.class, () -> db.inTransaction(() -> {
                db.update("INSERT INTO t (n) VALUES (2)");
                throw new IllegalStateException("undone");
            }));
        }
        try (var db = new SqliteDatabase(dir.resolve("r.db"), SCHEMA, false)) {
            assertEquals(java.util.List.of(1), db.query("SELECT n FROM t", rs -> rs.getInt(1)));
        }
    }

    @Test
    void theWalIsCopiedIntoTheDatabaseWhileItStaysOpenAndThenWrittenFromItsStartAgain() throws Exception {
        Path file = dir.resolve("w.db");
        String[] schema = {"CREATE TABLE IF NOT EXISTS t (n INTEGER PRIMARY KEY, text TEXT NOT NULL)"};
        try (var db = new SqliteDatabase(file, schema, false)) {
            for (int round = 0; round < 3; round++) {
                for (int i = 0; i < 500; i++) {
                    int n = round * 500 + i;
                    db.inTransaction(() -> {
                        db.update("INSERT INTO t (n, text) VALUES (?, ?)", n, "x".repeat(2000));
                        return null;
                    });
                }
                Thread.sleep(600); // the checkpointer's turn; the commits' own checkpoint would wait for 10,000 pages
            }
            db.inTransaction(() -> {
                db.update("INSERT INTO t (n, text) VALUES (?, ?)", -1, "x");
                return null;
            });
            // ~3 MB committed in 1,500 commits of ~1,000 WAL frames (~4 MB) a round: in the database file, and the WAL
            // reused each round rather than grown to hold all three
            long databaseBytes = java.nio.file.Files.size(file);
            long walBytes = java.nio.file.Files.size(dir.resolve("w.db-wal"));
            org.junit.jupiter.api.Assertions.assertTrue(databaseBytes > 2_500_000, databaseBytes + " bytes in the database");
            org.junit.jupiter.api.Assertions.assertTrue(walBytes < 8_000_000, walBytes + " bytes of WAL");
        }
    }

    @Test
    void fsyncOnCommitSyncsEveryCommitAndTheDefaultLeavesItToTheWal() {
        // SQLite's codes: 1 NORMAL (synced at WAL checkpoints), 2 FULL (synced at every commit)
        try (var db = new SqliteDatabase(dir.resolve("normal.db"), SCHEMA, false)) {
            assertEquals(java.util.List.of(1), db.query("PRAGMA synchronous", rs -> rs.getInt(1)));
        }
        try (var db = new SqliteDatabase(dir.resolve("full.db"), SCHEMA, true)) {
            assertEquals(java.util.List.of(2), db.query("PRAGMA synchronous", rs -> rs.getInt(1)));
        }
    }
}
