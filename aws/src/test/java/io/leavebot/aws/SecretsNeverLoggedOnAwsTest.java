package io.leavebot.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.leavebot.LeaveBotNames;
import io.leavebot.logging.LogLines;
import io.leavebot.logging.LoggedSecrets;
import io.leavebot.testing.CapturedLogs;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Issue 16's test of the logs on AWS: with DEBUG on, a failure in the API, Slack, workflow and digest-schedule
 * functions (the Teams function: {@link SecretsNeverLoggedInTeamsOnAwsTest}), and then, in the JSON lines LeaveBot
 * writes on Lambda, no value of the secret and no request body; nor in LeaveBot's own records before the layout.
 */
class SecretsNeverLoggedOnAwsTest {
    private static final String MARKER = LoggedSecrets.BODY_MARKER;
    private static final ObjectMapper JSON = new ObjectMapper();
    /** The secret's values in Slack (no Teams keys). */
    private static final List<String> SECRETS = List.of(AwsFunctions.LINK_KEY, AwsFunctions.API_KEY, AwsFunctions.BOT_TOKEN,
            AwsFunctions.SIGNING_SECRET);

    @RegisterExtension
    static final AwsFunctions aws = AwsFunctions.inSlack();
    @RegisterExtension
    final CapturedLogs ownRecords = new CapturedLogs();

    @Test
    void withDebugOnAFailureInEveryFunctionLogsNoSecretAndNoBody() throws Exception {
        List<String> written = new ArrayList<>();
        try (var logs = LogLines.json(Map.of("LEAVEBOT_LOG_LEVEL", "DEBUG"))) {
            // API: a wrong key, then the right key and a body that is not JSON
            assertEquals(401, aws.api("POST", "/api/leaves", Map.of("authorization", "Bearer wrong-" + MARKER,
                    "content-type", "application/json"), "{\"reason\": \"" + MARKER + "\"}", false).status());
            assertEquals(400, aws.api("POST", "/api/leaves", authorized(), "{\"reason\": " + MARKER, false).status());
            aws.api("GET", "/decide?token=forged." + MARKER, Map.of(), null, false);
            // Slack: a forged signature, then a command whose user lookup fails at Slack
            aws.slackApi().answerStatus("users.info", 500);
            var forged = aws.slackRequests().command("U01ADA", "list " + MARKER).withHeader("X-Slack-Signature", "v0=" + "0".repeat(64));
            assertEquals(401, aws.slack(forged, false).status());
            aws.slack(aws.slackRequests().command("U01ADA", "list " + MARKER), true);
            // the workflow: Slack refuses the approver's DM, so it falls back to e-mail
            aws.slackApi().answerStatus("chat.postMessage", 500);
            assertEquals(202, aws.api("POST", "/api/leaves", authorized(), "{\"start_date\": \"2026-01-12\", \"end_date\": "
                    + "\"2026-01-16\", \"employee_email\": \"ada@example.org\", \"request_id\": \"secrets-1\", \"reason\": \""
                    + MARKER + "\"}", false).status());
            aws.settle();
            // the digest's schedule: an event that is not the scheduler's
            var schedule = new DigestScheduleFunction(aws.settings(Map.of(LeaveBotNames.DIGEST_FUNCTION_ENV,
                    "arn:aws:lambda:us-east-1:123456789012:function:leavebot-digest:live")), aws.clients(), aws.time());
            var out = new ByteArrayOutputStream();
            schedule.handleRequest(new ByteArrayInputStream(("{\"scheduledTime\": \"" + MARKER + "\"}").getBytes(StandardCharsets.UTF_8)), out, null);
            LoggedSecrets.logCanary(SECRETS);
            written.addAll(logs.lines());
        }
        for (String line : written) {
            assertTrue(JSON.readTree(line).has("level"), "one JSON object a line: " + line);
        }
        assertTrue(written.stream().anyMatch(line -> line.contains("\"logger\":\"io.leavebot.workflow")
                || line.contains("\"logger\":\"io.leavebot.notify")), "the workflow's lines:\n" + String.join("\n", written));
        LoggedSecrets.assertDebugAndCanary(written);
        LoggedSecrets.assertNone("the JSON lines", written, SECRETS);
        LoggedSecrets.assertNone("LeaveBot's own records", ownRecords.lines(), SECRETS);
    }

    private static Map<String, String> authorized() {
        return Map.of("authorization", "Bearer " + AwsFunctions.API_KEY, "content-type", "application/json");
    }
}
