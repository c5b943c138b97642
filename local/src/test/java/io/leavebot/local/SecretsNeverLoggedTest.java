package io.leavebot.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.leavebot.logging.LogLines;
import io.leavebot.logging.LoggedSecrets;
import io.leavebot.slack.TokenSeal;
import io.leavebot.testing.CapturedLogs;
import io.leavebot.testing.SampleLeaves;
import io.leavebot.testing.SlackApi;
import io.leavebot.testing.SlackRequests;
import io.leavebot.testing.TeamsApi;
import io.leavebot.testing.TeamsRequests;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 16's test of the logs on one machine: with DEBUG on for everything, a failure in every front end (Slack over
 * HTTP, Teams, the e-mail decision links, the JSON API, the local workspace), and then no configured secret and no
 * request body in what was written, by the readable layout LeaveBot configures. Two layers are checked: LeaveBot's
 * own records before any layout (it never logs them), and the lines written (the layout masks what a library or a
 * careless line would print: the canary line logs every secret and must come out masked).
 */
class SecretsNeverLoggedTest {
    private static final String BODY_MARKER = LoggedSecrets.BODY_MARKER;
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @TempDir
    Path dir;
    @RegisterExtension
    final CapturedLogs ownRecords = new CapturedLogs();

    private final SlackApi slack = new SlackApi().member("U0ADA", "ada@example.com", "Ada Lovelace")
            .answerStatus("users.info", 500);
    private final SlackRequests slackRequests = new SlackRequests(Instant::now, slack.responseUrl());
    private final TeamsApi teams = new TeamsApi();
    private final TeamsRequests teamsRequests = new TeamsRequests(Instant::now, teams);

    @AfterEach
    void stop() {
        slack.close();
        teams.close();
    }

    @Test
    void withDebugOnAFailureInEveryFrontEndLogsNoSecretAndNoBody() throws Exception {
        Map<String, String> settings = settings();
        List<String> written = new ArrayList<>();
        try (var logs = LogLines.readable(Map.of("LEAVEBOT_LOG_LEVEL", "DEBUG"))) {
            try (var running = LocalLauncher.run(Settings.of(settings))) {
                URI web = running.web().uri();
                // Slack over HTTP: a forged signature, then a signed command whose user lookup fails at Slack
                var forged = slackRequests.command("U0ADA", "list " + BODY_MARKER).withHeader("X-Slack-Signature", "v0=" + "0".repeat(64));
                assertEquals(401, post(web.resolve(LocalSlack.EVENTS_PATH), forged.headers(), forged.body()).statusCode());
                var signed = slackRequests.command("U0ADA", "list " + BODY_MARKER);
                post(web.resolve(LocalSlack.EVENTS_PATH), signed.headers(), signed.body());
                // Teams: no token, then a token that is not Bot Framework's
                var teamsMessage = teamsRequests.message(SampleLeaves.ADA, "leave " + BODY_MARKER);
                assertEquals(401, post(web.resolve(LocalTeams.MESSAGES_PATH), Map.of(), teamsMessage.body()).statusCode());
                assertEquals(401, post(web.resolve(LocalTeams.MESSAGES_PATH), Map.of("Authorization", List.of("Bearer "
                        + TeamsApi.ACCESS_TOKEN)), teamsMessage.body()).statusCode());
                // the e-mail decision links: a forged link, and a forged answer
                get(web.resolve("/decide?token=forged-" + BODY_MARKER));
                post(web.resolve("/decide"), Map.of("Content-Type", List.of("application/x-www-form-urlencoded")),
                        "token=forged&comment=" + BODY_MARKER);
                // the JSON API: a wrong key, then the right key with a body that is not JSON
                assertEquals(401, post(web.resolve("/api/leaves"), Map.of("Authorization", List.of("Bearer wrong-" + BODY_MARKER)),
                        "{\"reason\": \"" + BODY_MARKER + "\"}").statusCode());
                assertEquals(400, post(web.resolve("/api/leaves"), Map.of("Authorization", List.of("Bearer " + settings.get("LEAVEBOT_API_KEY")),
                        "Content-Type", List.of("application/json")), "{\"reason\": " + BODY_MARKER).statusCode());
            }
            try (var workspace = LocalLauncher.run(Settings.of(workspaceSettings()))) {
                URI web = workspace.web().uri();
                post(web.resolve("/workspace/type"), Map.of("Content-Type", List.of("application/json")), "{\"text\": " + BODY_MARKER);
                post(web.resolve("/workspace/click"), Map.of("Content-Type", List.of("application/json")),
                        "{\"user\": \"nobody\", \"value\": \"" + BODY_MARKER + "\"}");
            }
            // what a library at DEBUG, or a careless line, might print: the layout must mask every secret in it
            LoggedSecrets.logCanary(LoggedSecrets.of(settings));
            written.addAll(logs.lines());
        }
        LoggedSecrets.assertDebugAndCanary(written);
        assertTrue(written.stream().anyMatch(line -> line.contains("io.leavebot.")), "LeaveBot's own lines were written");
        LoggedSecrets.assertNone("the lines written", written, LoggedSecrets.of(settings));
        LoggedSecrets.assertNone("LeaveBot's own records", ownRecords.lines(), LoggedSecrets.of(settings));
    }

