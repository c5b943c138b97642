package io.leavebot.notify;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.leavebot.durable.lambda.AwsApiException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which failures a step that tells people tries again: those that pass by themselves, and nothing else. */
class TransientFailuresTest {
    @TempDir
    Path dir;

    @Test
    void aDatabaseBusyWithAnotherWriterMayPassAndOtherDatabaseErrorsDoNot() throws Exception {
        Path file = dir.resolve("busy.db");
        try (Connection holder = DriverManager.getConnection("jdbc:sqlite:" + file);
                Connection other = DriverManager.getConnection("jdbc:sqlite:" + file);
                Statement hold = holder.createStatement(); Statement write = other.createStatement()) {
            hold.execute("CREATE TABLE t (x)");
            hold.execute("BEGIN IMMEDIATE");
            write.execute("PRAGMA busy_timeout = 0");
            SQLException busy = null;
            try {
                write.execute("BEGIN IMMEDIATE");
            } catch (SQLException e) {
                busy = e;
            }
            assertTrue(busy != null && TransientFailures.mayPass(new IllegalStateException("cannot write", busy)),
                    "SQLite's own busy error, wrapped as the stores wrap it: " + busy);
            SQLException noTable = null;
            try {
                write.execute("SELECT * FROM missing");
            } catch (SQLException e) {
                noTable = e;
            }
            assertFalse(TransientFailures.mayPass(new IllegalStateException("cannot read", noTable)), "a bug: " + noTable);
        }
        assertTrue(Files.exists(file));
    }

    @Test
    void anAwsAnswerMayPassWhenThrottledOrAServerFaultAndNotWhenARefusal() {
        for (var passing : List.of(new AwsApiException(429, "TooManyRequestsException", "Maximum sending rate exceeded.", null),
                new AwsApiException(400, "ThrottlingException", "Rate exceeded", null),
                new AwsApiException(400, "LimitExceededException", "Too many requests", null),
                new AwsApiException(500, "InternalFailure", "Internal failure", null),
                new AwsApiException(503, null, "ses answered HTTP 503", null))) {
            assertTrue(TransientFailures.mayPass(new IllegalStateException("sending", passing)), passing.errorCode());
        }
        for (var refusal : List.of(new AwsApiException(400, "MessageRejected", "Email address is not verified.", null),
                new AwsApiException(403, "AccessDeniedException", "not authorized to perform: ses:SendEmail", null),
                new AwsApiException(404, "ResourceNotFoundException", "Secrets Manager can't find the specified secret.", null))) {
            assertFalse(TransientFailures.mayPass(refusal), refusal.errorCode());
        }
    }

    @Test
    void aProgrammingErrorDoesNotPass() {
        assertFalse(TransientFailures.mayPass(new NullPointerException("leave.employee()")));
        assertTrue(TransientFailures.mayPass(new RuntimeException("posting", new ChatUnavailableException("Slack is down"))));
    }

    @Test
    void noAnswerMayPass() {
        assertTrue(TransientFailures.mayPass(new java.io.UncheckedIOException("dynamodb did not answer",
                new java.net.SocketException("Connection reset"))));
        assertTrue(TransientFailures.mayPass(new java.net.ConnectException("Connection refused")));
        assertTrue(TransientFailures.mayPass(new java.net.http.HttpTimeoutException("request timed out")));
        assertFalse(TransientFailures.mayPass(new java.io.UncheckedIOException(new java.io.FileNotFoundException("x"))));
    }
}
