package io.leavebot.aws;

import io.leavebot.durable.lambda.AwsCredentials;
import static io.leavebot.testing.SampleLeaves.ADA;
import static io.leavebot.testing.SampleLeaves.GRACE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import com.fasterxml.jackson.databind.JsonNode;
import com.amazonaws.services.lambda.runtime.Context;
import io.leavebot.LeaveBotNames;
import io.leavebot.durable.engine.DurableRestServer;
import io.leavebot.durable.engine.EmbeddedEngine;
import io.leavebot.durable.engine.TestClock;
import io.leavebot.durable.model.ExecutionQuery;
import io.leavebot.leave.Decision;
import io.leavebot.leave.LeaveStatus;
import io.leavebot.store.DynamoDbLeaveStore;
import io.leavebot.store.DynamoDbLeaveTable;
import io.leavebot.testing.Dynalite;
import io.leavebot.testing.EngineTime;
import io.leavebot.testing.SampleLeaves;
import io.leavebot.testing.SecretsManagerStub;
import io.leavebot.testing.SlackApi;
import io.leavebot.testing.TeamsApi;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The digest on AWS, offline: {@link DigestScheduleFunction} gets the schedule's event and starts the day's execution
 * through a real {@code LambdaClient} on the engine's Lambda REST façade, where {@link DigestFunction} runs as the
 * durable function, over dynalite, posting to Slack and Teams on WireMock with the secret's keys.
 */
class DigestFunctionsTest {
    @RegisterExtension
    static final Dynalite DYNALITE = new Dynalite();
    static final String DIGEST = "leavebot-digest";
    static final String DIGEST_ALIAS_ARN = "arn:aws:lambda:us-east-1:123456789012:function:" + DIGEST + ":live";
    static final String CHANNEL = "C0DIGEST";
    static final String CONVERSATION = "19:digest@thread.tacv2";
    static final LocalDate WEDNESDAY = LocalDate.of(2026, 12, 2);

    private final SlackApi slack = new SlackApi();
    private final TeamsApi teams = new TeamsApi();
    private Path dir;
    private TestClock clock;
    private String table;
    private SecretsManagerStub secrets;
    private EmbeddedEngine engine;
    private DurableRestServer rest;
    private DigestScheduleFunction schedule;

    @BeforeEach
    void deploy() throws IOException {
        dir = Files.createTempDirectory("leavebot-digest-aws");
        clock = new TestClock(Instant.parse("2026-12-02T07:00:00Z"));
        table = Dynalite.uniqueTableName(LeaveBotNames.LEAVES_TABLE);
        DynamoDbLeaveTable.create(DYNALITE.client(), table);
        secrets = new SecretsManagerStub().secret(AwsFunctions.SECRET_ARN, AwsFunctions.TEAMS_SECRET.replace(
                AwsFunctions.BOT_TOKEN, SlackApi.BOT_TOKEN));
        engine = EmbeddedEngine.builder(dir.resolve("engine.db")).clock(clock).build();
        rest = DurableRestServer.builder(engine, AwsFunctions.LAMBDA_KEY).start();
        engine.register(DIGEST, new DigestFunction(settings(Map.of()), clients(), time(), slack.webApi(), teams.settings())).start();
        schedule = new DigestScheduleFunction(settings(Map.of()), clients(), time());
    }

