package io.leavebot.local;

import static io.leavebot.testing.Eventually.awaitTrue;
import static io.leavebot.testing.SampleLeaves.ADA;
import static io.leavebot.testing.SampleLeaves.GRACE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.leavebot.leave.LeaveRequest;
import io.leavebot.leave.LeaveStatus;
import io.leavebot.leave.Person;
import io.leavebot.local.Settings.SettingsException;
import io.leavebot.testing.TeamsApi;
import io.leavebot.testing.TeamsRequests;
import io.leavebot.testing.TeamsRequests.Signed;
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
 * The local launcher with Teams, end to end on real sockets: activities signed like Bot Framework's to
 * {@code /api/messages}, Microsoft on WireMock (its OpenID metadata and token endpoint through
 * {@code TEAMS_OPENID_URL} and {@code TEAMS_TOKEN_URL}, the Bot Connector at the activities' service URL): a
 * {@code leave} message, the approver's card, the approver's Approve, the employee's outcome.
 */
class LocalTeamsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private final TeamsApi teams = new TeamsApi().member(ADA).member(GRACE);
    private final TeamsRequests requests = new TeamsRequests(Instant::now, teams);
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @AfterEach
    void stopTeams() {
        teams.close();
    }

    @Test
    void aLeaveAskedInTeamsIsApprovedOnTheApproversCardAndTheEmployeeIsToldInTeams() throws Exception {
        try (var running = LocalLauncher.run(settings(Map.of()))) {
            URI messages = running.web().uri().resolve(LocalTeams.MESSAGES_PATH);
            assertEquals(200, post(messages, requests.installed(GRACE)).statusCode(), "Grace's chat is saved");
            LocalDate monday = LocalDate.now().with(TemporalAdjusters.next(DayOfWeek.MONDAY)).plusWeeks(1);

            var ack = post(messages, requests.message(ADA, "leave " + monday + " " + monday.plusDays(2) + " Family visit"));
            assertEquals(200, ack.statusCode(), ack.body());
            awaitTrue(() -> hasApproveCard(GRACE), "the approval card to Grace");
            assertTrue(TeamsApi.card(teams.sent(GRACE).get(0)).toString().contains("Leave request from Ada Lovelace"));

            var click = post(messages, requests.clickOnCardOf(GRACE, GRACE, TeamsApi.APPROVE));
            assertEquals(200, click.statusCode(), click.body());
            JsonNode invoke = JSON.readTree(click.body());
            assertEquals("application/vnd.microsoft.card.adaptive", invoke.path("type").asText());
            assertTrue(invoke.path("value").toString().contains("You approved Ada Lovelace's leave"), click.body());

            awaitTrue(() -> teams.sent(ADA).stream().anyMatch(a -> TeamsApi.card(a).toString().contains("Your leave is approved")),
                    "the outcome to Ada");
            List<LeaveRequest> adas = running.store().listByEmployee(ADA);
            assertEquals(LeaveStatus.APPROVED, adas.get(0).status());
            assertEquals(1, teams.tokenRequests(), "the bot's token from TEAMS_TOKEN_URL, kept");
        }
    }

    @Test
    void anUnsignedRequestIs401AndChangesNothingAndTheEndpointIsNotServedWithoutTeams() throws Exception {
        Signed unsigned = requests.message(ADA, "leave tomorrow").withHeader("Authorization", null);
        try (var running = LocalLauncher.run(settings(Map.of()))) {
            var refused = post(running.web().uri().resolve(LocalTeams.MESSAGES_PATH), unsigned);
            assertEquals(401, refused.statusCode());
            assertEquals("", refused.body());
            assertEquals(List.of(), running.store().listByEmployee(ADA));
            assertEquals(List.of(), teams.calls(), "not even Bot Framework's keys: there was no token to check");
        }
        Map<String, String> noTeams = new HashMap<>(settingsMap(Map.of()));
        noTeams.keySet().removeIf(k -> k.startsWith("TEAMS_"));
        try (var running = LocalLauncher.run(Settings.of(noTeams))) {
            assertEquals(404, post(running.web().uri().resolve(LocalTeams.MESSAGES_PATH), requests.message(ADA, "list")).statusCode());
        }
    }

    @Test
    void aTeamsSettingThatIsMissingOrMalformedIsNamed() {
        assertEquals(Optional.empty(), LocalTeams.from(Settings.of(Map.of()), null, null, null));
        assertMessage("TEAMS_TENANT_ID is missing", Map.of("TEAMS_APP_ID", TeamsApi.APP_ID, "TEAMS_APP_PASSWORD", TeamsApi.APP_PASSWORD));
        assertMessage("TEAMS_APP_ID and TEAMS_APP_PASSWORD are missing", Map.of("TEAMS_TENANT_ID", TeamsApi.TENANT));
        assertMessage("TEAMS_OPENID_URL must be an http(s) URL", Map.of("TEAMS_APP_ID", TeamsApi.APP_ID, "TEAMS_APP_PASSWORD",
                TeamsApi.APP_PASSWORD, "TEAMS_TENANT_ID", TeamsApi.TENANT, "TEAMS_OPENID_URL", "login.botframework.com"));
        var e = assertThrows(SettingsException.class, () -> LocalLauncher.run(settings(Map.of("TEAMS_APP_PASSWORD", ""))));
        assertTrue(e.getMessage().contains("TEAMS_APP_PASSWORD is missing"), e.getMessage());
    }

    private static void assertMessage(String expected, Map<String, String> values) {
        var e = assertThrows(SettingsException.class, () -> LocalTeams.from(Settings.of(values), null, null, null));
        assertTrue(e.getMessage().contains(expected), e.getMessage());
        assertFalse(e.getMessage().contains(TeamsApi.APP_PASSWORD), "the message shows the secret: " + e.getMessage());
    }

    private boolean hasApproveCard(Person person) {
        return teams.sent(person).stream().anyMatch(a -> TeamsApi.execute(TeamsApi.card(a), TeamsApi.APPROVE) != null);
    }

    private Settings settings(Map<String, String> extra) {
        return Settings.of(settingsMap(extra));
    }

    private Map<String, String> settingsMap(Map<String, String> extra) {
        var microsoft = teams.settings();
        Map<String, String> values = new HashMap<>(Map.of("LEAVEBOT_DATA_DIR", dir.resolve("data-" + System.nanoTime()).toString(),
                "LEAVEBOT_HTTP_PORT", "0", "LEAVEBOT_DURABLE_PORT", "0", "LEAVEBOT_APPROVER_EMAIL", GRACE.email(),
                "TEAMS_APP_ID", TeamsApi.APP_ID, "TEAMS_APP_PASSWORD", TeamsApi.APP_PASSWORD, "TEAMS_TENANT_ID", TeamsApi.TENANT,
                "TEAMS_OPENID_URL", microsoft.openIdMetadata().toString(), "TEAMS_TOKEN_URL", microsoft.tokenEndpoint().toString()));
        values.putAll(extra);
        return values;
    }

    private HttpResponse<String> post(URI uri, Signed request) throws Exception {
        var builder = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).POST(HttpRequest.BodyPublishers.ofString(request.body()));
        request.headers().forEach(builder::header);
        return http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
    }
}
