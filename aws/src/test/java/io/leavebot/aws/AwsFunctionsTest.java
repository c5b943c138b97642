package io.leavebot.aws;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlMatching;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.leavebot.LeaveBotNames;
import io.leavebot.aws.FunctionUrlEvents.Answer;
import io.leavebot.durable.model.ExecutionQuery;
import io.leavebot.durable.model.ExecutionStatus;
import io.leavebot.leave.LeaveStatus;
import io.leavebot.testing.CapturedLogs;
import io.leavebot.testing.SesLocal.StoredEmail;
import java.lang.reflect.InvocationTargetException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A leave request through LeaveBot on AWS, offline: the JSON API of {@link ApiFunction} starts the execution with
 * {@code Invoke}, {@link WorkflowFunction} records it in DynamoDB and mails the approver through SES, the approver's
 * e-mail link is opened and answered through {@link ApiFunction}, which completes the callback, and the workflow
 * records the approval and tells the employee.
 */
class AwsFunctionsTest {
    /** Mon 12 – Fri 16 Jan 2026 for Ada; the test clock starts on Mon 5 Jan 2026. */
    static final String ADA_S_LEAVE = "{\"start_date\": \"2026-01-12\", \"end_date\": \"2026-01-16\", "
            + "\"employee_email\": \"ada@example.org\", \"request_id\": \"hr-7\"}";
    static final Map<String, String> AUTHORIZED = Map.of("authorization", "Bearer " + AwsFunctions.API_KEY,
            "content-type", "application/json");
    private static final Pattern APPROVE_LINK = Pattern.compile("^Approve: (\\S+)$", Pattern.MULTILINE);

    @RegisterExtension
    static final AwsFunctions aws = new AwsFunctions();
    @RegisterExtension
    final CapturedLogs logs = new CapturedLogs();

    @Test
    void requestFromTheApiStartsTheWorkflowWithAnAsynchronousInvokeOfTheAlias() {
        Answer accepted = aws.api("POST", "/api/leaves", AUTHORIZED, ADA_S_LEAVE, false);
        assertEquals(202, accepted.status(), accepted::body);
        assertEquals("api-hr-7", accepted.json().get("id").asText());
        aws.lambdaWire().verify(1, postRequestedFor(urlMatching("/2015-03-31/functions/"
                + "arn%3Aaws%3Alambda%3Aus-east-1%3A123456789012%3Afunction%3Aleavebot-workflow%3Alive/invocations"))
                .withHeader("X-Amz-Invocation-Type", equalTo("Event"))
                .withHeader("X-Amz-Durable-Execution-Name", equalTo("leave-api-hr-7")));

        Answer shown = aws.api("GET", "/api/leaves/api-hr-7", AUTHORIZED, null, false);
        assertEquals(200, shown.status(), shown::body);
        assertEquals("PENDING", shown.json().get("status").asText());
        aws.settle();
        assertEquals(LeaveStatus.PENDING, aws.leave("api-hr-7").status());
    }

    @Test
    void approverDecidesThroughTheEmailLinkAndTheEmployeeIsTold() {
        String token = approvalRequested();
        Answer page = aws.api("GET", "/decide?token=" + token, Map.of(), null, false);
        assertEquals(200, page.status(), page::body);
        assertTrue(page.body().contains("Approve"), page::body);

        Answer done = decide(token, "Enjoy the trip");
        assertEquals(200, done.status(), done::body);
        aws.lambdaWire().verify(1, postRequestedFor(urlMatching("/2025-12-01/durable-execution-callbacks/.+/succeed")));
        aws.settle();

        assertEquals(LeaveStatus.APPROVED, aws.leave("api-hr-7").status());
        assertEquals("Enjoy the trip", aws.leave("api-hr-7").decision().comment());
        assertEquals(1, aws.mailTo("ada@example.org", "Your leave is approved: ").size());
        assertEquals(ExecutionStatus.RUNNING, execution().status(), "approved leave's execution lives until the leave is over");
        assertTrue(aws.watchCallback("api-hr-7").isPresent(), "its watch is recorded in the table");

        aws.advance(Duration.between(aws.time().instant(), aws.leave("api-hr-7").end().plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant()));
        assertEquals(ExecutionStatus.SUCCEEDED, execution().status());
        assertEquals("\"APPROVED\"", execution().result());
    }

    @Test
    void approvedLeaveIsCancelledThroughItsWatchOnTheTable() {
        decide(approvalRequested(), "");
        aws.settle();

        Answer cancelled = aws.api("POST", "/api/leaves/api-hr-7/cancel", AUTHORIZED, "{}", false);
        assertEquals(202, cancelled.status(), cancelled::body);
        aws.settle();

        assertEquals(LeaveStatus.CANCELLED, aws.leave("api-hr-7").status());
        assertEquals(ExecutionStatus.SUCCEEDED, execution().status(), "the waits ended");
        assertEquals("\"CANCELLED\"", execution().result());
        assertEquals(1, aws.mailTo("ada@example.org", "Your approved leave is cancelled: ").size());
    }

    private io.leavebot.durable.model.DurableExecution execution() {
        return aws.engine().listExecutions(AwsFunctions.WORKFLOW, ExecutionQuery.named("leave-api-hr-7")).executions().get(0);
    }

    @Test
    void secondAnswerThroughTheLinkChangesNothing() {
        String token = approvalRequested();
        decide(token, "");
        aws.settle();

        Answer again = decide(token, "");
        assertEquals(410, again.status(), again::body);
        aws.lambdaWire().verify(1, postRequestedFor(urlMatching("/2025-12-01/durable-execution-callbacks/.+")));
        assertEquals(1, aws.mailTo("ada@example.org", "Your leave").size());
    }

