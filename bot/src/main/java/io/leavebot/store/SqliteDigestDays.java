package io.leavebot.store;

import io.leavebot.notify.DigestDays;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;

/**
 * {@link DigestDays} in the table {@code digest_days} of {@link SqliteLeaveStore}'s file, on its writer connection
 * (under its lock): the claim is an insert that keeps the first row, then a read of who holds it.
 */
final class SqliteDigestDays implements DigestDays {
    private final Connection writer;
    private final Object writeLock;

    SqliteDigestDays(Connection writer, Object writeLock) {
        this.writer = writer;
        this.writeLock = writeLock;
    }

    @Override
    public boolean claim(LocalDate day, String channel, String claimer, Instant at) {
        synchronized (writeLock) {
            try (PreparedStatement insert = writer.prepareStatement("INSERT INTO digest_days (day, channel, claimed_by, "
                    + "claimed_at) VALUES (?, ?, ?, ?) ON CONFLICT (day, channel) DO NOTHING");
                    PreparedStatement holder = writer.prepareStatement(
                            "SELECT claimed_by FROM digest_days WHERE day = ? AND channel = ?")) {
                insert.setString(1, day.toString());
                insert.setString(2, channel);
                insert.setString(3, claimer);
                insert.setLong(4, SqliteLeaveRows.nanos(at));
                insert.executeUpdate();
                holder.setString(1, day.toString());
                holder.setString(2, channel);
                try (ResultSet rs = holder.executeQuery()) {
                    return rs.next() && rs.getString(1).equals(claimer);
                }
            } catch (SQLException e) {
                throw new IllegalStateException("cannot claim the digest of " + day + " on " + channel + ": " + e.getMessage(), e);
            }
        }
    }
}
