package io.leavebot.durable.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import java.util.function.Supplier;
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
    void aLoneCallerCommitsOnItsOwnThreadAndCallersThatQueueMeanwhileAreCommittedByTheWriter() throws Exception {
        try (var db = new SqliteDatabase(dir.resolve("lone.db"), SCHEMA, false)) {
            Thread caller = Thread.currentThread();
            var otherThreads = new ArrayList<String>();
            var lone = db.inTransaction(() -> {
                db.update("INSERT INTO t (n) VALUES (1)");
                return db.inTransaction(Thread::currentThread); // nested: part of this unit, on this thread
            });
            assertEquals(caller, lone);
            // while a lone caller's group holds the database, the others queue and form a group of the writer
            var holding = new CountDownLatch(1);
            var release = new CountDownLatch(1);
            ExecutorService pool = Executors.newFixedThreadPool(4);
            try {
                Future<?> holder = pool.submit(() -> db.inTransaction(() -> {
                    holding.countDown();
                    await(release);
                    db.update("INSERT INTO t (n) VALUES (2)");
                    return null;
                }));
                assertTrue(holding.await(10, TimeUnit.SECONDS));
                var queued = new ArrayList<Future<String>>();
                for (int n = 3; n <= 5; n++) {
                    int value = n;
                    queued.add(pool.submit(() -> db.inTransaction(() -> {
                        db.update("INSERT INTO t (n) VALUES (?)", value);
                        return Thread.currentThread().getName();
                    })));
                }
                Thread.sleep(100); // the three are queued behind the holder
                release.countDown();
                holder.get(10, TimeUnit.SECONDS);
                for (Future<String> f : queued) {
                    otherThreads.add(f.get(10, TimeUnit.SECONDS));
                }
            } finally {
                pool.shutdownNow();
            }
            assertEquals(List.of("durable-db-writer", "durable-db-writer", "durable-db-writer"), otherThreads);
            assertEquals(List.of(1, 2, 3, 4, 5), db.query("SELECT n FROM t ORDER BY n", rs -> rs.getInt(1)));
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

    @Test
    void aCommitThatFailsFailsOnlyTheUnitBehindItAndTheRestOfItsGroupIsStored() throws Exception {
        // a deferred foreign key is checked at COMMIT, so unit 7 breaks the commit of the whole group it is in
        String[] schema = {"PRAGMA foreign_keys=ON", "CREATE TABLE IF NOT EXISTS parent (n INTEGER PRIMARY KEY)",
            "CREATE TABLE IF NOT EXISTS child (n INTEGER PRIMARY KEY, "
                + "parent INTEGER REFERENCES parent(n) DEFERRABLE INITIALLY DEFERRED)"};
        ExecutorService pool = Executors.newFixedThreadPool(12);
        try (var db = new SqliteDatabase(dir.resolve("fk.db"), schema, false)) {
            var rollbacks = new AtomicInteger();
            db.onRollback(rollbacks::incrementAndGet);
            var gate = new CountDownLatch(1);
            Future<?> holder = pool.submit(() -> db.inTransaction(() -> await(gate))); // keeps the next group queueing
            var results = new ArrayList<Future<?>>();
            for (int i = 0; i < 10; i++) {
                int n = i;
                results.add(pool.submit(() -> db.inTransaction(() -> {
                    db.update("INSERT INTO child (n, parent) VALUES (?, ?)", n, n == 7 ? 999 : null);
                    return null;
                })));
            }
            Thread.sleep(300); // all ten are queued behind the holder: one group
            gate.countDown();
            holder.get(30, TimeUnit.SECONDS);
            for (int i = 0; i < 10; i++) {
                if (i == 7) {
                    var e = assertThrows(ExecutionException.class, results.get(i)::get);
                    assertTrue(e.getCause().getMessage().contains("FOREIGN KEY"), e.getCause().getMessage());
                } else {
                    results.get(i).get(30, TimeUnit.SECONDS);
                }
            }
            assertEquals(List.of(0, 1, 2, 3, 4, 5, 6, 8, 9), db.query("SELECT n FROM child ORDER BY n", rs -> rs.getInt(1)));
            // the group's and unit 7's alone: whatever a copy in memory took from the undone group must go
            assertTrue(rollbacks.get() >= 2, rollbacks.get() + " rollbacks told");
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aUnitThatFailsInAGroupIsUndoneAloneAndTheOtherUnitsAnswersStand() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(5);
        try (var db = new SqliteDatabase(dir.resolve("group.db"), SCHEMA, false)) {
            var rollbacks = new AtomicInteger();
            db.onRollback(rollbacks::incrementAndGet);
            var gate = new CountDownLatch(1);
            Future<?> holder = pool.submit(() -> db.inTransaction(() -> await(gate))); // the next four queue: one group
            var runs = new ConcurrentHashMap<Integer, AtomicInteger>();
            IntFunction<Supplier<Integer>> insert = n -> () -> {
                runs.computeIfAbsent(n, k -> new AtomicInteger()).incrementAndGet();
                db.update("INSERT INTO t (n) VALUES (?)", n);
                if (n == 2) {
                    throw new IllegalStateException("unit 2 fails after writing");
                }
                return n * 10;
            };
            Future<Integer> first = pool.submit(() -> db.inTransactionCommittedLater(insert.apply(1)));
            Thread.sleep(100);
            Future<Integer> failing = pool.submit(() -> db.inTransaction(insert.apply(2)));
            Thread.sleep(100);
            Future<Integer> waited = pool.submit(() -> db.inTransaction(insert.apply(3)));
            Thread.sleep(100);
            Future<Integer> last = pool.submit(() -> db.inTransactionCommittedLater(insert.apply(4)));
            Thread.sleep(100);
            gate.countDown();
            holder.get(30, TimeUnit.SECONDS);
            assertEquals(10, first.get(30, TimeUnit.SECONDS));
            var e = assertThrows(ExecutionException.class, () -> failing.get(30, TimeUnit.SECONDS));
            assertEquals("unit 2 fails after writing", e.getCause().getMessage());
            assertEquals(30, waited.get(30, TimeUnit.SECONDS));
            assertEquals(40, last.get(30, TimeUnit.SECONDS));
            assertEquals(List.of(1, 3, 4), db.read(() -> db.query("SELECT n FROM t ORDER BY n", rs -> rs.getInt(1))));
            assertTrue(rollbacks.get() >= 1, "a copy in memory hears of the rollback");

            // a group in which nothing fails runs each unit once
            runs.clear();
            var gate2 = new CountDownLatch(1);
            Future<?> holder2 = pool.submit(() -> db.inTransaction(() -> await(gate2)));
            Thread.sleep(100);
            var group = new ArrayList<Future<Integer>>();
            for (int n = 5; n <= 8; n++) {
                var work = insert.apply(n);
                boolean waits = n % 2 == 0;
                group.add(pool.submit(() -> waits ? db.inTransaction(work) : db.inTransactionCommittedLater(work)));
            }
            Thread.sleep(200);
            gate2.countDown();
            holder2.get(30, TimeUnit.SECONDS);
            for (Future<Integer> f : group) {
                f.get(30, TimeUnit.SECONDS);
            }
            assertEquals(List.of(1, 1, 1, 1), List.of(runs.get(5).get(), runs.get(6).get(), runs.get(7).get(), runs.get(8).get()));
        } finally {
            pool.shutdownNow();
        }
        try (var db = new SqliteDatabase(dir.resolve("group.db"), SCHEMA, false)) {
            assertEquals(List.of(1, 3, 4, 5, 6, 7, 8), db.query("SELECT n FROM t ORDER BY n", rs -> rs.getInt(1)));
        }
    }

    @Test
    void aUnitCommittedLaterReturnsBeforeItsGroupCommitsAndIsStoredWithIt() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try (var db = new SqliteDatabase(dir.resolve("later.db"), SCHEMA, false)) {
            var gate = new CountDownLatch(1);
            var laterReturned = new CountDownLatch(1);
            Future<?> holder = pool.submit(() -> db.inTransaction(() -> await(gate)));
            Future<?> later = pool.submit(() -> {
                db.inTransactionCommittedLater(() -> {
                    db.update("INSERT INTO t (n) VALUES (1)");
                    return null;
                });
                laterReturned.countDown();
            });
            Thread.sleep(200);
            // in the same group, after it: its work can only end once the first unit's caller has heard back
            Future<Boolean> after = pool.submit(() -> db.inTransaction(() -> {
                db.update("INSERT INTO t (n) VALUES (2)");
                try {
                    return laterReturned.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
            }));
            Thread.sleep(200);
            gate.countDown();
            holder.get(30, TimeUnit.SECONDS);
            later.get(30, TimeUnit.SECONDS);
            assertTrue(after.get(30, TimeUnit.SECONDS), "the unit committed later returned before its group's commit");
            assertEquals(List.of(1, 2), db.read(() -> db.query("SELECT n FROM t ORDER BY n", rs -> rs.getInt(1))));
        } finally {
            pool.shutdownNow();
        }
        try (var db = new SqliteDatabase(dir.resolve("later.db"), SCHEMA, false)) {
            assertEquals(List.of(1, 2), db.query("SELECT n FROM t ORDER BY n", rs -> rs.getInt(1)));
        }
    }

    @Test
    void aJvmKilledWhileGroupsAreBeingCommittedKeepsEveryWriteItAcknowledged() throws Exception {
        Path file = dir.resolve("killed.db");
        Path acknowledged = dir.resolve("acknowledged.log");
        Process worker = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), GroupCommitWorker.class.getName(), file.toString(),
                acknowledged.toString()).redirectErrorStream(true).redirectOutput(dir.resolve("worker.out").toFile()).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (lines(acknowledged).size() < 2000) {
            assertTrue(System.nanoTime() < deadline && worker.isAlive(), "the worker never acknowledged 2,000 writes");
            Thread.sleep(20);
        }
        worker.destroyForcibly().waitFor(); // SIGKILL, mid-group
        List<String> logged = lines(acknowledged);
        List<String> acked = logged.subList(0, logged.size() - 1); // the kill may have cut the last line short
        try (var db = new SqliteDatabase(file, GroupCommitWorker.SCHEMA, false)) {
            var stored = new java.util.HashSet<>(db.query("SELECT n FROM t", rs -> Integer.toString(rs.getInt(1))));
            for (String n : acked) {
                assertTrue(stored.contains(n), "acknowledged write " + n + " was lost; " + stored.size() + " stored");
            }
        }
    }

    private static List<String> lines(Path file) throws java.io.IOException {
        return java.nio.file.Files.exists(file) ? java.nio.file.Files.readAllLines(file) : List.of();
    }

    private static Object await(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
            return null;
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }
}
