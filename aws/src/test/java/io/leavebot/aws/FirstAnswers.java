package io.leavebot.aws;

import static io.leavebot.testing.SampleLeaves.ADA;
import static io.leavebot.testing.SampleLeaves.GRACE;
import static io.leavebot.testing.SampleLeaves.slackIdOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.leavebot.LeaveBotNames;
import io.leavebot.leave.LeaveStatus;
import io.leavebot.leave.Person;
import io.leavebot.slack.DecisionButtons;
import io.leavebot.slack.DecisionButtons.Target;
import io.leavebot.teams.TeamsSettings;
import io.leavebot.testing.BlockKitJson;
import io.leavebot.testing.SlackApi;
import io.leavebot.testing.SlackRequests;
import io.leavebot.testing.TeamsApi;
import io.leavebot.testing.TeamsRequests;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Each handler's first real answer on the lean jar ({@link LeanJar}), against {@link AwsFunctions}' stand-ins: what
 * {@link LambdaPackageIT} and {@link TeamsPackageIT} check, and what {@link LambdaColdStarts} times. Requests are
 * dated from today and signed at the real now, since the fresh JVMs read the system clock.
 */
final class FirstAnswers {
    static final String DIGEST = "leavebot-digest";
    static final String CHANNEL = "C0DIGEST";

    private FirstAnswers() {
    }

    /**
     * Slack ({@link AwsFunctions#inSlack()}): a {@code /leave} request is acked and its execution started; the
     * workflow function, invoked by the engine, records it and asks the approver in Slack.
     */
    static void slackRequestRecordedByTheWorkflow(AwsFunctions aws, LeanJar lean) {
        aws.engine().register(AwsFunctions.WORKFLOW, lean.durableFunction("WorkflowFunction", env(aws, Map.of()), slack(aws)));
        LocalDate monday = aMondayAhead();
        var command = new SlackRequests(Instant::now, aws.slackApi().responseUrl())
                .command(slackIdOf(ADA), monday + " " + monday.plusDays(4) + " Family trip");

        String reply = lean.run("SlackFunction", env(aws, Map.of()), slack(aws), AwsFunctions.slackEvent(command, false)).answer();

        assertTrue(reply.contains("\"statusCode\":200"), reply);
        String id = AwsFunctions.requestIdIn(reply);
        aws.verifyStartedAsynchronously(id);
        aws.settle();
        assertEquals(LeaveStatus.PENDING, aws.leave(id).status(), "the workflow's first steps were checkpointed");
        assertEquals(1, aws.slackApi().postsTo("D" + slackIdOf(GRACE)), "the approver was asked in Slack");
    }

    /**
     * After {@link #slackRequestRecordedByTheWorkflow}: the approver's Approve click (Bolt's block actions, parsed with
     * Gson) is acked by a fresh Slack function, which completes the callback; the workflow records the approval and
     * tells Ada in Slack.
     */
    static void approvalClickedInSlack(AwsFunctions aws, LeanJar lean) {
        slackRequestRecordedByTheWorkflow(aws, lean);
        List<Map<String, String>> toGrace = aws.slackApi().calls("chat.postMessage").stream()
                .filter(call -> call.get("channel").equals("D" + slackIdOf(GRACE))).toList();
        Target approve = BlockKitJson.buttonTargets(SlackApi.json(toGrace.get(0), "blocks")).get(0);
        var click = new SlackRequests(Instant::now, aws.slackApi().responseUrl())
                .click(slackIdOf(GRACE), DecisionButtons.APPROVE, approve.encode());

        String reply = lean.run("SlackFunction", env(aws, Map.of()), slack(aws), AwsFunctions.slackEvent(click, false)).answer();

        assertTrue(reply.contains("\"statusCode\":200"), reply);
        aws.settle();
        assertEquals(1, aws.slackApi().calls("chat.postMessage").stream().filter(call -> call.get("channel").equals("D" + slackIdOf(ADA))
                && call.get("text").startsWith("Your leave is approved: ")).count(), "Ada was told her leave is approved");
    }

