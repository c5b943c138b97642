package io.leavebot.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The local composition, end to end: a request through the JSON API, approved through the link in the e-mail. */
class LocalLauncherTest {
    private static final String KEY = "local-launcher-test-key-0123456789";
    private static final Pattern APPROVE_LINK = Pattern.compile("(http://\\S*/decide\\?token=[^\\s\"<>]*approve[^\\s\"<>]*)");

    @TempDir
    Path dir;

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @Test
    void aRequestMadeThroughTheApiIsApprovedThroughTheLinkInTheApproversEmail() throws Exception {
        var settings = Settings.of(Map.of("LEAVEBOT_DATA_DIR", dir.toString(), "LEAVEBOT_HTTP_PORT", "0",
                "LEAVEBOT_DURABLE_PORT", "0", "LEAVEBOT_API_KEY", KEY, "LEAVEBOT_APPROVER_EMAIL", "grace@example.com"));
        try (var running = LocalLauncher.run(settings)) {
            URI web = running.web().uri();
            LocalDate monday = LocalDate.now().with(TemporalAdjusters.next(DayOfWeek.MONDAY)).plusWeeks(1);
            var created = send(HttpRequest.newBuilder(web.resolve("/api/leaves")).header("Authorization", "Bearer " + KEY)
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(
                            "{\"start_date\":\"" + monday + "\",\"end_date\":\"" + monday.plusDays(2)
                                    + "\",\"employee_email\":\"ada@example.com\",\"reason\":\"Family visit\"}")));
            assertEquals(202, created.statusCode(), created.body());
            String id = created.body().replaceAll(".*\"id\"\\s*:\\s*\"([^\"]+)\".*", "$1");

            String approveLink = awaitOutbox("grace@example.com", APPROVE_LINK);
            // without LEAVEBOT_APPROVER_NAME the approver has no name: greeted plainly, named by address
            awaitOutbox("grace@example.com", Pattern.compile("(\nHello,)"));
            awaitOutbox("ada@example.com", Pattern.compile("(has been sent to grace@example.com for approval)"));
            String token = approveLink.substring(approveLink.indexOf("token=") + 6);
            var page = send(HttpRequest.newBuilder(web.resolve("/decide?token=" + token)).GET());
            assertEquals(200, page.statusCode());
            var decided = send(HttpRequest.newBuilder(web.resolve("/decide")).header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("token=" + URLEncoder.encode(token, StandardCharsets.UTF_8))));
            assertEquals(200, decided.statusCode(), decided.body());

            awaitOutbox("ada@example.com", Pattern.compile("(Good news: grace@example.com approved your)"));
            var status = send(HttpRequest.newBuilder(web.resolve("/api/leaves/" + id)).header("Authorization", "Bearer " + KEY).GET());
            assertTrue(status.body().contains("\"APPROVED\""), status.body());
        }
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return http.send(request.timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Waits for an outbox message to {@code to} whose text matches, and returns the first group. */
    private String awaitOutbox(String to, Pattern pattern) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < deadline) {
            Path outbox = dir.resolve("outbox");
            if (Files.isDirectory(outbox)) {
                try (Stream<Path> files = Files.list(outbox)) {
                    for (Path eml : files.filter(f -> f.toString().endsWith(".eml")).toList()) {
                        String text = Files.readString(eml, StandardCharsets.UTF_8).replace("=\r\n", "").replace("=3D", "=");
                        Matcher m = pattern.matcher(text);
                        if (text.contains("To: " + to) && m.find()) {
                            return m.group(1);
                        }
                    }
                }
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no e-mail to " + to + " matching " + pattern + " in the outbox");
    }
}
