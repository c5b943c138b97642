package io.leavebot.aws;

import static io.leavebot.testing.SampleLeaves.ADA;
import static io.leavebot.testing.SampleLeaves.GRACE;
import static io.leavebot.testing.SampleLeaves.slackIdOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.leavebot.LeaveBotNames;
import io.leavebot.leave.LeaveStatus;
import io.leavebot.testing.SlackRequests;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The lean Lambda jar is complete: each handler but Teams' ({@link TeamsPackageIT}) starts in a fresh JVM on
 * {@code target/leavebot-lambda.jar} alone ({@link LeanJar}) against the stand-ins of {@link AwsFunctions#inSlack()},
 * and gives a first real answer. The durable functions run as the engine's registered functions, so an invocation
 * is the engine calling a fresh JVM, which checkpoints back through the engine's Lambda REST façade. Each run's
 * cold start goes to {@link ColdStarts}' file for {@code bench/run bot}.
 */
class LambdaPackageIT {
    private static final String DIGEST = "leavebot-digest";
    private static final String CHANNEL = "C0DIGEST";
    private static final LeanJar LEAN = new LeanJar();

    @RegisterExtension
    static final AwsFunctions aws = AwsFunctions.inSlack();

    @AfterAll
    static void recordColdStarts() {
        ColdStarts.record(LEAN.runs());
    }

    @Test
    void theSlackFunctionAcksARequestAndTheWorkflowFunctionRecordsItAndAsksTheApprover() {
        aws.engine().register(AwsFunctions.WORKFLOW, LEAN.durableFunction("WorkflowFunction", env(Map.of()), slack()));
        LocalDate monday = LocalDate.now(ZoneOffset.UTC).plusWeeks(2).with(TemporalAdjusters.next(DayOfWeek.MONDAY));
        var command = new SlackRequests(Instant::now, aws.slackApi().responseUrl())
                .command(slackIdOf(ADA), monday + " " + monday.plusDays(4) + " Family trip");

        var ack = LEAN.run("SlackFunction", env(Map.of()), slack(), AwsFunctions.slackEvent(command, false));

        String reply = ack.answer();
        assertTrue(reply.contains("\"statusCode\":200"), reply);
        String id = AwsFunctions.requestIdIn(reply);
        aws.verifyStartedAsynchronously(id);
        aws.settle();
        assertEquals(LeaveStatus.PENDING, aws.leave(id).status(), "the workflow's first steps were checkpointed");
        assertEquals(1, aws.slackApi().postsTo("D" + slackIdOf(GRACE)), "the approver was asked in Slack");
    }

    @Test
    void theApiFunctionServesTheOrganisationsCalendarFeed() {
        String event = FunctionUrlEvents.event("GET", "/api/calendar.ics", Map.of("authorization", "Bearer " + AwsFunctions.API_KEY),
                "", false);

        var answer = LEAN.run("ApiFunction", env(Map.of()), Map.of(), event);

        assertTrue(answer.answer().contains("\"statusCode\":200"), answer.answer());
        assertTrue(answer.answer().contains("BEGIN:VCALENDAR"), answer.answer());
    }

    @Test
    void theDigestScheduleStartsTheDigestFunctionWhichPostsToSlack() {
        Map<String, String> env = env(Map.of(LeaveBotNames.DIGEST_FUNCTION_ENV,
                "arn:aws:lambda:us-east-1:123456789012:function:" + DIGEST + ":live",
                LeaveBotNames.DIGEST_SLACK_CHANNEL_ENV, CHANNEL));
        aws.engine().register(DIGEST, LEAN.durableFunction("DigestFunction", env, slack()));

        var started = LEAN.run("DigestScheduleFunction", env, Map.of(), "{\"scheduledTime\":\"2026-12-02T09:00:00Z\"}");

        assertEquals("{\"started\":\"digest-2026-12-02\"}", started.answer());
        aws.settle();
        assertEquals(1, aws.slackApi().postsTo(CHANNEL));
    }

    /** The functions' settings as the stack sets them, and the AWS services at their stand-ins. */
    private static Map<String, String> env(Map<String, String> changes) {
        Map<String, String> env = new HashMap<>(aws.environment(changes));
        env.putAll(LeanJar.awsAt(aws.clients()));
        return env;
    }

    private static Map<String, String> slack() {
        return Map.of(LambdaHarness.SLACK_API, aws.slackApi().config().getMethodsEndpointUrlPrefix());
    }
}
