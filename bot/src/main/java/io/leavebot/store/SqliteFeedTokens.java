package io.leavebot.store;

import io.leavebot.exports.FeedTokens;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;

/**
 * {@link FeedTokens} in {@code calendar_feeds} of {@link SqliteLeaveStore}'s file, on its connections: one row per
 * feed, which a rotation overwrites in one statement, so the old token stops working as the new one starts.
 */
final class SqliteFeedTokens implements FeedTokens {
    private final Connection writer;
    private final Object writeLock;
    private final SqliteAwayCalendar.Reads reads;

    SqliteFeedTokens(Connection writer, Object writeLock, SqliteAwayCalendar.Reads reads) {
        this.writer = writer;
        this.writeLock = writeLock;
        this.reads = reads;
    }

    @Override
    public void replaceToken(String feed, String tokenHash, Instant at) {
        String sql = "INSERT INTO calendar_feeds (feed, token_hash, created_at) VALUES (?, ?, ?) "
                + "ON CONFLICT (feed) DO UPDATE SET token_hash = excluded.token_hash, created_at = excluded.created_at";
        synchronized (writeLock) {
            try (PreparedStatement s = writer.prepareStatement(sql)) {
                s.setString(1, feed);
                s.setString(2, tokenHash);
                s.setLong(3, at.toEpochMilli());
                s.executeUpdate();
            } catch (SQLException e) {
                throw new IllegalStateException("cannot save the token of calendar feed " + feed + ": " + e.getMessage(), e);
            }
        }
    }

    @Override
    public Optional<String> feedWithToken(String tokenHash) {
        return reads.read("find a calendar feed", reader -> one(reader,
                "SELECT feed FROM calendar_feeds WHERE token_hash = ?", tokenHash).map(rs -> rs));
    }

    @Override
    public Optional<Instant> tokenMadeAt(String feed) {
        return reads.read("read calendar feed " + feed, reader -> one(reader,
                "SELECT created_at FROM calendar_feeds WHERE feed = ?", feed).map(ms -> Instant.ofEpochMilli(Long.parseLong(ms))));
    }

    private static Optional<String> one(Connection reader, String sql, String param) throws SQLException {
        try (PreparedStatement s = reader.prepareStatement(sql)) {
            s.setString(1, param);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
            }
        }
    }
}
