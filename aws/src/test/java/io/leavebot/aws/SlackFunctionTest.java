package io.leavebot.aws;

import io.leavebot.testing.SampleLeaves;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlMatching;
import static io.leavebot.testing.SampleLeaves.slackIdOf;
import static io.leavebot.testing.SampleLeaves.ADA;
import static io.leavebot.testing.SampleLeaves.ALAN;
import static io.leavebot.testing.SampleLeaves.GRACE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.leavebot.LeaveBotNames;
import io.leavebot.aws.FunctionUrlEvents.Answer;
import io.leavebot.leave.LeaveStatus;
import io.leavebot.slack.DecisionButtons;
import io.leavebot.slack.DecisionButtons.Target;
import io.leavebot.testing.BlockKitJson;
import io.leavebot.testing.CapturedLogs;
import io.leavebot.testing.SlackApi;
import io.leavebot.testing.SlackRequests.Signed;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * LeaveBot in Slack on AWS, offline: signed requests from Slack reach {@link SlackFunction} as Function URL events;
 * {@code /leave} starts the workflow with an asynchronous {@code Invoke} of its alias, {@link WorkflowFunction}
 * records the request in DynamoDB and asks the approver in Slack (the Web API on WireMock), the approver's click
 * completes the callback, and the workflow records the approval, tells the employee and replaces the approval
 * message.
 */
class SlackFunctionTest {

    @RegisterExtension
    static final AwsFunctions aws = AwsFunctions.inSlack();
    @RegisterExtension
    final CapturedLogs logs = new CapturedLogs();

    @ParameterizedTest(name = "body base64: {0}")
    @ValueSource(booleans = {false, true})
    void leaveWithDatesIsAckedAndStartsTheWorkflowWithAnAsynchronousInvokeOfTheAlias(boolean base64) {
        Answer ack = aws.slack(aws.slackRequests().command(slackIdOf(ADA), "2026-01-12 2026-01-16 Family trip"), base64);
        assertEquals(200, ack.status(), ack::body);
        assertEquals("application/json; charset=utf-8", ack.header("Content-Type"));
        assertEquals("ephemeral", ack.json().path("response_type").asText());
        String text = ack.json().path("text").asText();
        assertTrue(text.startsWith("Leave request received: Mon 12 Jan 2026 – Fri 16 Jan 2026\nThank you — your request "
                + "for 5 working days of annual leave has been sent to Grace Hopper for approval."), text);
        String id = AwsFunctions.requestIdIn(text);
        aws.verifyStartedAsynchronously(id);

        aws.settle();
        assertEquals(LeaveStatus.PENDING, aws.leave(id).status());
        assertEquals("Family trip", aws.leave(id).reason());
    }

    @Test
    void theApproverIsAskedInSlackWithButtonsThatCarryTheCallback() {
        String id = requested();
        Map<String, String> asked = approvalMessage();
        assertTrue(asked.get("text").startsWith("Leave request from Ada Lovelace"), asked.get("text"));
        assertEquals(List.of(SampleLeaves.callbackOf(aws.leave(id))), BlockKitJson.buttonTargets(SlackApi.json(asked, "blocks")).stream()
                .map(Target::callbackId).distinct().toList());
        assertEquals(List.of(), aws.mailTo("grace@example.org", ""), "Grace is reached in Slack, not by e-mail");
    }

    @Test
    void approveInSlackCompletesTheCallbackAndEveryoneIsToldInSlack() {
        String id = requested();
        Answer ack = aws.slack(click(slackIdOf(GRACE)), true);
        assertEquals(200, ack.status(), ack::body);
        assertEquals("", ack.body());
        // completed before the answer: Lambda freezes the function once it has answered
        aws.lambdaWire().verify(1, postRequestedFor(urlMatching(AwsFunctions.CALLBACK_SUCCESS)));

        aws.settle();
        assertEquals(LeaveStatus.APPROVED, aws.leave(id).status());
        assertTrue(GRACE.isSameAs(aws.leave(id).decision().by()));
        assertEquals(1, postedTo("D" + slackIdOf(ADA), "Your leave is approved: "));
        Map<String, String> update = aws.slackApi().calls("chat.update").get(0);
        assertEquals(approvalMessage().get("channel"), update.get("channel"));
        assertEquals(approvalTs(), update.get("ts"));
        assertTrue(update.get("text").startsWith("You approved"), update.get("text"));
    }

