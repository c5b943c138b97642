package io.leavebot.exports;

import static io.leavebot.testing.SampleLeaves.ADA;
import static io.leavebot.testing.SampleLeaves.BEA;
import static io.leavebot.testing.SampleLeaves.GRACE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.leavebot.balance.Balances;
import io.leavebot.balance.Holidays;
import io.leavebot.leave.Decision;
import io.leavebot.leave.LeaveRequest;
import io.leavebot.leave.LeaveStatus;
import io.leavebot.leave.Person;
import io.leavebot.store.SqliteLeaveStore;
import io.leavebot.testing.LeaveBotHarness;
import io.leavebot.testing.SampleLeaves;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The payroll report of January 2027: Monday to Friday, no public holidays, 25 days of annual leave a year, the other
 * types tracked but unlimited ({@link LeaveBotHarness#BALANCES}).
 */
class LeaveReportTest {
    private static final Instant NOW = Instant.parse("2027-01-05T09:00:00Z");
    private static final LocalDate FROM = LocalDate.of(2027, 1, 1);
    private static final LocalDate TO = LocalDate.of(2027, 1, 31);

    @TempDir
    Path dir;
    private SqliteLeaveStore store;
    private Balances balances;
    private LeaveReport report;

    @BeforeEach
    void open() {
        store = new SqliteLeaveStore(dir.resolve("leaves.db"));
        balances = new Balances(LeaveBotHarness.BALANCES, new Holidays(), store, store::listByEmployee, Clock.fixed(NOW, ZoneOffset.UTC));
        report = new LeaveReport(store, balances);
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void eachPersonAndTypeGetsTheDaysTakenAndPendingInsideThePeriodAndTheBalance() {
        approved(request("req-1", ADA, "annual", "2027-01-11", "2027-01-15"));
        // Thu 28 Jan to Wed 3 Feb: Thursday and Friday are January's, the rest February's
        approved(request("req-2", ADA, "annual", "2027-01-28", "2027-02-03"));
        store.create(request("req-3", ADA, "sick", "2027-01-20", "2027-01-20"));
        // Wed 30 Dec to Tue 5 Jan: only Fri 1, Mon 4 and Tue 5 January fall inside
        approved(request("req-4", BEA, "annual", "2026-12-30", "2027-01-05"));
        approved(request("req-5", BEA, "unpaid", "2027-02-08", "2027-02-09"));

        List<LeaveReport.Row> rows = rows();

        assertEquals(3, rows.size(), rows.toString());
        assertRow(rows.get(0), ADA, "annual", 7, 0, "15", "DAYS"); // 25 less the 10 days both requests take
        assertRow(rows.get(1), ADA, "sick", 0, 1, "0", "DAYS");
        assertRow(rows.get(2), BEA, "annual", 3, 0, "22", "DAYS"); // 2027's part only: 3 days of 2027's 25
    }

    @Test
    void aHalfDayCountsHalfAndOneOnAWeekendNothing() {
        approved(SampleLeaves.request("req-half", ADA, LocalDate.of(2027, 1, 12), LocalDate.of(2027, 1, 12), true, null));

        assertEquals(0.5, rows().get(0).daysTaken());
    }

    @Test
    void theCsvHasAHeaderQuotesAsRfc4180AndDisarmsFormulas() throws Exception {
        Person mallory = Person.ofEmail("mallory@example.org", "=HYPERLINK(\"http://evil\",\"x\")");
        Person comma = Person.ofEmail("o.brien@example.org", "O'Brien, Pat");
        approved(request("req-m", mallory, "annual", "2027-01-11", "2027-01-11"));
        approved(request("req-c", comma, "annual", "2027-01-12", "2027-01-13"));
        StringWriter out = new StringWriter();

        ReportFormats.csv(report, FROM, TO, out);

        assertEquals(ReportFormats.HEADER + "\r\n"
                + "mallory@example.org,\"'=HYPERLINK(\"\"http://evil\"\",\"\"x\"\")\",annual,1,0,24,days\r\n"
                + "o.brien@example.org,\"O'Brien, Pat\",annual,2,0,23,days\r\n", out.toString());
        assertEquals("'@SUM(A1)", ReportFormats.text("@SUM(A1)"));
        assertEquals("'+1", ReportFormats.text("+1"));
        assertEquals("'-1", ReportFormats.text("-1"));
        assertEquals("plain", ReportFormats.text("plain"));
    }

    @Test
    void theJsonHasThePeriodAndOneObjectPerRow() throws Exception {
        approved(request("req-1", ADA, "annual", "2027-01-11", "2027-01-15"));
        store.create(request("req-2", ADA, "other", "2027-01-18", "2027-01-18"));
        StringWriter out = new StringWriter();

        ReportFormats.json(report, FROM, TO, out);

        JsonNode json = new ObjectMapper().readTree(out.toString());
        assertEquals("2027-01-01", json.get("from").asText());
        assertEquals("2027-01-31", json.get("to").asText());
        JsonNode annual = json.get("rows").get(0);
        assertEquals("ada@example.org", annual.get("employee_email").asText());
        assertEquals("Ada Lovelace", annual.get("employee_name").asText());
        assertEquals(5, annual.get("days_taken").asInt());
        assertEquals(0, annual.get("days_pending").asInt());
        assertEquals(20, annual.get("balance").asInt());
        assertEquals("days", annual.get("balance_unit").asText());
        assertEquals(1, json.get("rows").get(1).get("days_pending").asInt());
    }

    @Test
    void aPeriodBackwardsOrLongerThanAYearIsRefusedWithAReason() {
        assertEquals("The period's last day (2027-01-01) is before its first day (2027-01-31).",
                LeaveReport.problemWith(TO, FROM));
        assertTrue(LeaveReport.problemWith(FROM, FROM.plusDays(366)).startsWith("A report covers at most 366 days"));
        assertNull(LeaveReport.problemWith(LocalDate.of(2028, 1, 1), LocalDate.of(2028, 12, 31)), "a leap year");
    }

    private List<LeaveReport.Row> rows() {
        List<LeaveReport.Row> rows = new java.util.ArrayList<>();
        report.forEachRow(FROM, TO, rows::add);
        return rows;
    }

    private void approved(LeaveRequest request) {
        store.create(request);
        store.decide(request.id(), LeaveStatus.APPROVED, new Decision(GRACE, NOW, null), NOW, balances.deductionFor(request));
    }

    private static LeaveRequest request(String id, Person employee, String type, String start, String end) {
        LeaveRequest sample = SampleLeaves.request(id, employee, LocalDate.parse(start), LocalDate.parse(end), false, null);
        return new LeaveRequest(sample.id(), employee, sample.chain(), type, sample.start(), sample.end(), false, null,
                LeaveStatus.PENDING, sample.createdAt(), sample.updatedAt(), null, sample.executionName());
    }

    private static void assertRow(LeaveReport.Row row, Person who, String type, double taken, double pending, String balance,
            String unit) {
        assertEquals(who.key(), row.employee().key(), row.toString());
        assertEquals(type, row.type(), row.toString());
        assertEquals(taken, row.daysTaken(), row.toString());
        assertEquals(pending, row.daysPending(), row.toString());
        assertEquals(balance, row.balance() == null ? null : row.balance().stripTrailingZeros().toPlainString(), row.toString());
        assertEquals(unit, row.unit() == null ? null : row.unit().name(), row.toString());
    }
}
