package io.leavebot.email;

import java.time.Duration;

/**
 * Where and how {@link SmtpMailer} delivers.
 *
 * @param host     the SMTP server, e.g. {@code smtp.example.org}
 * @param port     usually 587 (submission with STARTTLS) or 25
 * @param username null or blank for a server that takes mail without logging in
 * @param password used only with a username; never shown by {@link #toString()}
 * @param startTls upgrade to TLS before sending, and refuse to send if the server cannot
 * @param timeout  for connecting, reading and writing
 */
public record SmtpSettings(String host, int port, String username, String password, boolean startTls, Duration timeout) {

    public SmtpSettings {
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException("the SMTP host is not configured");
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("the SMTP port must be between 1 and 65535, but was " + port);
        }
        username = username == null || username.isBlank() ? null : username;
        if (username != null && (password == null || password.isEmpty())) {
            throw new IllegalArgumentException("an SMTP username is configured, but no password");
        }
        if (timeout == null || timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("the SMTP timeout must be positive, but was " + timeout);
        }
        host = host.strip();
    }

    /** A server that takes mail without logging in and without TLS (a local relay, a test server). */
    public static SmtpSettings unauthenticated(String host, int port) {
        return new SmtpSettings(host, port, null, null, false, Duration.ofSeconds(30));
    }

    public boolean authenticates() {
        return username != null;
    }

    @Override
    public String toString() {
        return "SmtpSettings[" + host + ":" + port + (authenticates() ? ", user " + username : "")
                + (startTls ? ", STARTTLS" : "") + ", timeout " + timeout + "]";
    }
}