    @Test
    void anyoneButTheApproverIsRefusedBeforeTheAckAndTheRequestStaysPending() {
        String id = requested();
        Answer ack = aws.slack(click(slackIdOf(ALAN)), false);
        assertEquals(200, ack.status(), ack::body);

        // no background work: the refusal was posted before the handler returned
        List<String> said = aws.slackApi().responses().stream().map(r -> r.path("response_type").asText() + ": "
                + r.path("text").asText()).toList();
        assertEquals(List.of("ephemeral: Only the approver of this request can approve or reject it, and LeaveBot has "
                + "someone else down as its approver. Nothing was changed."), said);
        aws.settle();
        assertEquals(LeaveStatus.PENDING, aws.leave(id).status());
        aws.lambdaWire().verify(0, postRequestedFor(urlMatching("/2025-12-01/durable-execution-callbacks/.+")));
    }

    @Test
    void aWrongSignatureIs401WithAnEmptyBodyAndNothingRuns() {
        Signed command = aws.slackRequests().command(slackIdOf(ADA), "2026-01-12");
        Answer answer = aws.slack(command.withHeader("X-Slack-Signature", "v0=" + "ab".repeat(32)), false);
        assertEquals(401, answer.status());
        assertEquals("", answer.body());
        assertEquals(List.of(), aws.slackApi().methodsCalled());
        aws.lambdaWire().verify(0, postRequestedFor(urlMatching(".*")));
    }

    @Test
    void everyAnswerIsCountedUnderTheRequestUrlsRouteWhateverThePath() {
        Signed command = aws.slackRequests().command(slackIdOf(ADA), "2026-01-12");
        List<JsonNode> lines = EmfLines.during(() -> assertEquals(401,
                aws.slack(command.withHeader("X-Slack-Signature", "v0=" + "ab".repeat(32)), false).status()));

        JsonNode refused = EmfLines.of(lines, LeaveBotNames.REQUESTS_METRIC).get(0);
        assertEquals(List.of(AwsFunctions.SLACK, SlackFunction.ROUTE, "4xx", 1), List.of(
                refused.get(LeaveBotNames.FUNCTION_DIMENSION).asText(), refused.get(LeaveBotNames.ROUTE_DIMENSION).asText(),
                refused.get(LeaveBotNames.STATUS_CLASS_DIMENSION).asText(), refused.get(LeaveBotNames.REQUESTS_METRIC).asInt()));
    }

    @Test
    void aMalformedBodyIs400AndAnEventThatIsNoFunctionUrlRequestABare400() {
        Answer answer = aws.slack(aws.slackRequests().sign("payload=%7Bnot+json"), true);
        assertEquals(400, answer.status());
        assertEquals("The payload is not JSON.", answer.body());

        Answer bare = FunctionUrlEvents.invoke(new SlackFunction(aws.settings(Map.of()), aws.clients(), aws.time(),
                aws.slackApi().config()), "{\"rawPath\": \"/slack/events\"}");
        assertEquals(400, bare.status());
        assertEquals("Bad Request", bare.body());
    }

    @Test
    void aColdStartCallsNoSlackMethodAndTheFirstCommandOnlyWhatItNeeds() {
        // a token new to this JVM, as on a cold start: the SDK remembers what it learnt of a token while the JVM runs
        String coldStart = AwsFunctions.SECRET_ARN + "-cold-start";
        aws.secrets().secret(coldStart, "{\"decisionLinkKey\": \"" + AwsFunctions.LINK_KEY + "\", \"slackBotToken\": "
                + "\"xoxb-cold-" + System.nanoTime() + "\", \"slackSigningSecret\": \"" + AwsFunctions.SIGNING_SECRET + "\"}");
        var function = new SlackFunction(aws.settings(Map.of(LeaveBotNames.SECRET_ARN_ENV, coldStart)), aws.clients(),
                aws.time(), aws.slackApi().config());
        assertEquals(List.of(), aws.slackApi().methodsCalled(), "a cold start has 3 s for the first ack");

        Answer list = FunctionUrlEvents.invoke(function, AwsFunctions.slackEvent(
                aws.slackRequests().command(slackIdOf(ADA), "list"), false));
        assertTrue(list.json().path("text").asText().contains("You have no leave requests yet."), list::body);
        assertEquals(List.of("users.info"), aws.slackApi().methodsCalled(), "who typed it, and no auth.test");
    }

