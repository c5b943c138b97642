package io.leavebot.store;

import io.leavebot.leave.Person;
import io.leavebot.notify.UserToken;
import io.leavebot.notify.UserTokens;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

/**
 * {@link UserTokens} in the table {@code slack_user_tokens} of {@link SqliteLeaveStore}'s file, on its connections:
 * each write one statement on its writer (under its lock), reads on its readers.
 */
final class SqliteUserTokens implements UserTokens {
    private final Connection writer;
    private final Object writeLock;
    private final SqliteAwayCalendar.Reads reads;
    private final Path file;

    SqliteUserTokens(Connection writer, Object writeLock, SqliteAwayCalendar.Reads reads, Path file) {
        this.writer = writer;
        this.writeLock = writeLock;
        this.reads = reads;
        this.file = file;
    }

    @Override
    public void saveUserToken(UserToken token) {
        String sql = "INSERT INTO slack_user_tokens (person_key, slack_user_id, team_id, sealed_token, status_text, connected_at) "
                + "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (person_key) DO UPDATE SET slack_user_id = excluded.slack_user_id, "
                + "team_id = excluded.team_id, sealed_token = excluded.sealed_token, status_text = excluded.status_text, "
                + "connected_at = excluded.connected_at";
        write("save the Slack token of " + token.personKey(), sql, token.personKey(), token.slackUserId(), token.teamId(),
                token.sealedToken(), token.statusText(), SqliteLeaveRows.nanos(token.connectedAt()));
    }

    @Override
    public Optional<UserToken> userTokenOf(Person person) {
        String sql = "SELECT slack_user_id, team_id, sealed_token, status_text, connected_at FROM slack_user_tokens WHERE person_key = ?";
        return reads.read("read the Slack token of " + person.key(), connection -> {
            try (PreparedStatement s = connection.prepareStatement(sql)) {
                s.setString(1, person.key());
                try (ResultSet rs = s.executeQuery()) {
                    return rs.next() ? Optional.of(new UserToken(person.key(), rs.getString(1), rs.getString(2), rs.getString(3),
                            rs.getString(4), SqliteLeaveRows.instant(rs.getLong(5)))) : Optional.empty();
                }
            }
        });
    }

    @Override
    public void recordStatusText(Person person, String statusText) {
        write("record the Slack status of " + person.key(), "UPDATE slack_user_tokens SET status_text = ? WHERE person_key = ?",
                statusText, person.key());
    }

    @Override
    public boolean forgetUserToken(Person person) {
        return write("forget the Slack token of " + person.key(), "DELETE FROM slack_user_tokens WHERE person_key = ?",
                person.key()) > 0;
    }

    private int write(String what, String sql, Object... params) {
        synchronized (writeLock) {
            try (PreparedStatement s = writer.prepareStatement(sql)) {
                for (int i = 0; i < params.length; i++) {
                    s.setObject(i + 1, params[i]);
                }
                return s.executeUpdate();
            } catch (SQLException e) {
                throw new IllegalStateException("cannot " + what + " in " + file.toAbsolutePath() + ": " + e.getMessage(), e);
            }
        }
    }
}