    @Test
    void eachFunctionReadsTheSecretOnceAndNoLogShowsItsValues() {
        assertEquals(2, aws.secrets().reads(), "one read by each function, when it started");
        decide(approvalRequested(), "");
        aws.settle();
        aws.api("GET", "/api/leaves/api-hr-7", Map.of("authorization", "Bearer " + AwsFunctions.API_KEY + "x"), null, false);
        aws.api("GET", "/decide?token=forged." + AwsFunctions.LINK_KEY, Map.of(), null, false);

        assertEquals(2, aws.secrets().reads(), "no read per invocation");
        List<String> lines = logs.lines();
        assertTrue(lines.stream().anyMatch(l -> l.contains("leave request api-hr-7 approved; its execution lives until the leave is over")), lines::toString);
        assertTrue(lines.stream().anyMatch(l -> l.contains("api GET /api/leaves/{id}: 401")), lines::toString);
        for (String secret : AwsFunctions.SECRET_VALUES) {
            assertEquals(List.of(), lines.stream().filter(l -> l.contains(secret)).toList());
        }
    }

    @Test
    void functionWithoutASettingFailsToStartNamingIt() {
        var workflow = assertThrows(SettingsException.class, () -> new WorkflowFunction(
                aws.settings(Map.of(LeaveBotNames.MAIL_FROM_ENV, "")), aws.clients(), aws.time(), ChatChannels.EMAIL_ONLY, null));
        assertTrue(workflow.getMessage().startsWith("LEAVEBOT_MAIL_FROM is not set"), workflow.getMessage());
        var api = assertThrows(SettingsException.class, () -> new ApiFunction(
                aws.settings(Map.of(LeaveBotNames.WORKFLOW_FUNCTION_ENV, "")), aws.clients(), aws.time()));
        assertTrue(api.getMessage().startsWith("LEAVEBOT_WORKFLOW_FUNCTION is not set"), api.getMessage());
        assertEquals(2, aws.secrets().reads(), "only the harness's two functions read the secret");
    }

    @Test
    void lambdaMakesTheHandlersWithTheirPublicConstructorsWhichReadTheEnvironment() throws ReflectiveOperationException {
        for (Class<?> handler : List.of(WorkflowFunction.class, ApiFunction.class, SlackFunction.class)) {
            var constructor = handler.getConstructor();
            var e = assertThrows(InvocationTargetException.class, constructor::newInstance, handler::getName);
            assertTrue(e.getCause() instanceof SettingsException, e.getCause()::toString);
            assertTrue(e.getCause().getMessage().matches("(AWS_REGION|LEAVEBOT_\\w+) is not set; .*"), e.getCause()::getMessage);
        }
    }

    @Test
    void anAnsweredApprovalLeavesItsMetricsOnStandardOutputAsEmbeddedMetricFormat() {
        String token = approvalRequested();
        List<JsonNode> lines = EmfLines.during(() -> {
            assertEquals(200, decide(token, "Enjoy").status());
            aws.settle();
        });

        JsonNode decided = EmfLines.of(lines, LeaveBotNames.REQUESTS_METRIC).stream()
                .filter(line -> "/decide".equals(line.path(LeaveBotNames.ROUTE_DIMENSION).asText())).findFirst()
                .orElseThrow(() -> new AssertionError("no request line in " + lines));
        assertEquals("2xx", decided.get(LeaveBotNames.STATUS_CLASS_DIMENSION).asText());
        assertEquals(1, decided.get(LeaveBotNames.REQUESTS_METRIC).asInt());
        assertEquals(AwsFunctions.API, decided.get(LeaveBotNames.FUNCTION_DIMENSION).asText());
        JsonNode timings = EmfLines.of(lines, LeaveBotNames.CALLBACK_LATENCY_METRIC).get(0);
        assertEquals(1, timings.get(LeaveBotNames.CALLBACK_LATENCY_METRIC).size(), timings::toString);
        assertTrue(timings.get(LeaveBotNames.CALLBACK_LATENCY_METRIC).get(0).asDouble() >= 0, timings::toString);
        assertEquals(1, timings.get(LeaveBotNames.STORE_WRITE_METRIC).size(), "the decision's write: " + timings);
        assertEquals(LeaveBotNames.METRICS_NAMESPACE, timings.get("_aws").get("CloudWatchMetrics").get(0).get("Namespace").asText());
    }

    /** Ada's request is submitted through the API and Grace is asked; the token of the Approve link in her e-mail. */
    private String approvalRequested() {
        assertEquals(202, aws.api("POST", "/api/leaves", AUTHORIZED, ADA_S_LEAVE, false).status());
        aws.settle();
        List<StoredEmail> asked = aws.mailTo("grace@example.org", "Leave request from ");
        assertEquals(1, asked.size());
        Matcher link = APPROVE_LINK.matcher(asked.get(0).text().replace("\r\n", "\n"));
        assertTrue(link.find(), asked.get(0)::text);
        String prefix = "https://abc123def.lambda-url.us-east-1.on.aws/decide?token=";
        assertTrue(link.group(1).startsWith(prefix), link.group(1));
        return link.group(1).substring(prefix.length());
    }

    /** The confirmation form sent as a browser sends it, and as Lambda passes a form on: base64-encoded. */
    private Answer decide(String token, String comment) {
        String form = "token=" + URLEncoder.encode(token, StandardCharsets.UTF_8) + "&comment="
                + URLEncoder.encode(comment, StandardCharsets.UTF_8);
        return aws.api("POST", "/decide", Map.of("content-type", "application/x-www-form-urlencoded"), form, true);
    }
}
