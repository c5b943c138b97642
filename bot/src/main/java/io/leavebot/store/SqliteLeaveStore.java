package io.leavebot.store;

import io.leavebot.balance.Deduction;
import io.leavebot.balance.LedgerEntry;
import io.leavebot.leave.ApprovalChain;
import io.leavebot.leave.AuditEntry;
import io.leavebot.leave.AwayCalendar;
import io.leavebot.notify.DigestDays;
import io.leavebot.leave.Decision;
import io.leavebot.leave.LeaveRequest;
import io.leavebot.leave.LeaveStatus;
import io.leavebot.leave.LeaveStore;
import io.leavebot.leave.NewRequestCheck;
import io.leavebot.leave.Person;
import io.leavebot.notify.ChatAddress;
import io.leavebot.notify.ChatAddressBook;
import io.leavebot.notify.NotificationLog;
import io.leavebot.notify.SentNotification;
import io.leavebot.notify.UserTokens;
import io.leavebot.exports.FeedTokens;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.function.Consumer;

/**
 * {@link LeaveStore} in a SQLite file (WAL), the local default. Its tables ({@code leave_requests},
 * {@code leave_callbacks}, {@code leave_audit}, {@code leave_notifications}, {@code chat_addresses},
 * {@code leave_ledger} ({@link SqliteLedgerRows}), and the {@link AwayCalendar}'s, kept by {@link SqliteAwayCalendar}
 * on the same connections; versions in {@link SqliteSchema}) may live in the durable engine's file or in a file
 * beside it. Writes are single conditional statements ({@code ON CONFLICT DO NOTHING}, {@code WHERE status =
 * 'PENDING'}) or one {@code BEGIN IMMEDIATE} transaction (a decision with its ledger entries, a cancellation with
 * its refunds), so they stay correct even when several processes share the file. Within the process, writes are serialised on one connection and
 * reads go to a few reader connections, so a front end's lookup never queues behind the workflows' writes (WAL
 * lets readers and the writer run at once).
 */
public final class SqliteLeaveStore implements Store, AwayCalendarParts, UserTokenParts, FeedTokenParts, AutoCloseable {
    private static final String SELECT = "SELECT " + SqliteLeaveRows.COLUMNS + " FROM leave_requests ";

    private static final int READERS = 4;

    private final Path file;
    private final Connection connection;
    private final BlockingQueue<Connection> readers = new ArrayBlockingQueue<>(READERS);
    private final PreparedStatements prepared = new PreparedStatements();
    private final AwayCalendar away;
    private final UserTokens userTokens;
    private final FeedTokens feeds;
    private volatile StoreObserver observer = StoreObserver.NONE;