    /** The API function serves the organisation's calendar feed (ical4j, DynamoDB, the secret's API key). */
    static void apiCalendarFeed(AwsFunctions aws, LeanJar lean) {
        String event = FunctionUrlEvents.event("GET", "/api/calendar.ics", Map.of("authorization", "Bearer " + AwsFunctions.API_KEY),
                "", false);

        String answer = lean.run("ApiFunction", env(aws, Map.of()), Map.of(), event).answer();

        assertTrue(answer.contains("\"statusCode\":200"), answer);
        assertTrue(answer.contains("BEGIN:VCALENDAR"), answer);
    }

    /** The schedule's morning event starts the day's digest, whose durable function posts it to a Slack channel. */
    static void digestScheduleAndDigest(AwsFunctions aws, LeanJar lean) {
        Map<String, String> env = env(aws, Map.of(LeaveBotNames.DIGEST_FUNCTION_ENV,
                "arn:aws:lambda:us-east-1:123456789012:function:" + DIGEST + ":live",
                LeaveBotNames.DIGEST_SLACK_CHANNEL_ENV, CHANNEL));
        aws.engine().register(DIGEST, lean.durableFunction("DigestFunction", env, slack(aws)));

        String started = lean.run("DigestScheduleFunction", env, Map.of(), "{\"scheduledTime\":\"2026-12-02T09:00:00Z\"}").answer();

        assertEquals("{\"started\":\"digest-2026-12-02\"}", started);
        aws.settle();
        assertEquals(1, aws.slackApi().postsTo(CHANNEL));
    }

    /**
     * Teams ({@link AwsFunctions#inTeams()}): the function checks a {@code leave …} message's Bot Framework token
     * (keys from Microsoft on WireMock), answers Ada in Teams and starts the execution.
     */
    static void teamsLeaveMessage(AwsFunctions aws, LeanJar lean) {
        for (Person person : new Person[] {ADA, GRACE}) {
            aws.teamsApi().member(person);
            assertEquals(200, aws.teams(aws.teamsRequests().installed(person), false).status());
        }
        LocalDate monday = aMondayAhead();
        var message = new TeamsRequests(Instant::now, aws.teamsApi())
                .message(ADA, "leave " + monday + " " + monday.plusDays(4) + " Family trip");
        TeamsSettings microsoft = aws.teamsApi().settings();
        Map<String, String> properties = Map.of(LambdaHarness.TEAMS_OPENID, microsoft.openIdMetadata().toString(),
                LambdaHarness.TEAMS_TOKEN, microsoft.tokenEndpoint().toString(), LambdaHarness.TEAMS_APP_ID, TeamsApi.APP_ID,
                LambdaHarness.TEAMS_APP_PASSWORD, TeamsApi.APP_PASSWORD, LambdaHarness.TEAMS_TENANT, TeamsApi.TENANT);

        String answer = lean.run("TeamsFunction", env(aws, Map.of()), properties, AwsFunctions.teamsEvent(message, false)).answer();

        assertTrue(answer.contains("\"statusCode\":200"), answer);
        aws.verifyStartedAsynchronously(AwsFunctions.requestIdIn(aws.teamsApi().replies(ADA).get(0).toString()));
        aws.settle(); // the engine's own workflow takes the execution: let it finish before the stand-ins stop
    }

    /** The functions' settings as the stack sets them, and the AWS services at their stand-ins. */
    private static Map<String, String> env(AwsFunctions aws, Map<String, String> changes) {
        Map<String, String> env = new HashMap<>(aws.environment(changes));
        env.putAll(LeanJar.awsAt(aws.clients()));
        return env;
    }

    private static Map<String, String> slack(AwsFunctions aws) {
        return Map.of(LambdaHarness.SLACK_API, aws.slackApi().config().getMethodsEndpointUrlPrefix());
    }

    /** A Monday two weeks or more from today: a request the policy takes whenever the test runs. */
    private static LocalDate aMondayAhead() {
        return LocalDate.now(ZoneOffset.UTC).plusWeeks(2).with(TemporalAdjusters.next(DayOfWeek.MONDAY));
    }
}
