package io.leavebot.store;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * The versions of {@link SqliteLeaveStore}'s tables and the migrations between them. The version is the file's
 * {@code PRAGMA user_version}; a file from release 0.1.0, which set none, is version 1. On open, each missing
 * migration runs in its own {@code BEGIN IMMEDIATE} transaction that re-reads the version first, so a process
 * killed half-way leaves the file as it was, and two processes opening one file migrate it once. A file written by
 * a newer LeaveBot is refused rather than misread.
 *
 * <p>A schema change is a new entry at the end of {@link #MIGRATIONS}, never an edit of an earlier one: a data
 * folder may be at any earlier version ({@code ReleaseDataTest} opens one from the last release).
 */
final class SqliteSchema {
    /**
     * Version 1, as release 0.1.0 created it. The partial indexes serve queries whose WHERE repeats their condition word for word (SQLite only uses a
     * partial index when the query implies its condition, and a bound parameter never does).
     */
    private static final String[] RELEASE_0_1_0 = {
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

    /**
     * Version 3: people are known by e-mail, and their Slack user ids live in the chat address book. The ids that
     * rows keep beside an e-mail are copied there, the newest row's when a person has several; an address already
     * saved stays. The rows keep them too, for LeaveBot 0.1.0. ({@code WHERE true} tells SQLite the {@code ON} that
     * follows is the upsert's, not a join's.)
     */
    private static final String[] SLACK_IDS_TO_ADDRESS_BOOK = {
        """
        INSERT INTO chat_addresses (channel, person_key, address, saved_at)
          SELECT 'slack', person_key, address, saved_at FROM (
            SELECT lower(employee_email) AS person_key, employee_slack AS address, updated_at AS saved_at FROM leave_requests
              WHERE employee_email IS NOT NULL AND employee_slack IS NOT NULL
            UNION ALL
            SELECT lower(approver_email), approver_slack, updated_at FROM leave_requests
              WHERE approver_email IS NOT NULL AND approver_slack IS NOT NULL
            UNION ALL
            SELECT lower(decided_by_email), decided_by_slack, updated_at FROM leave_requests
              WHERE decided_by_email IS NOT NULL AND decided_by_slack IS NOT NULL)
          WHERE true ORDER BY saved_at DESC
          ON CONFLICT (channel, person_key) DO NOTHING""",
    };

    /**
     * Version 4: a request's approval chain (JSON, {@code ChainJson}; null in rows written before, which read as the
     * one-approver chain of their approver columns), and who each PENDING request waits on now, approvers and
     * stand-ins, which replaces the index on the approver column.
     */
    private static final String[] APPROVAL_CHAINS = {
        "ALTER TABLE leave_requests ADD COLUMN approval_chain TEXT",
        """
        CREATE TABLE leave_waiting (person_key TEXT NOT NULL, request_id TEXT NOT NULL, created_at INTEGER NOT NULL,
          PRIMARY KEY (person_key, created_at, request_id)) WITHOUT ROWID""",
        "CREATE INDEX leave_waiting_by_request ON leave_waiting(request_id)",
        "INSERT INTO leave_waiting (person_key, request_id, created_at) SELECT approver_key, id, created_at "
                + "FROM leave_requests WHERE status = 'PENDING' AND callback_id IS NOT NULL",
        "DROP INDEX leave_requests_pending_by_approver",
    };

    /**
     * Version 5: approvers' away periods (inclusive ISO days; periods of one approver never overlap) and standing stand-ins,
     * people kept by key, e-mail and name ({@link SqliteAwayCalendar}).
     */
    private static final String[] AWAY_CALENDAR = {
        """
        CREATE TABLE away_periods (approver_key TEXT NOT NULL, from_date TEXT NOT NULL, to_date TEXT NOT NULL,
          approver_email TEXT NOT NULL, approver_name TEXT, stand_in_key TEXT NOT NULL, stand_in_email TEXT NOT NULL,
          stand_in_name TEXT, saved_at INTEGER NOT NULL, PRIMARY KEY (approver_key, from_date)) WITHOUT ROWID""",
        """
        CREATE TABLE stand_ins (approver_key TEXT PRIMARY KEY, stand_in_key TEXT NOT NULL, stand_in_email TEXT NOT NULL,
          stand_in_name TEXT) WITHOUT ROWID""",
    };

    /**
     * Version 6: the leave ledger ({@link io.leavebot.balance.LedgerEntry}: leave taken, refunded, adjusted), amounts
     * in exact hundredths of the type's unit, read by person oldest first; and each request's working days as
     * counted when it was made (NULL in rows written before, which read as their Monday-to-Friday count, as then).
     */
    private static final String[] LEDGER = {
        """
        CREATE TABLE leave_ledger (id TEXT PRIMARY KEY, person_key TEXT NOT NULL, person_name TEXT,
          type TEXT NOT NULL, leave_year INTEGER NOT NULL, kind TEXT NOT NULL, amount INTEGER NOT NULL,
          request_id TEXT, leave_start TEXT, at INTEGER NOT NULL, by_key TEXT, by_name TEXT, reason TEXT) WITHOUT ROWID""",
        "CREATE INDEX leave_ledger_by_person ON leave_ledger(person_key, at, id)",
        "CREATE INDEX leave_ledger_by_request ON leave_ledger(request_id) WHERE request_id IS NOT NULL",
        "ALTER TABLE leave_requests ADD COLUMN working_days REAL",
    };

    /**
     * Version 7: leave that lives on after approval. The callback each approved request's execution waits on until
     * its leave is over ({@code leave_watches}, which a cancellation completes); people's linked Slack accounts, the
     * user token sealed ({@code slack_user_tokens}); calendar feeds by the SHA-256 of their secret token
     * ({@code calendar_feeds}, one row per feed: a rotation replaces it); the days whose who's-out digest was
     * claimed, and by which execution ({@code digest_days}); and an index for who is out between two days, across everyone.
     */
    private static final String[] LIVES_ON = {
        "CREATE TABLE leave_watches (request_id TEXT PRIMARY KEY, callback_id TEXT NOT NULL) WITHOUT ROWID",
        """
        CREATE TABLE slack_user_tokens (person_key TEXT PRIMARY KEY, slack_user_id TEXT NOT NULL, team_id TEXT,
          sealed_token TEXT NOT NULL, status_text TEXT, connected_at INTEGER NOT NULL) WITHOUT ROWID""",
        """
        CREATE TABLE calendar_feeds (feed TEXT PRIMARY KEY, token_hash TEXT NOT NULL UNIQUE,
          created_at INTEGER NOT NULL) WITHOUT ROWID""",
        "CREATE TABLE digest_days (day TEXT NOT NULL, channel TEXT NOT NULL, claimed_by TEXT NOT NULL, claimed_at INTEGER NOT NULL, "
                + "PRIMARY KEY (day, channel)) WITHOUT ROWID",
        "CREATE INDEX leave_requests_open_by_start ON leave_requests(start_date) WHERE status IN ('PENDING', 'APPROVED')",
    };

    /** Migration n (from 1) brings a file from version n − 1 to version n. */
    private static final List<String[]> MIGRATIONS = List.of(
            RELEASE_0_1_0,
            new String[] {
                // every callback a request had, so an answer by callback id finds its request even once replaced
                """
                CREATE TABLE leave_callbacks (callback_id TEXT PRIMARY KEY, request_id TEXT NOT NULL) WITHOUT ROWID""",
                "INSERT INTO leave_callbacks (callback_id, request_id) SELECT callback_id, id FROM leave_requests "
                        + "WHERE callback_id IS NOT NULL",
                """
                CREATE TABLE leave_audit (request_id TEXT NOT NULL, round INTEGER NOT NULL, event TEXT NOT NULL,
                  at INTEGER NOT NULL, actor TEXT, details TEXT, PRIMARY KEY (request_id, round, event)) WITHOUT ROWID""",
            },
            SLACK_IDS_TO_ADDRESS_BOOK,
            APPROVAL_CHAINS,
            AWAY_CALENDAR,
            LEDGER,
            LIVES_ON);

    /** The version this LeaveBot writes. */
    static final int LATEST = MIGRATIONS.size();

    private SqliteSchema() {
    }

    /**
     * Brings the file to {@link #LATEST}.
     *
     * @throws IllegalStateException if the file is newer than this LeaveBot, or a migration fails (then nothing of
     *                               it stays)
     */
    static void migrate(Connection connection, String file) throws SQLException {
        migrateUpTo(connection, file, LATEST);
    }

    /** Brings the file to {@code version} (at most {@link #LATEST}); tests make files of earlier versions with it. */
    static void migrateUpTo(Connection connection, String file, int version) throws SQLException {
        for (int target = version(connection) + 1; target <= version; target++) {
            migrateTo(connection, target, file);
        }
        int found = version(connection);
        if (found > LATEST) {
            throw new IllegalStateException(file + " was written by a newer LeaveBot (schema version " + found
                    + "; this one knows versions up to " + LATEST + "): run that LeaveBot, or this one on another data folder");
        }
    }

    /** The file's version: its user_version, or 1 for a file of release 0.1.0 (tables, but no version). */
    static int version(Connection connection) throws SQLException {
        try (Statement s = connection.createStatement()) {
            int version;
            try (ResultSet rs = s.executeQuery("PRAGMA user_version")) {
                version = rs.next() ? rs.getInt(1) : 0;
            }
            if (version == 0) {
                try (ResultSet rs = s.executeQuery("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'leave_requests'")) {
                    return rs.next() ? 1 : 0;
                }
            }
            return version;
        }
    }

    private static void migrateTo(Connection connection, int target, String file) throws SQLException {
        try (Statement s = connection.createStatement()) {
            s.execute("BEGIN IMMEDIATE"); // the write lock before the version is read again
            try {
                if (version(connection) < target) { // another process may have migrated it meanwhile
                    for (String ddl : MIGRATIONS.get(target - 1)) {
                        s.execute(ddl);
                    }
                    s.execute("PRAGMA user_version = " + target);
                }
                s.execute("COMMIT");
            } catch (SQLException | RuntimeException e) {
                s.execute("ROLLBACK");
                throw new IllegalStateException("cannot bring " + file + " to schema version " + target
                        + " (nothing was changed): " + e.getMessage(), e);
            }
        }
    }
}
