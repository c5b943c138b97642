package io.leavebot.store;

import io.leavebot.leave.ApprovalChain;
import io.leavebot.leave.ApprovalRule;
import io.leavebot.leave.ApprovalStage;
import io.leavebot.leave.AuditEntry;
import io.leavebot.leave.Decision;
import io.leavebot.leave.LeaveRequest;
import io.leavebot.leave.LeaveStatus;
import io.leavebot.leave.OnTimeout;
import io.leavebot.leave.Person;
import io.leavebot.leave.StageApprover;
import io.leavebot.notify.ChatAddress;
import io.leavebot.notify.SentNotification;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.List;

/**
 * The mapping between their rows and {@link LeaveRequest}. The approver columns hold the chain's first approver
 * (the employee's team, for "who else is out"); the chain itself is a JSON column ({@link ChainJson}). Rows written
 * before chains have none: they read as the one-approver chain of the approver columns and callback.
 * Dates are ISO text (so they compare as dates); instants are whole nanoseconds since the epoch, so a request
 * reads back exactly as it was written. Rows written before working weeks have no {@code working_days}: they read
 * with their Monday-to-Friday count, as LeaveBot counted then.
 */
final class SqliteLeaveRows {
    static final String COLUMNS = "id, employee_key, employee_slack, employee_email, employee_name, approver_key, "
            + "approver_slack, approver_email, approver_name, type, start_date, end_date, half_day, reason, status, "
            + "created_at, updated_at, decided_by_slack, decided_by_email, decided_by_name, decided_at, "
            + "decision_comment, execution_name, callback_id, approval_chain, working_days";
    static final String PLACEHOLDERS = "?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?";

    private SqliteLeaveRows() {
    }

    /** Binds all {@link #COLUMNS}, in order. */
    static void bind(PreparedStatement s, LeaveRequest r) throws SQLException {
        s.setString(1, r.id());
        bindPerson(s, 2, r.employee(), true);
        bindPerson(s, 6, r.chain().firstApprover(), true);
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
        s.setString(24, null); // written before chains only
        s.setString(25, ChainJson.write(r.chain()));
        s.setDouble(26, r.workingDays());
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
        return read(rs, null);
    }

    /** As {@link #read(ResultSet)}, with the chain just written ({@code known}, not decoded again) when not null. */
    static LeaveRequest read(ResultSet rs, ApprovalChain known) throws SQLException {
        long decidedAt = rs.getLong("decided_at");
        boolean decided = !rs.wasNull();
        Person decidedBy = person(rs, "decided_by");
        Decision decision = decided || decidedBy != null || rs.getString("decision_comment") != null
                ? new Decision(decidedBy, decided ? instant(decidedAt) : null, rs.getString("decision_comment")) : null;
        LeaveStatus status = LeaveStatus.valueOf(rs.getString("status"));
        String chain = rs.getString("approval_chain");
        LeaveRequest request = new LeaveRequest(rs.getString("id"), person(rs, "employee"),
                known != null ? known : chain != null ? ChainJson.read(chain) : singleApprover(person(rs, "approver"), rs.getString("callback_id"), status, decision),
                rs.getString("type"), IsoText.date(rs.getString("start_date")), IsoText.date(rs.getString("end_date")),
                rs.getInt("half_day") == 1, rs.getString("reason"), status,
                instant(rs.getLong("created_at")), instant(rs.getLong("updated_at")), decision,
                rs.getString("execution_name"));
        double workingDays = rs.getDouble("working_days");
        return rs.wasNull() ? request : request.withWorkingDays(workingDays); // NULL: written before, counted Monday to Friday
    }

    /** The chain of a request recorded before chains: its one approver, their callback and, once decided, the outcome. */
    static ApprovalChain singleApprover(Person approver, String callbackId, LeaveStatus status, Decision decision) {
        StageApprover place = StageApprover.of(approver).asking(null, callbackId, null);
        if (status == LeaveStatus.APPROVED || status == LeaveStatus.REJECTED) {
            place = place.answering(status, decision);
        }
        ApprovalStage stage = new ApprovalStage(null, ApprovalRule.ONE, List.of(place), status, status.isFinal() ? decision : null);
        return new ApprovalChain(List.of(stage), OnTimeout.EXPIRE);
    }

    static long nanos(Instant at) {
        return Math.addExact(Math.multiplyExact(at.getEpochSecond(), 1_000_000_000L), at.getNano());
    }

    static Instant instant(long nanos) {
        return Instant.ofEpochSecond(0, nanos);
    }

    /**
     * The {@code _slack} column keeps a Slack user id only for people known by it ({@code slack:} keys), so that
     * LeaveBot 0.1.0 still reads the row; the ids of people known by e-mail are in the chat address book.
     */
    private static void bindPerson(PreparedStatement s, int first, Person p, boolean withKey) throws SQLException {
        int i = first;
        if (withKey) {
            s.setString(i++, p.key());
        }
        s.setString(i++, p == null ? null : p.chatUserId("slack").orElse(null));
        s.setString(i++, p == null ? null : p.email());
        s.setString(i, p == null ? null : p.displayName());
    }

    /** A row with an e-mail is someone known by it, even when 0.1.0 wrote their Slack user id beside it. */
    private static Person person(ResultSet rs, String prefix) throws SQLException {
        String slack = rs.getString(prefix + "_slack");
        String email = rs.getString(prefix + "_email");
        return slack == null && email == null ? null : Person.ofEmailOrSlack(email, slack, rs.getString(prefix + "_name"));
    }
}