    private Map<String, String> settings() {
        var microsoft = teams.settings();
        Map<String, String> values = new HashMap<>(Map.of("LEAVEBOT_DATA_DIR", dir.resolve("data").toString(),
                "LEAVEBOT_HTTP_PORT", "0", "LEAVEBOT_APPROVER_EMAIL", "grace@example.com", "LEAVEBOT_WORKSPACE", "false",
                "SLACK_BOT_TOKEN", SlackApi.BOT_TOKEN, "SLACK_API_URL", slack.baseUrl() + "/api/",
                "SLACK_SIGNING_SECRET", SlackRequests.SIGNING_SECRET));
        values.putAll(Map.of("TEAMS_APP_ID", TeamsApi.APP_ID, "TEAMS_APP_PASSWORD", TeamsApi.APP_PASSWORD, "TEAMS_TENANT_ID", TeamsApi.TENANT,
                "TEAMS_OPENID_URL", microsoft.openIdMetadata().toString(), "TEAMS_TOKEN_URL", microsoft.tokenEndpoint().toString()));
        values.putAll(Map.of("LEAVEBOT_API_KEY", "api-key-of-the-secrets-test-0123456789",
                "LEAVEBOT_LINK_SECRET", "link-secret-of-the-secrets-test-0123456789", "LEAVEBOT_TOKEN_KEY", TokenSeal.newKey(),
                "LEAVEBOT_DURABLE_PORT", "0", "LEAVEBOT_DURABLE_ACCESS_KEY_ID", "AKIDSECRETSTEST",
                "LEAVEBOT_DURABLE_SECRET_ACCESS_KEY", "durable-secret-of-the-secrets-test-0123456789",
                "LEAVEBOT_METRICS", "true", "LEAVEBOT_METRICS_KEY", "metrics-key-of-the-secrets-test-0123456789"));
        return values;
    }

    private Map<String, String> workspaceSettings() {
        return Map.of("LEAVEBOT_DATA_DIR", dir.resolve("workspace-data").toString(), "LEAVEBOT_HTTP_PORT", "0",
                "LEAVEBOT_API_KEY", "api-key-of-the-secrets-test-0123456789", "LEAVEBOT_LINK_SECRET", "link-secret-of-the-secrets-test-0123456789");
    }

    private static HttpResponse<String> get(URI uri) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> post(URI uri, Map<String, ? extends List<String>> headers, String body) throws Exception {
        var builder = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).POST(HttpRequest.BodyPublishers.ofString(body));
        headers.forEach((name, values) -> {
            if (!name.equalsIgnoreCase("User-Agent") && !name.equalsIgnoreCase("Content-Length") && !name.equalsIgnoreCase("Host")) {
                builder.header(name, values.get(0));
            }
        });
        return HTTP.send(builder.build(), HttpResponse.BodyHandlers.ofString());
    }
}