    /**
     * The workflow's first invocation, from the start to Grace asked, is much of its cold start: each call is a round
     * trip. 19 DynamoDB calls (24 before steps stopped reading back what they had just written): record-leave writes
     * the request; send-receipt and ask-1 each read it once, the balance for the message (ledger, waiting requests)
     * and the notification log before and after sending; ask-1 also reads Grace's away calendar in one query and her
     * team's overlapping leave, and writes the chain with its callback and waiting items. And 4 Slack calls: a DM
     * opened and a message posted to each of Ada and Grace. A new call here is a cost on every cold start: say why.
     */
    @Test
    void theWorkflowsFirstInvocationMakesFewCallsToTheTableAndToSlack() {
        int before = TableGrants.made(aws, AwsFunctions.WORKFLOW);
        int slackBefore = aws.slackApi().methodsCalled().size();
        String id = requested();

        List<TableCalls.Call> all = aws.tableCalls(AwsFunctions.WORKFLOW);
        List<TableCalls.Call> calls = all.subList(before, all.size());
        Map<String, Long> byAction = calls.stream().collect(Collectors.groupingBy(TableCalls.Call::action, TreeMap::new,
                Collectors.counting()));
        assertEquals(Map.of("dynamodb:GetItem", 6L, "dynamodb:PutItem", 5L, "dynamodb:Query", 6L, "dynamodb:UpdateItem", 2L),
                byAction, () -> calls.size() + " calls: " + calls);
        assertEquals(2, calls.stream().filter(c -> c.action().equals("dynamodb:GetItem")
                && c.partitionKey().equals("LEAVE#" + id)).count(), () -> "one read of the request per step: " + calls);
        List<String> slack = aws.slackApi().methodsCalled();
        slack = slack.subList(slackBefore + 1, slack.size()); // after the Slack function's users.info of Ada
        assertEquals(List.of("conversations.open", "chat.postMessage", "conversations.open", "chat.postMessage"), slack);
    }

    @Test
    void withoutTheSigningSecretInTheSecretTheFunctionFailsToStartNamingTheKey() {
        String noSigningSecret = AwsFunctions.SECRET_ARN + "-no-signing-secret";
        aws.secrets().secret(noSigningSecret, "{\"decisionLinkKey\": \"" + AwsFunctions.LINK_KEY + "\", "
                + "\"slackBotToken\": \"" + AwsFunctions.BOT_TOKEN + "\"}");

        var e = assertThrows(SettingsException.class, () -> new SlackFunction(aws.settings(Map.of(
                LeaveBotNames.SECRET_ARN_ENV, noSigningSecret)), aws.clients(), aws.time(), aws.slackApi().config()));
        assertEquals("The secret " + noSigningSecret + " has no \"slackSigningSecret\"; add the app's Signing Secret, "
                + "shown under Basic Information → App Credentials.", e.getMessage());
    }

    @Test
    void noLogShowsAValueOfTheSecret() {
        String id = requested();
        aws.slack(click(slackIdOf(ALAN)), false);
        aws.slack(click(slackIdOf(GRACE)).withHeader("X-Slack-Signature", "v0=" + "00".repeat(32)), false);
        aws.slack(click(slackIdOf(GRACE)), false);
        aws.settle();

        assertEquals(LeaveStatus.APPROVED, aws.leave(id).status());
        List<String> lines = logs.lines();
        assertTrue(lines.stream().anyMatch(l -> l.contains("slack: 401")), lines::toString);
        for (String secret : AwsFunctions.SECRET_VALUES) {
            assertEquals(List.of(), lines.stream().filter(l -> l.contains(secret)).toList());
        }
    }

    /** Ada asks for Mon 12 – Fri 16 Jan 2026 with {@code /leave}, and the workflow runs until Grace is asked. */
    private static String requested() {
        Answer ack = aws.slack(aws.slackRequests().command(slackIdOf(ADA), "2026-01-12 2026-01-16 Family trip"), false);
        assertEquals(200, ack.status(), ack::body);
        aws.settle();
        return AwsFunctions.requestIdIn(ack.json().path("text").asText());
    }

    /** The Approve button of Grace's approval message, clicked by {@code userId}. */
    private static Signed click(String userId) {
        Target target = BlockKitJson.buttonTargets(SlackApi.json(approvalMessage(), "blocks")).get(0);
        return aws.slackRequests().click(userId, DecisionButtons.APPROVE, target.encode());
    }

    /** The one message posted in Grace's DM: the approval request. */
    private static Map<String, String> approvalMessage() {
        List<Map<String, String>> toGrace = aws.slackApi().calls("chat.postMessage").stream()
                .filter(call -> call.get("channel").equals("D" + slackIdOf(GRACE))).toList();
        assertEquals(1, toGrace.size(), toGrace::toString);
        return toGrace.get(0);
    }

    /** The {@code ts} Slack gave the approval message. */
    private static String approvalTs() {
        return aws.slackApi().answers("chat.postMessage").stream()
                .filter(answer -> answer.path("channel").asText().equals("D" + slackIdOf(GRACE)))
                .findFirst().orElseThrow().path("ts").asText();
    }

    private static long postedTo(String channel, String textStart) {
        return aws.slackApi().calls("chat.postMessage").stream()
                .filter(call -> call.get("channel").equals(channel) && call.get("text").startsWith(textStart)).count();
    }
}
