package io.leavebot.local;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * {@link LocalLauncher#main} as a process of its own, as {@code java -jar} runs it, on the test's class path: a data
 * folder under {@code dir} that every start reuses, a free port per start, the JSON API on with {@link #API_KEY},
 * e-mail to the outbox folder, the local workspace off, and nothing of the test's own environment that LeaveBot
 * reads. {@link #kill} is SIGKILL; {@link #close} kills whatever still runs. Its output goes to {@code leavebot.log}
 * in {@code dir}, whose end every timeout's message shows.
 */
final class LeaveBotProcess implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    static final String API_KEY = "kill-between-stages-test-key-0123456789";
    private static final Duration PATIENCE = Duration.ofSeconds(20);
    private static final List<String> ITS_SETTINGS = List.of("LEAVEBOT_", "SLACK_", "TEAMS_", "SMTP_");

    /** An e-mail in the outbox. */
    record Mail(String file, String to, String subject) {
    }

    private final Path dir;
    private final Path dataDir;
    private final Path log;
    private final Map<String, String> settings;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();
    private Process process;
    private URI web;

    /** @param settings environment variables besides the ones this class sets */
    LeaveBotProcess(Path dir, Map<String, String> settings) {
        this.dir = dir;
        this.dataDir = dir.resolve("data");
        this.log = dir.resolve("leavebot.log");
        this.settings = Map.copyOf(settings);
    }

    /** What a command ({@code ./leavebot backup ...}) printed, and its exit status. */
    record CommandResult(int exitStatus, String output) {
    }

    /** Starts LeaveBot on the data folder and returns once its web server answers. */
    void start() throws IOException {
        int port = freePort();
        var builder = launcher(port).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        process = builder.start();
        web = URI.create("http://127.0.0.1:" + port);
        await("LeaveBot to answer on " + web, this::answers);
    }

    /** Runs {@code java -jar leavebot.jar <arguments>} on the same data folder and settings, to its end. */
    CommandResult command(String... arguments) throws IOException, InterruptedException {
        Path output = Files.createTempFile(dir, "command-", ".log");
        Process command = launcher(0, arguments).redirectOutput(output.toFile()).start();
        if (!command.waitFor(PATIENCE.toSeconds(), java.util.concurrent.TimeUnit.SECONDS)) {
            command.destroyForcibly().waitFor();
            throw new AssertionError("waited " + PATIENCE.toSeconds() + " s for " + List.of(arguments) + " to end\n" + Files.readString(output));
        }
        return new CommandResult(command.exitValue(), Files.readString(output));
    }

    /** The data folder every start reuses. */
    Path dataDir() {
        return dataDir;
    }

    private ProcessBuilder launcher(int port, String... arguments) {
        List<String> commandLine = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), LocalLauncher.class.getName()));
        commandLine.addAll(List.of(arguments));
        var builder = new ProcessBuilder(commandLine).directory(dir.toFile()).redirectErrorStream(true);
        Map<String, String> env = builder.environment();
        env.keySet().removeIf(name -> ITS_SETTINGS.stream().anyMatch(name::startsWith));
        env.putAll(Map.of("LEAVEBOT_DATA_DIR", dataDir.toString(), "LEAVEBOT_HTTP_PORT", Integer.toString(port),
                "LEAVEBOT_API_KEY", API_KEY, "LEAVEBOT_MAIL", "outbox", "LEAVEBOT_WORKSPACE", "false",
                "LEAVEBOT_TIME_ZONE", "UTC"));
        env.putAll(settings);
        return builder;
    }

    /** SIGTERM, as Ctrl+C or systemd's stop: the shutdown hook closes everything; waits until the process is gone. */
    void stop() throws InterruptedException {
        process.destroy();
        process.waitFor();
    }

    /** SIGKILL, and waits until the process is gone: no shutdown hook runs, nothing is flushed or closed. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    @Override
    public void close() throws InterruptedException {
        if (process != null && process.isAlive()) {
            kill();
        }
    }

    /** A JSON API call with the key; {@code body} null for none. */
    HttpResponse<String> api(String method, String path, String body) throws IOException, InterruptedException {
        var request = HttpRequest.newBuilder(web.resolve(path)).timeout(Duration.ofSeconds(10))
                .header("Authorization", "Bearer " + API_KEY).header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Waits until the request's status is {@code status}. */
    /**
     * Asks, through the JSON API, for annual leave from Monday to Wednesday of the week after next: three working
     * days (no public holidays without {@code LEAVEBOT_COUNTRY}). Returns the request's id.
     */
    String submitWeekAfterNext(String employee) throws IOException, InterruptedException {
        LocalDate monday = LocalDate.now(ZoneOffset.UTC).with(TemporalAdjusters.next(DayOfWeek.MONDAY)).plusWeeks(1);
        var created = api("POST", "/api/leaves", "{\"start_date\": \"" + monday + "\", \"end_date\": \"" + monday.plusDays(2)
                + "\", \"employee_email\": \"" + employee + "\", \"type\": \"annual\", \"reason\": \"Family visit\"}");
        assertEquals(202, created.statusCode(), created.body());
        return JSON.readTree(created.body()).get("id").asText();
    }

    /** Approves {@code id} through the JSON API as {@code approver}, who must be asked now. */
    void approveAs(String id, String approver) throws IOException, InterruptedException {
        assertEquals(202, api("POST", "/api/leaves/" + id + "/decision",
                "{\"decision\": \"approve\", \"decider_email\": \"" + approver + "\"}").statusCode());
    }

    /** Each person got {@code counts} e-mails, no two alike (same recipient and subject). */
    void assertEveryMailOnce(Map<String, Integer> counts) {
        Map<String, Integer> found = new TreeMap<>();
        for (String to : counts.keySet()) {
            List<Mail> mails = mailTo(to);
            found.put(to, mails.size());
            assertEquals(mails.size(), mails.stream().map(Mail::subject).distinct().count(), outboxListing());
        }
        assertEquals(new TreeMap<>(counts), found, outboxListing());
    }

    void awaitStatus(String id, String status) {
        await("request " + id + " to be " + status, () -> {
            try {
                return api("GET", "/api/leaves/" + id, null).body().contains("\"status\":\"" + status + "\"");
            } catch (IOException e) {
                return false;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        });
    }

    /** Waits until the outbox holds at least {@code count} e-mails to {@code to}. */
    void awaitMail(String to, int count) {
        await(count + " e-mail(s) to " + to + "\n" + outboxListing(), () -> mailTo(to).size() >= count);
    }

    /** The e-mails to {@code to} in the outbox, by file name. */
    List<Mail> mailTo(String to) {
        return outbox().stream().filter(m -> m.to().contains(to)).toList();
    }

    /** Every e-mail in the outbox, one a line, for failure messages. */
    String outboxListing() {
        return outbox().stream().map(m -> m.to() + " | " + m.subject() + " | " + m.file())
                .collect(Collectors.joining("\n", "outbox:\n", "\n"));
    }

    private List<Mail> outbox() {
        Path folder = dataDir.resolve("outbox");
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".eml")).sorted().map(LeaveBotProcess::mail).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Mail mail(Path eml) {
        try (InputStream in = Files.newInputStream(eml)) {
            var message = new MimeMessage(Session.getInstance(new Properties()), in);
            String to = Arrays.stream(message.getRecipients(Message.RecipientType.TO)).map(Object::toString)
                    .collect(Collectors.joining(", "));
            return new Mail(eml.getFileName().toString(), to, message.getSubject());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (MessagingException e) {
            throw new IllegalStateException("not an e-mail: " + eml, e);
        }
    }

    private boolean answers() {
        if (!process.isAlive()) {
            throw new AssertionError("LeaveBot stopped (exit " + process.exitValue() + ")\n" + logTail());
        }
        try {
            api("GET", "/api/leaves/none", null);
            return true;
        } catch (IOException notYet) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * With {@code LEAVEBOT_FAST_CLOCK}, while LeaveBot is down: its time at the next start is {@code at} (the fast
     * clock keeps how far it is ahead of the real time in the data folder), so the timers due by then fire at once.
     */
    void skipTimeWhileDownTo(Instant at) throws IOException {
        Files.createDirectories(dataDir);
        Files.writeString(dataDir.resolve("fast-clock-skipped.txt"), Duration.between(Instant.now(), at).toString());
    }

    /** How many times the step named {@code step} succeeded in the request's execution, from the engine's file. */
    long stepsSucceeded(String requestId, String step) {
        return eventsOf(requestId).stream().filter(e -> e.path("EventType").asText().equals("StepSucceeded")
                && e.path("Name").asText().equals(step)).count();
    }

    /** Waits until the step named {@code step} has succeeded in the request's execution. */
    void awaitStep(String requestId, String step) {
        await(step + " in the execution of " + requestId, () -> stepsSucceeded(requestId, step) > 0);
    }

    /** Waits until the request's execution has the status {@code status} (it ends a moment after its last step). */
    void awaitExecutionStatus(String requestId, String status) {
        await("the execution of " + requestId + " to be " + status, () -> status.equals(executionStatus(requestId)));
    }

    /** The status of the request's execution, from the engine's file. */
    String executionStatus(String requestId) {
        return withEngineFile("SELECT status FROM executions WHERE name = ?", requestId, rs -> rs.next() ? rs.getString(1) : null);
    }

    private List<JsonNode> eventsOf(String requestId) {
        List<JsonNode> found = withEngineFile("SELECT e.json FROM events e JOIN executions x ON x.id = e.execution WHERE x.name = ? ORDER BY e.event_id",
                requestId, rs -> {
                    List<JsonNode> events = new ArrayList<>();
                    while (rs.next()) {
                        events.add(JSON.readTree(rs.getString(1)));
                    }
                    return events;
                });
        return found == null ? List.of() : found;
    }

    private interface Rows<T> {
        T read(ResultSet rs) throws SQLException, IOException;
    }

    private <T> T withEngineFile(String sql, String requestId, Rows<T> rows) {
        Path file = dataDir.resolve("leavebot.db");
        if (!Files.exists(file)) {
            return null; // not started yet: reading would create it
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, "leave-" + requestId);
            try (ResultSet rs = s.executeQuery()) {
                return rows.read(rs);
            }
        } catch (SQLException | IOException e) {
            throw new IllegalStateException("cannot read the engine's file " + file + ": " + e, e);
        }
    }

    private void await(String what, BooleanSupplier done) {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (!done.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("waited " + PATIENCE.toSeconds() + " s for " + what + "\n" + logTail());
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    /** The last lines LeaveBot printed, across its starts. */
    private String logTail() {
        try {
            List<String> lines = Files.exists(log) ? Files.readAllLines(log) : List.of();
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    private static int freePort() throws IOException {
        try (var socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
