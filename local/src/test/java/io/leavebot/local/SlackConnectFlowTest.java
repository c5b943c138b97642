package io.leavebot.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.leavebot.leave.Person;
import io.leavebot.testing.CapturedLogs;
import io.leavebot.testing.Eventually;
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
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAdjusters;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code /leave connect} end to end on one machine, with the local workspace playing Slack: the command's button
 * leads to the workspace's authorize page, Allow sends the browser back to LeaveBot's redirect page, which keeps
 * the token sealed; a changed or expired link and a grant by someone else than who asked are refused with a page
 * that says so; {@code /leave disconnect} forgets the token.
 */
class SlackConnectFlowTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Person SAM = Person.ofEmail("sam@example.com", "Sam Rivera");
    private static final String API_KEY = "slack-connect-flow-test-key-0123456789";

    @TempDir
    Path dir;
    @RegisterExtension
    final CapturedLogs logs = new CapturedLogs();

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build(); // follows no redirect
    private LocalLauncher.Running running;
    private URI web;

    @BeforeEach
    void start() throws Exception {
        int port;
        try (var socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        running = LocalLauncher.run(Settings.of(Map.of("LEAVEBOT_DATA_DIR", dir.toString(), "LEAVEBOT_HTTP_PORT", Integer.toString(port),
                "LEAVEBOT_PUBLIC_URL", "http://127.0.0.1:" + port, "LEAVEBOT_FAST_CLOCK", "true", "LEAVEBOT_API_KEY", API_KEY,
                "LEAVEBOT_TIME_ZONE", "UTC")));
        web = running.web().uri();
    }

    @AfterEach
    void stop() {
        running.close();
        assertTrue(logs.lines().stream().noneMatch(l -> l.contains("xoxp-")), logs.lines().toString());
    }

    @Test
    void samConnectsThroughTheAuthorizePageAndTheTokenIsKeptSealed() throws Exception {
        String authorize = connectButtonUrl("U0SAM");
        assertTrue(authorize.startsWith(web + "/workspace/oauth/v2/authorize?"), authorize);
        var page = http.send(HttpRequest.newBuilder(URI.create(authorize)).build(), HttpResponse.BodyHandlers.ofString());
        assertTrue(page.body().contains("LeaveBot wants to set your status"), page.body());

        var back = consent(authorize, "U0SAM", "allow");
        assertTrue(back.startsWith(web + "/slack/oauth/callback?code="), back);
        var connected = get(back);

        assertEquals(200, connected.statusCode());
        assertTrue(connected.body().contains("Connected: your status will show when you are on leave."), connected.body());
        var stored = running.store().userTokenOf(SAM).orElseThrow();
        assertEquals("U0SAM", stored.slackUserId());
        assertTrue(stored.sealedToken().startsWith("v1.") && !stored.sealedToken().contains("xoxp-"), stored.sealedToken());
        assertTrue(Files.exists(dir.resolve("token-key")));

        type("U0SAM", "/leave disconnect");
        Eventually.awaitTrue(() -> running.store().userTokenOf(SAM).isEmpty(), "Sam's token forgotten");
    }

    @Test
    void onceConnectedTomsStatusShowsWhileHisApprovedLeaveRunsAndGoesWhenItIsOver() throws Exception {
        get(consent(connectButtonUrl("U0TOM"), "U0TOM", "allow"));
        LocalDate start = LocalDate.now(ZoneOffset.UTC).with(TemporalAdjusters.next(DayOfWeek.MONDAY)).plusWeeks(1);
        var created = api("/api/leaves", "{\"start_date\":\"" + start + "\",\"end_date\":\"" + start.plusDays(2)
                + "\",\"employee_email\":\"tom@example.com\",\"reason\":\"Trip\"}");
        assertEquals(202, created.statusCode(), created.body());
        String id = JSON.readTree(created.body()).path("id").asText();
        Eventually.awaitTrue(() -> apiStatus("/api/leaves/" + id + "/decision", "{\"decision\":\"approve\"}") == 202, "approved");

        post("/workspace/time", "{\"skip\":\"" + Duration.between(Instant.now(), start.atStartOfDay(ZoneOffset.UTC).toInstant()
                .plus(Duration.ofHours(9))) + "\"}");
        String expected = "On leave until " + start.plusDays(2).format(DateTimeFormatter.ofPattern("EEE d MMM", Locale.ENGLISH));
        Eventually.awaitTrue(() -> expected.equals(statusOf("U0TOM")), "Tom's status " + expected);
        // the status shows before the execution has asked for its wait until the leave is over: skip once it waits
        assertTrue(running.engine().awaitIdle(Duration.ofSeconds(20)), "the execution waits until the leave is over");

        post("/workspace/time", "{\"skip\":\"P3D\"}");
        Eventually.awaitTrue(() -> statusOf("U0TOM") == null, "Tom's status cleared");
    }

    @Test
    void aGrantBySomeoneElseIsRefusedAndNothingKept() throws Exception {
        String authorize = connectButtonUrl("U0SAM");

        var refused = get(consent(authorize, "U0TOM", "allow"));

        assertEquals(403, refused.statusCode());
        assertTrue(refused.body().contains("This link was made for another Slack user"), refused.body());
        assertTrue(running.store().userTokenOf(SAM).isEmpty());
        assertTrue(running.store().userTokenOf(Person.ofEmail("tom@example.com", null)).isEmpty());
    }

    @Test
    void cancellingOnTheAuthorizePageConnectsNothing() throws Exception {
        var denied = get(consent(connectButtonUrl("U0SAM"), "U0SAM", "cancel"));

        assertEquals(200, denied.statusCode());
        assertTrue(denied.body().contains("You did not allow LeaveBot to set your status"), denied.body());
        assertTrue(running.store().userTokenOf(SAM).isEmpty());
    }

    @Test
    void aChangedStateIsRefusedWithAPageNotAStackTrace() throws Exception {
        String back = consent(connectButtonUrl("U0SAM"), "U0SAM", "allow");
        String tampered = back.replaceFirst("state=([A-Za-z0-9_-])", "state=Z$1");

        var refused = get(tampered);

        assertEquals(400, refused.statusCode());
        assertTrue(refused.body().contains("This link does not work"), refused.body());
        assertFalse(refused.body().contains("Exception"), refused.body());
        assertTrue(running.store().userTokenOf(SAM).isEmpty());
    }

    @Test
    void aLinkUsedAfterTenMinutesHasExpired() throws Exception {
        String authorize = connectButtonUrl("U0SAM");
        post("/workspace/time", "{\"skip\":\"PT11M\"}"); // LeaveBot's fast clock: the state was signed 11 minutes ago

        var expired = get(consent(authorize, "U0SAM", "allow"));

        assertEquals(400, expired.statusCode());
        assertTrue(expired.body().contains("This link has expired"), expired.body());
        assertTrue(running.store().userTokenOf(SAM).isEmpty());
    }

    /** The member's status text as the workspace shows it, or null for none. */
    private String statusOf(String user) {
        try {
            JsonNode status = JSON.readTree(get("/workspace/state?user=" + user).body()).path("status");
            return status.isMissingNode() ? null : status.path("text").asText();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private HttpResponse<String> api(String path, String json) throws Exception {
        return http.send(HttpRequest.newBuilder(web.resolve(path)).header("Authorization", "Bearer " + API_KEY)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private int apiStatus(String path, String json) {
        try {
            return api(path, json).statusCode();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Types {@code /leave connect} as {@code user} and returns the URL of the button in LeaveBot's ephemeral answer. */
    private String connectButtonUrl(String user) throws Exception {
        type(user, "/leave connect");
        return Eventually.await(() -> buttonUrl(user), "the connect button");
    }

    private Optional<String> buttonUrl(String user) {
        try {
            JsonNode state = JSON.readTree(get("/workspace/state?user=" + user).body());
            return StreamSupport.stream(state.path("messages").spliterator(), false)
                    .flatMap(m -> StreamSupport.stream(m.path("blocks").spliterator(), false))
                    .flatMap(b -> StreamSupport.stream(b.path("elements").spliterator(), false))
                    .filter(e -> e.hasNonNull("url")).map(e -> e.path("url").asText()).findFirst();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Chooses on the authorize page as {@code user}; returns where the workspace sends the browser. */
    private String consent(String authorize, String user, String choice) throws Exception {
        var answer = http.send(HttpRequest.newBuilder(URI.create(authorize)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("user=" + user + "&choice=" + choice)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(302, answer.statusCode(), answer.body());
        return answer.headers().firstValue("Location").orElseThrow();
    }

    private void type(String user, String text) throws Exception {
        post("/workspace/type", JSON.createObjectNode().put("user", user).put("text", text).toString());
    }

    private void post(String path, String json) throws Exception {
        var answer = http.send(HttpRequest.newBuilder(web.resolve(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, answer.statusCode(), answer.body());
    }

    private HttpResponse<String> get(String pathOrUrl) throws Exception {
        URI uri = pathOrUrl.startsWith("http") ? URI.create(pathOrUrl) : web.resolve(pathOrUrl);
        return http.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
    }

}
