package io.leavebot.store;

import io.leavebot.leave.AwayCalendar;
import io.leavebot.leave.AwayPeriod;
import io.leavebot.leave.Person;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@link AwayCalendar} in the tables {@code away_periods} and {@code stand_ins} of {@link SqliteLeaveStore}'s file,
 * on its connections: writes on its one writer connection (under its lock), reads on its readers. A save is one
 * {@code BEGIN IMMEDIATE} transaction (read the period, remove those it overlaps, insert it), so two processes
 * saving at once cannot leave overlapping periods behind.
 */
final class SqliteAwayCalendar implements AwayCalendar {
    private static final String COLUMNS = "approver_email, approver_name, from_date, to_date, stand_in_email, "
            + "stand_in_name, saved_at";
    private static final String SELECT = "SELECT " + COLUMNS + " FROM away_periods ";

    /** Runs a read on one of the store's reader connections. */
    interface Reads {
        <T> T read(String what, SqliteLeaveStore.Read<T> read);
    }

    private final Connection writer;
    private final Object writeLock;
    private final Reads reads;

    SqliteAwayCalendar(Connection writer, Object writeLock, Reads reads) {
        this.writer = writer;
        this.writeLock = writeLock;
        this.reads = reads;
    }

    @Override
    public AwayPeriod save(AwayPeriod period) {
        synchronized (writeLock) {
            try (Statement s = writer.createStatement()) {
                s.execute("BEGIN IMMEDIATE");
                try {
                    AwayPeriod kept = saveInTransaction(period);
                    s.execute("COMMIT");
                    return kept;
                } catch (SQLException | RuntimeException e) {
                    s.execute("ROLLBACK");
                    throw e;
                }
            } catch (SQLException e) {
                throw failure("save the away period of " + period.approver().key(), e);
            }
        }
    }

    private AwayPeriod saveInTransaction(AwayPeriod period) throws SQLException {
        Optional<AwayPeriod> same = select(writer, "WHERE approver_key = ? AND from_date = ?",
                period.approver().key(), period.from().toString()).stream().findFirst();
        if (same.isPresent() && same.get().sameAs(period)) {
            return same.get();
        }
        try (PreparedStatement s = writer.prepareStatement(
                "DELETE FROM away_periods WHERE approver_key = ? AND from_date <= ? AND to_date >= ?")) {
            s.setString(1, period.approver().key());
            s.setString(2, period.to().toString());
            s.setString(3, period.from().toString());
            s.executeUpdate();
        }
        try (PreparedStatement s = writer.prepareStatement("INSERT INTO away_periods (approver_key, " + COLUMNS
                + ", stand_in_key) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            s.setString(1, period.approver().key());
            s.setString(2, period.approver().email());
            s.setString(3, StandIns.nameOf(period.approver()));
            s.setString(4, period.from().toString());
            s.setString(5, period.to().toString());
            s.setString(6, period.standIn().email());
            s.setString(7, StandIns.nameOf(period.standIn()));
            s.setLong(8, SqliteLeaveRows.nanos(period.savedAt()));
            s.setString(9, period.standIn().key());
            s.executeUpdate();
        }
        return period;
    }

    @Override
    public boolean cancel(Person approver, LocalDate from) {
        synchronized (writeLock) {
            try (PreparedStatement s = writer.prepareStatement("DELETE FROM away_periods WHERE approver_key = ? AND from_date = ?")) {
                s.setString(1, approver.key());
                s.setString(2, from.toString());
                return s.executeUpdate() > 0;
            } catch (SQLException e) {
                throw failure("cancel the away period of " + approver.key(), e);
            }
        }
    }

    @Override
    public List<AwayPeriod> periodsOf(Person approver, LocalDate day) {
        return reads.read("read the away periods of " + approver.key(), c -> select(c,
                "WHERE approver_key = ? AND to_date >= ? ORDER BY from_date", approver.key(), day.toString()));
    }

    @Override
    public Optional<AwayPeriod> covering(Person approver, LocalDate day) {
        return reads.read("read the away periods of " + approver.key(), c -> select(c,
                "WHERE approver_key = ? AND from_date <= ? AND to_date >= ?", approver.key(), day.toString(),
                day.toString()).stream().findFirst());
    }

    /** Two reads of the local file, which cost little: the period, then the stand-in. */
    @Override
    public Day on(Person approver, LocalDate day) {
        return new Day(covering(approver, day).orElse(null), standInOf(approver).orElse(null));
    }

    @Override
    public void setStandIn(Person approver, Person standIn) {
        StandIns.require(approver, standIn);
        synchronized (writeLock) {
            String sql = standIn == null ? "DELETE FROM stand_ins WHERE approver_key = ?"
                    : "INSERT INTO stand_ins (approver_key, stand_in_key, stand_in_email, stand_in_name) VALUES (?, ?, ?, ?) "
                            + "ON CONFLICT (approver_key) DO UPDATE SET stand_in_key = excluded.stand_in_key, "
                            + "stand_in_email = excluded.stand_in_email, stand_in_name = excluded.stand_in_name";
            try (PreparedStatement s = writer.prepareStatement(sql)) {
                s.setString(1, approver.key());
                if (standIn != null) {
                    s.setString(2, standIn.key());
                    s.setString(3, standIn.email());
                    s.setString(4, StandIns.nameOf(standIn));
                }
                s.executeUpdate();
            } catch (SQLException e) {
                throw failure("save the stand-in of " + approver.key(), e);
            }
        }
    }

    @Override
    public Optional<Person> standInOf(Person approver) {
        String sql = "SELECT stand_in_email, stand_in_name FROM stand_ins WHERE approver_key = ?";
        return reads.read("read the stand-in of " + approver.key(), c -> {
            try (PreparedStatement s = c.prepareStatement(sql)) {
                s.setString(1, approver.key());
                try (ResultSet rs = s.executeQuery()) {
                    return rs.next() ? Optional.of(StandIns.person(rs.getString(1), rs.getString(2))) : Optional.empty();
                }
            }
        });
    }

    private static List<AwayPeriod> select(Connection c, String where, String... params) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(SELECT + where)) {
            for (int i = 0; i < params.length; i++) {
                s.setString(i + 1, params[i]);
            }
            try (ResultSet rs = s.executeQuery()) {
                List<AwayPeriod> found = new ArrayList<>();
                while (rs.next()) {
                    found.add(new AwayPeriod(StandIns.person(rs.getString(1), rs.getString(2)),
                            IsoText.date(rs.getString(3)), IsoText.date(rs.getString(4)),
                            StandIns.person(rs.getString(5), rs.getString(6)), SqliteLeaveRows.instant(rs.getLong(7))));
                }
                return found;
            }
        }
    }

    private static IllegalStateException failure(String what, SQLException e) {
        return new IllegalStateException("cannot " + what + ": " + e.getMessage(), e);
    }
}
