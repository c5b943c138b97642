package io.leavebot.leave;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;

/**
 * The SQLite tables of {@link SqliteLeaveStore} and the mapping between their rows and {@link LeaveRequest}.
 * Dates are ISO text (so they compare as dates); instants are whole nanoseconds since the epoch, so a request
 * reads back exactly as it was written.
 */
final class SqliteLeaveRows {
    /**
     * The partial indexes serve queries whose WHERE repeats their condition word for word (SQLite only uses a
     * partial index when the query implies its condition, and a bound parameter never does).
     */
    static final String[] SCHEMA = {
        """
        CREATE TABLE IF NOT EXISTS leave_requests (id TEXT PRIMARY KEY,
          employee_key TEXT NOT NULL, employee_slack TEXT, employee_email TEXT, employee_name TEXT,
          approver_key TEXT NOT NULL, approver_slack TEXT, approver_email TEXT, approver_name TEXT,
          type TEXT NOT NULL, start_date TEXT NOT NULL, end_date TEXT NOT NULL, half_day INTEGER NOT NULL, reason TEXT,
          status TEXT NOT NULL, created_at INTEGER NOT NULL, updated_at INTEGER NOT NULL,
          decided_by_slack TEXT, decided_by_email TEXT, decided_by_name TEXT, decided_at INTEGER, decision_comment TEXT,
          execution_name TEXT NOT NULL, callback_id TEXT)""",
        "CREATE INDEX IF NOT EXISTS leave_requests_by_employee ON leave_requests(employee_key, created_at, id)",
        """
        CREATE INDEX IF NOT EXISTS leave_requests_pending_by_approver ON leave_requests(approver_key, created_at, id)
          WHERE status = 'PENDING'""",
        """
        CREATE INDEX IF NOT EXISTS leave_requests_open_by_dates ON leave_requests(employee_key, start_date)
          WHERE status IN ('PENDING', 'APPROVED')""",
        """
        CREATE INDEX IF NOT EXISTS leave_requests_open_by_approver ON leave_requests(approver_key, start_date)
          WHERE status IN ('PENDING', 'APPROVED')""",
        """
        CREATE TABLE IF NOT EXISTS leave_notifications (key TEXT PRIMARY KEY, request_id TEXT NOT NULL,
          channel TEXT NOT NULL, message_ref TEXT, sent_at INTEGER NOT NULL) WITHOUT ROWID""",
        """
        CREATE TABLE IF NOT EXISTS chat_addresses (channel TEXT NOT NULL, person_key TEXT NOT NULL, address TEXT NOT NULL,
          saved_at INTEGER NOT NULL, PRIMARY KEY (channel, person_key)) WITHOUT ROWID""",
    };

    static final String COLUMNS = "id, employee_key, employee_slack, employee_email, employee_name, approver_key, "
            + "approver_slack, approver_email, approver_name, type, start_date, end_date, half_day, reason, status, "
            + "created_at, updated_at, decided_by_slack, decided_by_email, decided_by_name, decided_at, "
            + "decision_comment, execution_name, callback_id";
    static final String PLACEHOLDERS = "?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?";

    private SqliteLeaveRows() {
    }

    /** Binds all {@link #COLUMNS}, in order. */
    static void bind(PreparedStatement s, LeaveRequest r) throws SQLException {
        s.setString(1, r.id());
        bindPerson(s, 2, r.employee(), true);
        bindPerson(s, 6, r.approver(), true);
        s.setString(10, r.type());
        s.setString(11, r.start().toString());
        s.setString(12, r.end().toString());
        s.setInt(13, r.halfDay() ? 1 : 0);
        s.setString(14, r.reason());
        s.setString(15, r.status().name());
        s.setLong(16, nanos(r.createdAt()));
        s.setLong(17, nanos(r.updatedAt()));
        bindDecision(s, 18, r.decision());
        s.setString(23, r.executionName());
        s.setString(24, r.callbackId());
    }

    /** Binds decided_by_slack, decided_by_email, decided_by_name, decided_at, decision_comment from {@code first}. */
    static void bindDecision(PreparedStatement s, int first, Decision d) throws SQLException {
        bindPerson(s, first, d == null ? null : d.by(), false);
        if (d == null || d.at() == null) {
            s.setNull(first + 3, Types.INTEGER);
        } else {
            s.setLong(first + 3, nanos(d.at()));
        }
        s.setString(first + 4, d == null ? null : d.comment());
    }

    static LeaveRequest read(ResultSet rs) throws SQLException {
        long decidedAt = rs.getLong("decided_at");
        boolean decided = !rs.wasNull();
        Person decidedBy = person(rs, "decided_by");
        Decision decision = decided || decidedBy != null || rs.getString("decision_comment") != null
                ? new Decision(decidedBy, decided ? instant(decidedAt) : null, rs.getString("decision_comment")) : null;
        return new LeaveRequest(rs.getString("id"), person(rs, "employee"), person(rs, "approver"), rs.getString("type"),
                LocalDate.parse(rs.getString("start_date")), LocalDate.parse(rs.getString("end_date")),
                rs.getInt("half_day") == 1, rs.getString("reason"), LeaveStatus.valueOf(rs.getString("status")),
                instant(rs.getLong("created_at")), instant(rs.getLong("updated_at")), decision,
                rs.getString("execution_name"), rs.getString("callback_id"));
    }

    static long nanos(Instant at) {
        return Math.addExact(Math.multiplyExact(at.getEpochSecond(), 1_000_000_000L), at.getNano());
    }

    static Instant instant(long nanos) {
        return Instant.ofEpochSecond(0, nanos);
    }

    private static void bindPerson(PreparedStatement s, int first, Person p, boolean withKey) throws SQLException {
        int i = first;
        if (withKey) {
            s.setString(i++, p.key());
        }
        s.setString(i++, p == null ? null : p.slackUserId());
        s.setString(i++, p == null ? null : p.email());
        s.setString(i, p == null ? null : p.displayName());
    }

    private static Person person(ResultSet rs, String prefix) throws SQLException {
        String slack = rs.getString(prefix + "_slack");
        String email = rs.getString(prefix + "_email");
        return slack == null && email == null ? null : new Person(slack, email, rs.getString(prefix + "_name"));
    }
}
