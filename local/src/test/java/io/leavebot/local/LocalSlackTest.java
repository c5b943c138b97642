package io.leavebot.local;

import static io.leavebot.testing.Eventually.await;
import static io.leavebot.testing.Eventually.awaitTrue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.leavebot.local.Settings.SettingsException;
import io.leavebot.slack.DecisionButtons;
import io.leavebot.testing.SlackApi;
import io.leavebot.testing.SlackRequests;
import io.leavebot.testing.SlackRequests.Signed;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The local launcher with Slack over HTTP, end to end on real sockets: a signed {@code /leave} to
 * {@code /slack/events}, the approver's DM in (WireMock) Slack, the approver's click, the employee's outcome DM.
 */
class LocalSlackTest {
    @TempDir
    Path dir;

    private final SlackApi slack = new SlackApi().member("U0ADA", "ada@example.com", "Ada Lovelace")
            .member("U0GRACE", "grace@example.com", "Grace Hopper");
    private final SlackRequests requests = new SlackRequests(Instant::now, slack.responseUrl());
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @AfterEach
    void stopSlack() {
        slack.close();
    }

    @Test
    void aLeaveAskedWithSlashLeaveIsApprovedByTheApproversClickAndTheEmployeeIsToldInSlack() throws Exception {
        try (var running = LocalLauncher.run(settings(Map.of("SLACK_SIGNING_SECRET", SlackRequests.SIGNING_SECRET)))) {
            URI events = running.web().uri().resolve(LocalSlack.EVENTS_PATH);
            LocalDate monday = LocalDate.now().with(TemporalAdjusters.next(DayOfWeek.MONDAY)).plusWeeks(1);

            var ack = post(events, requests.command("U0ADA", monday + " " + monday.plusDays(2) + " Family visit"));
            assertEquals(200, ack.statusCode(), ack.body());

            String approve = await(() -> slack.buttonValue("DU0GRACE", DecisionButtons.APPROVE), "the approval DM to Grace");
            var click = post(events, requests.click("U0GRACE", DecisionButtons.APPROVE, approve));
            assertEquals(200, click.statusCode(), click.body());

            awaitTrue(() -> slack.postsTo("DU0ADA") >= 2, "the outcome DM to Ada");
            String outcome = slack.calls("chat.postMessage").stream().filter(c -> "DU0ADA".equals(c.get("channel")))
                    .reduce((first, second) -> second).orElseThrow().get("text");
            assertTrue(outcome.toLowerCase().contains("approved"), outcome);
            awaitTrue(() -> !slack.calls("chat.update").isEmpty(), "the approval DM updated");
        }
    }

    @Test
    void slacksEndpointRefusesUnsignedRequestsAndIsNotServedWithoutSlack() throws Exception {
        try (var running = LocalLauncher.run(settings(Map.of("SLACK_SIGNING_SECRET", SlackRequests.SIGNING_SECRET)))) {
            URI events = running.web().uri().resolve(LocalSlack.EVENTS_PATH);
            Signed forged = requests.command("U0ADA", "list").withHeader("X-Slack-Signature", "v0=" + "0".repeat(64));
            var refused = post(events, forged);
            assertEquals(401, refused.statusCode());
            assertEquals("", refused.body());
            assertEquals(List.of(), slack.methodsCalled());
        }
        Map<String, String> noSlack = new HashMap<>(settingsMap(Map.of()));
        noSlack.keySet().removeIf(k -> k.startsWith("SLACK_"));
        noSlack.put("LEAVEBOT_WORKSPACE", "false"); // else the local workspace plays Slack there
        try (var running = LocalLauncher.run(Settings.of(noSlack))) {
            assertEquals(404, post(running.web().uri().resolve(LocalSlack.EVENTS_PATH), requests.command("U0ADA", "list")).statusCode());
        }
    }

    @Test
    void aSlackSettingThatIsMissingOrMalformedIsNamed() {
        assertEquals(Optional.empty(), LocalSlack.from(Settings.of(Map.of()), null, null, null));
        assertMessage("SLACK_BOT_TOKEN", Map.of("SLACK_SIGNING_SECRET", "secret"));
        assertMessage("SLACK_BOT_TOKEN", Map.of("SLACK_APP_TOKEN", "xapp-1-A0-1-abc"));
        assertMessage("SLACK_APP_TOKEN", Map.of("SLACK_BOT_TOKEN", "xoxb-1-2-abc"));
        assertMessage("SLACK_BOT_TOKEN must be a bot token", Map.of("SLACK_BOT_TOKEN", "xoxp-user-token", "SLACK_SIGNING_SECRET", "s"));
        assertMessage("SLACK_APP_TOKEN must be an app-level token", Map.of("SLACK_BOT_TOKEN", "xoxb-1", "SLACK_APP_TOKEN", "xoxb-2"));
    }

    private static void assertMessage(String expected, Map<String, String> values) {
        var e = assertThrows(SettingsException.class, () -> LocalSlack.from(Settings.of(values), null, null, null));
        assertTrue(e.getMessage().contains(expected), e.getMessage());
        values.values().stream().filter(v -> v.length() > 3).forEach(v -> assertTrue(!e.getMessage().contains(v),
                "the message shows a token: " + e.getMessage()));
    }

    private Settings settings(Map<String, String> extra) {
        return Settings.of(settingsMap(extra));
    }

    private Map<String, String> settingsMap(Map<String, String> extra) {
        Map<String, String> values = new HashMap<>(Map.of("LEAVEBOT_DATA_DIR", dir.resolve("data-" + System.nanoTime()).toString(),
                "LEAVEBOT_HTTP_PORT", "0", "LEAVEBOT_DURABLE_PORT", "0", "LEAVEBOT_APPROVER_EMAIL", "grace@example.com",
                "SLACK_BOT_TOKEN", SlackApi.BOT_TOKEN, "SLACK_API_URL", slack.baseUrl() + "/api/"));
        values.putAll(extra);
        return values;
    }



    private HttpResponse<String> post(URI uri, Signed request) throws Exception {
        var builder = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).POST(HttpRequest.BodyPublishers.ofString(request.body()));
        request.headers().forEach((name, values) -> {
            if (!name.equalsIgnoreCase("User-Agent")) {
                builder.header(name, values.get(0));
            }
        });
        return http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
    }

}