    /**
     * Opens the leave tables in {@code file}, creating them or bringing them to this version's schema
     * ({@link SqliteSchema}) when needed.
     *
     * @throws IllegalStateException if the file cannot be opened, is from a newer LeaveBot, or cannot be migrated
     */
    public SqliteLeaveStore(Path file) {
        this.file = file;
        try {
            connection = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
            try (Statement s = connection.createStatement()) {
                s.execute("PRAGMA journal_mode=WAL");
                s.execute("PRAGMA synchronous=NORMAL");
                // the engine may be writing to the same file: wait for its lock rather than fail
                s.execute("PRAGMA busy_timeout=10000");
            }
            SqliteSchema.migrate(connection, file.toAbsolutePath().toString());
            for (int i = 0; i < READERS; i++) {
                Connection reader = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
                try (Statement s = reader.createStatement()) {
                    s.execute("PRAGMA query_only=1");
                    s.execute("PRAGMA busy_timeout=10000");
                }
                readers.add(reader);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot open the leave database " + file.toAbsolutePath() + ": " + e.getMessage(), e);
        }
        away = new SqliteAwayCalendar(connection, this, this::read);
        userTokens = new SqliteUserTokens(connection, this, this::read, file);
        feeds = new SqliteFeedTokens(connection, this, this::read);
    }

    /** Who hears how long commits take and when decisions are recorded (the metrics); by default nobody. */
    public void observe(StoreObserver value) {
        this.observer = java.util.Objects.requireNonNull(value, "observer");
    }

    /** How many requests wait for a decision now. */
    public long countPending() {
        return read("count pending requests", reader -> {
            try (Statement s = reader.createStatement();
                    var rows = s.executeQuery("SELECT COUNT(*) FROM leave_requests WHERE status = 'PENDING'")) {
                return rows.next() ? rows.getLong(1) : 0L;
            }
        });
    }

    @Override
    public synchronized LeaveRequest create(LeaveRequest request) {
        NewRequestCheck.require(request);
        String sql = "INSERT INTO leave_requests (" + SqliteLeaveRows.COLUMNS + ") VALUES (" + SqliteLeaveRows.PLACEHOLDERS
                + ") ON CONFLICT (id) DO NOTHING";
        try (PreparedStatement s = connection.prepareStatement(sql)) {
            SqliteLeaveRows.bind(s, request);
            s.executeUpdate();
        } catch (SQLException e) {
            throw failure("record leave request " + request.id(), e);
        }
        return get(request.id()).orElseThrow();
    }

    @Override
    public Optional<LeaveRequest> get(String id) {
        List<LeaveRequest> found = query(SELECT + "WHERE id = ?", id);
        return found.stream().findFirst();
    }

    /**
     * One transaction: the chain (only while PENDING), its callbacks, and who the request waits on now. The
     * callbacks are written before the approver hears of them, so an answer by its id always finds the request.
     */
    @Override
    public synchronized LeaveRequest updateChain(String id, ApprovalChain chain) {
        return inTransaction("update the approval chain of request " + id, writer -> {
            LeaveRequest updated;
            try (PreparedStatement s = writer.prepareStatement("UPDATE leave_requests SET approval_chain = ? "
                    + "WHERE id = ? AND status = 'PENDING' RETURNING " + SqliteLeaveRows.COLUMNS)) {
                s.setString(1, ChainJson.write(chain));
                s.setString(2, id);
                try (ResultSet rs = s.executeQuery()) {
                    updated = rs.next() ? SqliteLeaveRows.read(rs, chain) : null;
                }
            }
            if (updated == null) {
                return storedOn(writer, id); // decided: unchanged
            }
            for (String callbackId : chain.callbackIds()) {
                update("INSERT INTO leave_callbacks (callback_id, request_id) VALUES (?, ?) ON CONFLICT DO NOTHING", callbackId, id);
            }
            update("DELETE FROM leave_waiting WHERE request_id = ?", id);
            for (Person person : chain.waitingOn()) {
                update("INSERT INTO leave_waiting (person_key, request_id, created_at) SELECT ?, id, created_at "
                        + "FROM leave_requests WHERE id = ? ON CONFLICT DO NOTHING", person.key(), id);
            }
            return updated;
        });
    }

    /**
     * One {@code BEGIN IMMEDIATE} transaction, so that the sums it checks cannot change before it commits, in this
     * process or another on the file: read the request; if PENDING, check each part of the deduction against its
     * year's stored sum, write the TAKEN entries, the status and the decision, and drop the waiting rows.
     */
    @Override
    public synchronized LeaveRequest decide(String id, LeaveStatus to, Decision decision, Instant at, Deduction deduction) {
        NewRequestCheck.requireFinal(to);
        return inTransaction("decide leave request " + id, writer -> {
            LeaveRequest request = storedOn(writer, id);
            if (request.status() != LeaveStatus.PENDING) {
                return request;
            }
            LedgerWrites.requireFits(request, to, deduction);
            if (deduction != null) {
                SqliteLedgerRows.take(writer, deduction, deduction.entries(id, at, decision == null ? null : decision.by()));
            }
            setStatus(writer, id, LeaveStatus.PENDING, to, decision, at);
            update("DELETE FROM leave_waiting WHERE request_id = ?", id);
            if (decision != null && decision.by() != null && decision.at() != null) {
                observer.decisionRecorded(Duration.between(decision.at(), at)); // a person's answer, not an expiry
            }
            return storedOn(writer, id);
        });
    }

    /**
     * One {@code BEGIN IMMEDIATE} transaction: read the request; if it is APPROVED and starts after {@code today},
     * CANCELLED with the cancellation as its decision, and a REFUND for each of its TAKEN entries.
     */
    @Override
    public synchronized LeaveRequest cancel(String id, Decision cancellation, LocalDate today) {
        LedgerWrites.requireCancellation(cancellation);
        return inTransaction("cancel leave request " + id, writer -> {
            LeaveRequest request = storedOn(writer, id);
            if (request.status() != LeaveStatus.APPROVED || !request.start().isAfter(today)) {
                return request;
            }
            setStatus(writer, id, LeaveStatus.APPROVED, LeaveStatus.CANCELLED, cancellation, cancellation.at());
            SqliteLedgerRows.refund(writer, id, cancellation);
            return storedOn(writer, id);
        });
    }

    private static void setStatus(Connection writer, String id, LeaveStatus from, LeaveStatus to, Decision decision, Instant at)
            throws SQLException {
        String sql = "UPDATE leave_requests SET status = ?, updated_at = ?, decided_by_slack = ?, decided_by_email = ?, "
                + "decided_by_name = ?, decided_at = ?, decision_comment = ? WHERE id = ? AND status = ?";
        try (PreparedStatement s = writer.prepareStatement(sql)) {
            s.setString(1, to.name());
            s.setLong(2, SqliteLeaveRows.nanos(at));
            SqliteLeaveRows.bindDecision(s, 3, decision);
            s.setString(8, id);
            s.setString(9, from.name());
            s.executeUpdate();
        }
    }

    @Override
    public List<LedgerEntry> entries(Person person) {
        return read("read the ledger of " + person.key(), reader -> SqliteLedgerRows.ofPerson(reader, person));
    }

    @Override
    public synchronized LedgerEntry adjust(LedgerEntry adjustment) {
        LedgerWrites.requireAdjustment(adjustment);
        return inTransaction("record adjustment " + adjustment.id(), writer -> {
            SqliteLedgerRows.insert(writer, adjustment);
            return SqliteLedgerRows.byId(writer, adjustment.id());
        });
    }

    @Override
    public Optional<String> requestIdForCallback(String callbackId) {
        String sql = "SELECT request_id FROM leave_callbacks WHERE callback_id = ?";
        return read("find the request of a callback", connection -> {
            try (PreparedStatement s = connection.prepareStatement(sql)) {
                s.setString(1, callbackId);
                try (ResultSet rs = s.executeQuery()) {
                    return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
                }
            }
        });
    }

    @Override
    public synchronized void recordAudit(AuditEntry entry) {
        String sql = "INSERT INTO leave_audit (request_id, round, event, at, actor, details) VALUES (?, ?, ?, ?, ?, ?) "
                + "ON CONFLICT DO NOTHING";
        try (PreparedStatement s = connection.prepareStatement(sql)) {
            s.setString(1, entry.requestId());
            s.setInt(2, entry.round());
            s.setString(3, entry.event());
            s.setLong(4, SqliteLeaveRows.nanos(entry.at()));
            s.setString(5, entry.actor());
            s.setString(6, entry.details());
            s.executeUpdate();
        } catch (SQLException e) {
            throw failure("record the audit of request " + entry.requestId(), e);
        }
    }

    @Override
    public List<AuditEntry> audit(String requestId) {
        String sql = "SELECT round, event, at, actor, details FROM leave_audit WHERE request_id = ? ORDER BY round, at, event";
        return read("read the audit of request " + requestId, connection -> {
            try (PreparedStatement s = connection.prepareStatement(sql)) {
                s.setString(1, requestId);
                try (ResultSet rs = s.executeQuery()) {
                    List<AuditEntry> found = new ArrayList<>();
                    while (rs.next()) {
                        found.add(new AuditEntry(requestId, rs.getInt(1), rs.getString(2),
                                SqliteLeaveRows.instant(rs.getLong(3)), rs.getString(4), rs.getString(5)));
                    }
                    return found;
                }
            }
        });
    }

    @Override
    public List<LeaveRequest> listByEmployee(Person employee) {
        return query(SELECT + "WHERE employee_key = ? ORDER BY created_at DESC, id DESC", employee.key());
    }

    @Override
    public List<LeaveRequest> listPendingByApprover(Person approver) {
        return query(SELECT + "WHERE id IN (SELECT request_id FROM leave_waiting WHERE person_key = ?) "
                + "AND status = 'PENDING' ORDER BY created_at, id", approver.key());
    }

    @Override
    public List<LeaveRequest> findOverlaps(Person employee, LocalDate start, LocalDate end) {
        return query(SELECT + "WHERE employee_key = ? AND status IN ('PENDING', 'APPROVED') AND start_date <= ? "
                + "AND end_date >= ? ORDER BY start_date, id", employee.key(), end.toString(), start.toString());
    }

    @Override
    public List<LeaveRequest> findTeamOverlaps(Person approver, LocalDate start, LocalDate end) {
        return query(SELECT + "WHERE approver_key = ? AND status IN ('PENDING', 'APPROVED') AND start_date <= ? "
                + "AND end_date >= ? ORDER BY start_date, id", approver.key(), end.toString(), start.toString());
    }

    @Override
    public void forEachOverlapping(LocalDate from, LocalDate to, Consumer<LeaveRequest> each) {
        String sql = SELECT + "WHERE status IN ('PENDING', 'APPROVED') AND start_date <= ? AND end_date >= ? "
                + "ORDER BY employee_key, start_date, id";
        read("read leave between " + from + " and " + to, reader -> {
            try (PreparedStatement s = reader.prepareStatement(sql)) {
                s.setString(1, to.toString());
                s.setString(2, from.toString());
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        each.accept(SqliteLeaveRows.read(rs));
                    }
                }
            }
            return null;
        });
    }

    @Override
    public synchronized void recordWatch(String requestId, String callbackId) {
        update("INSERT INTO leave_watches (request_id, callback_id) VALUES (?, ?) ON CONFLICT (request_id) DO UPDATE SET callback_id = excluded.callback_id",
                requestId, callbackId);
    }

    @Override
    public Optional<String> watchCallback(String requestId) {
        return read("read the watch of " + requestId, reader -> {
            try (PreparedStatement s = reader.prepareStatement("SELECT callback_id FROM leave_watches WHERE request_id = ?")) {
                s.setString(1, requestId);
                try (ResultSet rs = s.executeQuery()) {
                    return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
                }
            }
        });
    }

    @Override
    public Optional<SentNotification> sent(String notificationKey) {
        String sql = "SELECT key, request_id, channel, message_ref, sent_at FROM leave_notifications WHERE key = ?";
        return read("read notification " + notificationKey, connection -> {
            try (PreparedStatement s = connection.prepareStatement(sql)) {
                s.setString(1, notificationKey);
                try (ResultSet rs = s.executeQuery()) {
                    return rs.next() ? Optional.of(new SentNotification(rs.getString(1), rs.getString(2), rs.getString(3),
                            rs.getString(4), SqliteLeaveRows.instant(rs.getLong(5)))) : Optional.empty();
                }
            }
        });
    }

    @Override
    public synchronized SentNotification recordSent(SentNotification sent) {
        String sql = "INSERT INTO leave_notifications (key, request_id, channel, message_ref, sent_at) VALUES (?, ?, ?, ?, ?) "
                + "ON CONFLICT (key) DO NOTHING";
        try (PreparedStatement s = connection.prepareStatement(sql)) {
            s.setString(1, sent.key());
            s.setString(2, sent.requestId());
            s.setString(3, sent.channel());
            s.setString(4, sent.messageRef());
            s.setLong(5, SqliteLeaveRows.nanos(sent.at()));
            if (s.executeUpdate() == 1) {
                return sent;
            }
        } catch (SQLException e) {
            throw failure("record notification " + sent.key(), e);
        }
        return sent(sent.key()).orElse(sent); // recorded before: the first record stands
    }

    /** One statement: insert, or replace the address and its time when the person has one on the channel. */
    @Override
    public synchronized void saveAddress(ChatAddress address) {
        String sql = "INSERT INTO chat_addresses (channel, person_key, address, saved_at) VALUES (?, ?, ?, ?) "
                + "ON CONFLICT (channel, person_key) DO UPDATE SET address = excluded.address, saved_at = excluded.saved_at";
        try (PreparedStatement s = connection.prepareStatement(sql)) {
            s.setString(1, address.channel());
            s.setString(2, address.personKey());
            s.setString(3, address.address());
            s.setLong(4, SqliteLeaveRows.nanos(address.savedAt()));
            s.executeUpdate();
        } catch (SQLException e) {
            throw failure("save the " + address.channel() + " address of " + address.personKey(), e);
        }
    }

    @Override
    public Optional<ChatAddress> addressOf(String channel, Person person) {
        String sql = "SELECT address, saved_at FROM chat_addresses WHERE channel = ? AND person_key = ?";
        return read("read the " + channel + " address of " + person.key(), connection -> {
            try (PreparedStatement s = connection.prepareStatement(sql)) {
                s.setString(1, channel);
                s.setString(2, person.key());
                try (ResultSet rs = s.executeQuery()) {
                    return rs.next() ? Optional.of(new ChatAddress(channel, person.key(), rs.getString(1),
                            SqliteLeaveRows.instant(rs.getLong(2)))) : Optional.empty();
                }
            }
        });
    }

    /** Where the away periods and stand-ins are kept, on this store's connections. */
    @Override
    public AwayCalendar awayCalendar() {
        return away;
    }

    /** Who posts each day's who's-out digest, in this store's file. */
    public DigestDays digestDays() {
        return new SqliteDigestDays(connection, this);
    }

    /** Where the calendar feeds' tokens are kept, on this store's connections. */
    @Override
    public FeedTokens feedTokens() {
        return feeds;
    }

    /** Where the Slack user tokens are kept, on this store's connections. */
    @Override
    public UserTokens userTokens() {
        return userTokens;
    }

    @Override
    public synchronized void close() {
        try {
            prepared.close();
            connection.close();
            for (Connection reader : readers) {
                reader.close();
            }
        } catch (SQLException e) {
            throw failure("close", e);
        }
    }

    private List<LeaveRequest> query(String sql, String... params) {
        return read("read leave requests", reader -> queryOn(reader, sql, params));
    }

    private List<LeaveRequest> queryOn(Connection c, String sql, String... params) throws SQLException {
        PreparedStatement s = prepared.on(c, sql);
        for (int i = 0; i < params.length; i++) {
            s.setString(i + 1, params[i]);
        }
        try (ResultSet rs = s.executeQuery()) {
            List<LeaveRequest> found = new ArrayList<>();
            while (rs.next()) {
                found.add(SqliteLeaveRows.read(rs));
            }
            return found;
        } catch (SQLException | RuntimeException e) {
            s.close(); // the next use prepares it afresh rather than trust its state
            throw e;
        }
    }

    interface Read<T> {
        T on(Connection connection) throws SQLException;
    }

    /** Runs {@code read} on a reader connection, waiting for a free one. */
    <T> T read(String what, Read<T> read) {
        Connection reader;
        try {
            reader = readers.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting to " + what, e);
        }
        try {
            return read.on(reader);
        } catch (SQLException e) {
            throw failure(what, e);
        } finally {
            readers.add(reader);
        }
    }

    interface Write<T> {
        T on(Connection writer) throws SQLException;
    }

    /**
     * Runs {@code body} on the writer connection as one {@code BEGIN IMMEDIATE} transaction: all of its writes, or
     * none. It takes the file's write lock before its first read, so what it reads stays true until it commits,
     * whichever process writes next (a deferred transaction could not upgrade to a write after another's commit).
     */
    private <T> T inTransaction(String what, Write<T> body) {
        try (Statement s = connection.createStatement()) {
            long began = System.nanoTime();
            s.execute("BEGIN IMMEDIATE");
            try {
                T result = body.on(connection);
                s.execute("COMMIT");
                observer.committed(Duration.ofNanos(System.nanoTime() - began));
                return result;
            } catch (SQLException | RuntimeException e) {
                s.execute("ROLLBACK");
                throw e;
            }
        } catch (SQLException e) {
            throw failure(what, e);
        }
    }

    /** The request as the writer sees it (in its transaction). */
    private LeaveRequest storedOn(Connection writer, String id) throws SQLException {
        return queryOn(writer, SELECT + "WHERE id = ?", id).stream().findFirst()
                .orElseThrow(() -> new NoSuchElementException("no leave request with id " + id));
    }

    private int update(String sql, String... params) {
        try (PreparedStatement s = connection.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                s.setString(i + 1, params[i]);
            }
            return s.executeUpdate();
        } catch (SQLException e) {
            throw failure("update leave requests", e);
        }
    }

    private IllegalStateException failure(String what, SQLException e) {
        return new IllegalStateException("cannot " + what + " in " + file.toAbsolutePath() + ": " + e.getMessage(), e);
    }
}
