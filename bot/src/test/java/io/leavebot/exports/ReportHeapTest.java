package io.leavebot.exports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.leavebot.balance.Balances;
import io.leavebot.balance.Holidays;
import io.leavebot.leave.LeaveRequest;
import io.leavebot.store.SqliteLeaveStore;
import io.leavebot.testing.LeaveBotHarness;
import io.leavebot.testing.SampleLeaves;
import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A report of 100,000 requests (2,000 people, 50 each) runs in a child JVM with a {@value #HEAP} heap: the rows are
 * written as the store reads them. The same JVM holding the requests in a list first runs out of memory, which
 * shows the limit is tight enough to catch a report that gathers everything.
 */
class ReportHeapTest {
    private static final int REQUESTS = 100_000;
    private static final int PEOPLE = 2_000;
    private static final String HEAP = "-Xmx40m";
    private static final LocalDate FROM = LocalDate.of(2027, 1, 1);
    private static final LocalDate TO = LocalDate.of(2027, 12, 31);

    @TempDir
    Path dir;

    @Test
    void aReportOf100000RequestsStreamsInASmallHeap() throws Exception {
        Path db = dir.resolve("leaves.db");
        seed(db);

        Run streamed = child(db, "stream");
        Run gathered = child(db, "gather");

        assertEquals(0, streamed.exit, streamed.output);
        assertTrue(streamed.output.contains("rows=" + PEOPLE + " requests=" + REQUESTS), streamed.output);
        assertNotEquals(0, gathered.exit, "holding every request should not fit: " + gathered.output);
        assertTrue(gathered.output.contains("OutOfMemoryError"), gathered.output);
    }

    /** One template request, then copies of it by SQL: 100,000 approved requests of Jan 2027, 50 per person. */
    private static void seed(Path db) throws Exception {
        try (var store = new SqliteLeaveStore(db)) {
            store.create(SampleLeaves.request("template", SampleLeaves.ADA, LocalDate.of(2027, 1, 11), LocalDate.of(2027, 1, 15),
                    false, "A reason long enough to weigh something in memory, as real reasons do"));
        }
        String copied = "id, employee_key, employee_slack, employee_email, employee_name, approver_key, approver_slack, "
                + "approver_email, approver_name, type, start_date, end_date, half_day, reason, status, created_at, updated_at, "
                + "decided_by_slack, decided_by_email, decided_by_name, decided_at, decision_comment, execution_name, "
                + "callback_id, approval_chain, working_days";
        String values = copied.replace("id, employee_key,", "'r' || i, 'p' || (i % " + PEOPLE + ") || '@example.org',")
                .replace("employee_email,", "'p' || (i % " + PEOPLE + ") || '@example.org',")
                .replace("status,", "'APPROVED',")
                .replace("execution_name,", "'leave-r' || i,");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement s = c.createStatement()) {
            s.execute("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < " + REQUESTS + ") "
                    + "INSERT INTO leave_requests (" + copied + ") SELECT " + values + " FROM n, leave_requests t WHERE t.id = 'template'");
            s.execute("DELETE FROM leave_requests WHERE id = 'template'");
        }
    }

    private record Run(int exit, String output) {
    }

    private Run child(Path db, String mode) throws Exception {
        Path log = dir.resolve(mode + ".log");
        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), HEAP,
                "-cp", System.getProperty("java.class.path"), ReportHeapTest.class.getName(), db.toString(), mode)
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!process.waitFor(5, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError("the child JVM did not finish: " + Files.readString(log));
        }
        return new Run(process.exitValue(), Files.readString(log));
    }

    /**
     * The child: {@code stream} writes the CSV report to nowhere, counting; {@code gather} first holds every
     * request, as a report that builds a list would.
     */
    public static void main(String[] args) throws IOException {
        try (var store = new SqliteLeaveStore(Path.of(args[0]))) {
            Clock clock = Clock.fixed(Instant.parse("2027-01-05T09:00:00Z"), ZoneOffset.UTC);
            var balances = new Balances(LeaveBotHarness.BALANCES, new Holidays(), store, store::listByEmployee, clock);
            if (args[1].equals("gather")) {
                List<LeaveRequest> all = new ArrayList<>();
                store.forEachOverlapping(FROM, TO, all::add);
                System.out.println("gathered " + all.size());
                return;
            }
            var counted = new CountingWriter();
            ReportFormats.csv(new LeaveReport(store, balances), FROM, TO, counted);
            int[] requests = {0};
            store.forEachOverlapping(FROM, TO, leave -> requests[0]++);
            System.out.println("rows=" + (counted.lines - 1) + " requests=" + requests[0] + " bytes=" + counted.chars);
        }
    }

    /** A writer that keeps nothing: only how much went through. */
    private static final class CountingWriter extends Writer {
        long chars;
        long lines;

        @Override
        public void write(char[] buffer, int offset, int length) {
            chars += length;
            for (int i = offset; i < offset + length; i++) {
                if (buffer[i] == '\n') {
                    lines++;
                }
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    }
}
