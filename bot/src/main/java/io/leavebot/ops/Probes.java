package io.leavebot.ops;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.function.BooleanSupplier;

/** The probes {@code /healthz} runs locally: cheap, bounded by short timeouts, and changing nothing. */
public final class Probes {
    /** How long a probe may wait for a database lock or a mail server. */
    public static final Duration TIMEOUT = Duration.ofSeconds(2);

    private Probes() {
    }

    public static HealthChecks.Probe engineRunning(BooleanSupplier running) {
        return () -> {
            if (!running.getAsBoolean()) {
                throw new IllegalStateException("the durable engine is not running");
            }
        };
    }

    /**
     * Takes the file's write lock and lets it go ({@code BEGIN IMMEDIATE; ROLLBACK}) on a connection of its own: the
     * database can be written, and no writer holds it for longer than {@link #TIMEOUT}. Nothing is written.
     */
    public static HealthChecks.Probe sqliteWritable(Path file) {
        String name = file.getFileName().toString();
        return () -> {
            if (!Files.isRegularFile(file)) {
                throw new IllegalStateException(name + " is missing");
            }
            try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
                    Statement s = c.createStatement()) {
                s.execute("PRAGMA busy_timeout = " + TIMEOUT.toMillis());
                s.execute("BEGIN IMMEDIATE");
                s.execute("ROLLBACK");
            } catch (SQLException e) {
                throw new IllegalStateException(name + " cannot be written: " + e.getMessage(), e);
            }
            // SQLite may open a read-only file and take the lock without complaint; the write would fail later
            if (!Files.isWritable(file)) {
                throw new IllegalStateException(name + " cannot be written: the file is read-only");
            }
        };
    }

    /** Creates and deletes an empty file in {@code folder}, as the outbox does with each e-mail. */
    public static HealthChecks.Probe folderWritable(Path folder) {
        return () -> {
            try {
                Files.createDirectories(folder);
                Files.delete(Files.createTempFile(folder, ".healthz-", ".tmp"));
            } catch (IOException e) {
                throw new IllegalStateException("the outbox folder " + folder.getFileName() + " cannot be written ("
                        + e.getClass().getSimpleName() + ")", e);
            }
        };
    }

    /**
     * Connects, reads the greeting, says {@code EHLO} and {@code QUIT}: the server is there and speaks SMTP. No
     * login: the password stays out of a probe that anyone on loopback may set off.
     */
    public static HealthChecks.Probe smtpReachable(String host, int port) {
        return () -> {
            String where = "the SMTP server " + host + ":" + port;
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(host, port), (int) TIMEOUT.toMillis());
                socket.setSoTimeout((int) TIMEOUT.toMillis());
                var in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
                OutputStream out = socket.getOutputStream();
                expect(in, "220", where + " did not greet");
                out.write("EHLO leavebot-healthz\r\n".getBytes(StandardCharsets.US_ASCII));
                out.flush();
                expect(in, "250", where + " refused EHLO");
                out.write("QUIT\r\n".getBytes(StandardCharsets.US_ASCII));
                out.flush();
            } catch (SocketTimeoutException e) {
                throw new IllegalStateException(where + " did not answer within " + TIMEOUT.toSeconds() + " s", e);
            } catch (IOException e) {
                throw new IllegalStateException(where + " cannot be reached (" + e.getMessage() + ")", e);
            }
        };
    }

    /** Reads one reply (its continuation lines {@code 250-…} too) and checks its code. */
    private static void expect(BufferedReader in, String code, String otherwise) throws IOException {
        String line;
        do {
            line = in.readLine();
            if (line == null || !line.startsWith(code)) {
                throw new IllegalStateException(otherwise + (line == null ? " (connection closed)" : ": " + line));
            }
        } while (line.length() > 3 && line.charAt(3) == '-');
    }
}
