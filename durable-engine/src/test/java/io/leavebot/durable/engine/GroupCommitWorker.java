package io.leavebot.durable.engine;

import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A separate JVM for {@link SqliteDatabaseTest}: eight threads insert rows through group commits, as fast as they
 * can, and log each row's number once its transaction has returned, until the test kills this JVM.
 */
public final class GroupCommitWorker {
    static final String[] SCHEMA = {"CREATE TABLE IF NOT EXISTS t (n INTEGER PRIMARY KEY)"};

    public static void main(String[] args) throws Exception {
        var db = new SqliteDatabase(Path.of(args[0]), SCHEMA, false);
        // unbuffered: a line written is in the OS's hands, so the kill cannot take it
        var acknowledged = new PrintStream(new FileOutputStream(args[1], true), true, StandardCharsets.UTF_8);
        var next = new AtomicInteger();
        for (int t = 0; t < 8; t++) {
            Thread writer = new Thread(() -> {
                while (true) {
                    int n = next.incrementAndGet();
                    db.inTransaction(() -> {
                        db.update("INSERT INTO t (n) VALUES (?)", n);
                        return null;
                    });
                    acknowledged.println(n);
                }
            });
            writer.start();
        }
        Thread.sleep(Long.MAX_VALUE); // the test kills this JVM
    }
}
