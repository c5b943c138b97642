package io.leavebot.store;

import io.leavebot.balance.Deduction;
import io.leavebot.balance.InsufficientBalanceException;
import io.leavebot.balance.LedgerEntry;
import io.leavebot.leave.Decision;
import io.leavebot.leave.Person;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * The mapping between {@code leave_ledger} rows and {@link LedgerEntry}, and the ledger's statements, run on the
 * connection {@link SqliteLeaveStore} gives (its writer inside a transaction, or a reader). Amounts are INTEGER
 * hundredths ({@link LedgerWrites#hundredths}), so sums are exact; instants are nanoseconds, dates ISO text, like
 * the requests'.
 */
final class SqliteLedgerRows {
    private static final String COLUMNS = "id, person_key, person_name, type, leave_year, kind, amount, request_id, "
            + "leave_start, at, by_key, by_name, reason";
    private static final String SELECT = "SELECT " + COLUMNS + " FROM leave_ledger ";

    private SqliteLedgerRows() {
    }

    /**
     * Writes the TAKEN entries, each only if its year's stored sum still gives it; call it on the writer in a
     * {@code BEGIN IMMEDIATE} transaction, so that no other write comes between the check and the insert.
     *
     * @throws InsufficientBalanceException for the first part the sum cannot give (roll the transaction back)
     */
    static void take(Connection writer, Deduction deduction, List<LedgerEntry> entries) throws SQLException {
        for (int i = 0; i < entries.size(); i++) {
            Deduction.Part part = deduction.parts().get(i);
            if (part.floor() != null) {
                BigDecimal sum = sum(writer, deduction.person(), deduction.type(), part.leaveYear());
                InsufficientBalanceException refused = LedgerWrites.shortfall(deduction.type(), part, sum);
                if (refused != null) {
                    throw refused;
                }
            }
            insert(writer, entries.get(i));
        }
    }

    /** Writes a REFUND for each TAKEN entry of the request that has none, by and at the cancellation. */
    static void refund(Connection writer, String requestId, Decision cancellation) throws SQLException {
        for (LedgerEntry taken : ofRequest(writer, requestId, LedgerEntry.Kind.TAKEN)) {
            insert(writer, LedgerWrites.refundOf(taken, cancellation));
        }
    }

    /** Inserts the entry unless one with its id exists (the first stands); true if it was inserted. */
    static boolean insert(Connection c, LedgerEntry e) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("INSERT INTO leave_ledger (" + COLUMNS
                + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING")) {
            s.setString(1, e.id());
            s.setString(2, e.person().key());
            s.setString(3, e.person().displayName());
            s.setString(4, e.type());
            s.setInt(5, e.leaveYear());
            s.setString(6, e.kind().name());
            s.setLong(7, LedgerWrites.hundredths(e.amount()));
            s.setString(8, e.requestId());
            s.setString(9, e.leaveStart() == null ? null : e.leaveStart().toString());
            s.setLong(10, SqliteLeaveRows.nanos(e.at()));
            s.setString(11, e.by() == null ? null : e.by().key());
            s.setString(12, e.by() == null ? null : e.by().displayName());
            s.setString(13, e.reason());
            return s.executeUpdate() == 1;
        }
    }

    /** The sum of the stored amounts of a person's leave of one type in one leave year (0 when there are none). */
    static BigDecimal sum(Connection c, Person person, String type, int leaveYear) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(
                "SELECT COALESCE(SUM(amount), 0) FROM leave_ledger WHERE person_key = ? AND type = ? AND leave_year = ?")) {
            s.setString(1, person.key());
            s.setString(2, type);
            s.setInt(3, leaveYear);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return LedgerWrites.amount(rs.getLong(1));
            }
        }
    }

    /** The person's entries, oldest first (by time, then id). */
    static List<LedgerEntry> ofPerson(Connection c, Person person) throws SQLException {
        return select(c, "WHERE person_key = ? ORDER BY at, id", person.key());
    }

    /** The request's entries of one kind, by id. */
    private static List<LedgerEntry> ofRequest(Connection c, String requestId, LedgerEntry.Kind kind) throws SQLException {
        return select(c, "WHERE request_id = ? AND kind = ? ORDER BY id", requestId, kind.name());
    }

    static LedgerEntry byId(Connection c, String id) throws SQLException {
        return select(c, "WHERE id = ?", id).stream().findFirst().orElseThrow();
    }

    private static List<LedgerEntry> select(Connection c, String where, String... params) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(SELECT + where)) {
            for (int i = 0; i < params.length; i++) {
                s.setString(i + 1, params[i]);
            }
            try (ResultSet rs = s.executeQuery()) {
                List<LedgerEntry> found = new ArrayList<>();
                while (rs.next()) {
                    found.add(read(rs));
                }
                return found;
            }
        }
    }

    private static LedgerEntry read(ResultSet rs) throws SQLException {
        String leaveStart = rs.getString("leave_start");
        String byKey = rs.getString("by_key");
        return new LedgerEntry(rs.getString("id"), new Person(rs.getString("person_key"), rs.getString("person_name")),
                rs.getString("type"), rs.getInt("leave_year"), LedgerEntry.Kind.valueOf(rs.getString("kind")),
                LedgerWrites.amount(rs.getLong("amount")), rs.getString("request_id"),
                IsoText.date(leaveStart), SqliteLeaveRows.instant(rs.getLong("at")),
                byKey == null ? null : new Person(byKey, rs.getString("by_name")), rs.getString("reason"));
    }
}