    @AfterEach
    void tearDown() throws IOException {
        rest.close();
        engine.close();
        secrets.close();
        slack.close();
        teams.close();
        try (var files = Files.walk(dir)) {
            for (Path file : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        }
    }

    @Test
    void theSchedulesMorningStartsTheDaysDigestWhichPostsToSlackAndTeams() throws IOException {
        var store = new DynamoDbLeaveStore(DYNALITE.dynamoDb(), table);
        store.create(SampleLeaves.request("l-ada", ADA, WEDNESDAY, WEDNESDAY.plusDays(1), false, "Secret surgery"));
        store.decide("l-ada", LeaveStatus.APPROVED, new Decision(GRACE, clock.now(), null), clock.now());

        assertEquals("{\"started\":\"digest-2026-12-02\"}", deliver("{\"scheduledTime\":\"2026-12-02T09:00:00Z\"}"));
        settle();

        assertEquals(1, slack.postsTo(CHANNEL));
        String posted = slack.calls("chat.postMessage").get(0).get("blocks");
        assertTrue(posted.contains("Ada Lovelace — out, back Fri 4 Dec"), posted);
        assertFalse(posted.contains("Secret surgery"), posted);
        assertEquals(1, teams.sentTo(CONVERSATION).size());
    }

    @Test
    void aRepeatedDeliveryOfTheSameMorningPostsNothingTwice() throws IOException {
        deliver("{\"scheduledTime\":\"2026-12-02T09:00:00Z\"}");
        settle();
        clock.advance(Duration.ofHours(3));

        deliver("{\"scheduledTime\":\"2026-12-02T09:00:00Z\"}"); // the schedule's retry, late in the morning
        settle();

        assertEquals(1, engine.listExecutions(DIGEST, ExecutionQuery.all()).executions().size());
        assertEquals(1, slack.postsTo(CHANNEL));
        assertEquals(1, teams.sentTo(CONVERSATION).size());
    }

    @Test
    void aPostSlackRefusesIsCountedAsAFailedNotificationOfTheSlackChannel() {
        slack.answerStatus("chat.postMessage", 503);
        List<JsonNode> lines = EmfLines.during(() -> {
            try {
                deliver("{\"scheduledTime\":\"2026-12-02T09:00:00Z\"}");
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            settle();
        });

        List<JsonNode> failed = EmfLines.of(lines, LeaveBotNames.NOTIFICATION_FAILURES_METRIC);
        assertEquals(1, failed.size(), lines::toString);
        assertEquals(LeaveBotNames.SLACK_CHANNEL, failed.get(0).get(LeaveBotNames.CHANNEL_DIMENSION).asText());
        assertEquals(1, failed.get(0).get(LeaveBotNames.NOTIFICATION_FAILURES_METRIC).asInt());
    }

    @Test
    void aSaturdaysScheduleStartsNothing() throws IOException {
        assertEquals("{\"skipped\":\"2026-12-05T09:00:00Z is not a working morning's digest time\"}",
                deliver("{\"scheduledTime\":\"2026-12-05T09:00:00Z\"}"));

        assertEquals(0, engine.listExecutions(DIGEST, ExecutionQuery.all()).executions().size());
    }

    @Test
    void anUnreadableEventIsRefusedWithAMessage() throws IOException {
        assertEquals("{\"refused\":\"scheduledTime must be an ISO-8601 instant such as 2027-01-11T08:00:00Z, but was "
                + "'tomorrow'\"}", deliver("{\"scheduledTime\":\"tomorrow\"}"));
    }

    @Test
    void aTeamsConversationWithoutTheTeamsKeysInTheSecretStopsTheStartNamingBoth() {
        secrets.secret(AwsFunctions.SECRET_ARN, AwsFunctions.SECRET);

        var refused = assertThrows(SettingsException.class, () -> new DigestFunction(settings(Map.of()), clients(), time(),
                slack.webApi(), null));

        assertEquals("LEAVEBOT_DIGEST_TEAMS_CONVERSATION is set, but the secret has no \"teamsAppId\": the digest cannot "
                + "post there. Add the chat's keys to the secret, or unset LEAVEBOT_DIGEST_TEAMS_CONVERSATION.", refused.getMessage());
    }

    private String deliver(String event) throws IOException {
        var out = new ByteArrayOutputStream();
        schedule.handleRequest(new ByteArrayInputStream(event.getBytes(StandardCharsets.UTF_8)), out, (Context) null);
        return out.toString(StandardCharsets.UTF_8);
    }

    private void settle() {
        assertTrue(engine.awaitIdle(Duration.ofSeconds(20)), "the engine did not settle");
    }

    private AwsSettings settings(Map<String, String> changes) {
        Map<String, String> env = new HashMap<>(Map.of(
                "AWS_REGION", "us-east-1",
                LeaveBotNames.LEAVES_TABLE_ENV, table,
                LeaveBotNames.SECRET_ARN_ENV, AwsFunctions.SECRET_ARN,
                LeaveBotNames.ROUTING_ENV, AwsFunctions.ROUTING,
                LeaveBotNames.DIGEST_FUNCTION_ENV, DIGEST_ALIAS_ARN,
                LeaveBotNames.DIGEST_SLACK_CHANNEL_ENV, CHANNEL,
                LeaveBotNames.DIGEST_TEAMS_CONVERSATION_ENV, CONVERSATION,
                LeaveBotNames.DIGEST_TEAMS_SERVICE_URL_ENV, teams.serviceUrl()));
        env.putAll(changes);
        return AwsSettings.of(env);
    }

    private AwsClients clients() {
        var credentials = AwsCredentials.of(AwsFunctions.LAMBDA_KEY.accessKeyId(), AwsFunctions.LAMBDA_KEY.secretAccessKey());
        return new AwsClients("us-east-1", credentials, DYNALITE.endpoint(), null, rest.uri(), secrets.endpoint());
    }

    private EngineTime time() {
        return new EngineTime(clock::now);
    }
}
