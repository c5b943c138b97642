package io.leavebot.infra;

import static io.leavebot.LeaveBotNames.DIGEST_FUNCTION_ENV;
import static io.leavebot.LeaveBotNames.DIGEST_SLACK_CHANNEL_ENV;
import static io.leavebot.LeaveBotNames.DIGEST_TEAMS_CONVERSATION_ENV;
import static io.leavebot.LeaveBotNames.DIGEST_TEAMS_SERVICE_URL_ENV;
import static io.leavebot.LeaveBotNames.DIGEST_TIME_ENV;

import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.iam.IRole;
import software.amazon.awscdk.services.iam.Role;
import software.amazon.awscdk.services.iam.ServicePrincipal;
import software.amazon.awscdk.services.iam.ServicePrincipalOpts;
import software.amazon.awscdk.services.lambda.Code;
import software.amazon.awscdk.services.lambda.Function;
import software.amazon.awscdk.services.scheduler.CfnSchedule;
import software.constructs.Construct;

/**
 * The daily who's-out digest: its durable function ({@link DurableWorkflow}, {@code DigestFunction}, published with
 * a {@value LeaveBotStack#LIVE} alias), a small function that starts the day's execution under its name
 * ({@code DigestScheduleFunction}: a schedule cannot name an execution, and Lambda needs the alias, a qualified ARN,
 * to start a durable one), and an EventBridge Scheduler schedule that invokes that function every day at the
 * digest's time in the stack's time zone (the function skips days that are not working mornings). The schedule
 * passes its own time, so a retry hours later still posts that morning's digest, never the next day's.
 */
final class DigestSchedule extends Construct {
    static final String DIGEST_HANDLER = "io.leavebot.aws.DigestFunction::handleRequest";
    static final String SCHEDULE_HANDLER = "io.leavebot.aws.DigestScheduleFunction::handleRequest";
    /** A digest is a few reads and two posts; its posts retry for about an hour when chat is down. */
    static final java.time.Duration EXECUTION_TIMEOUT = java.time.Duration.ofDays(1);
    /** The schedule's retries give up after this: a digest later than lunch is no longer news. */
    static final int MAXIMUM_EVENT_AGE_SECONDS = 4 * 3600;
    /** What the schedule sends: its scheduled time (EventBridge Scheduler fills in the context attribute). */
    static final String INPUT = "{\"scheduledTime\": \"<aws.scheduler.scheduled-time>\"}";

    private final DurableWorkflow digest;
    private final BotFunction starter;
    private final WorkflowArns arns;

    /**
     * @param settings the digest function's settings besides the digest's own: the secret, table, zone and routing
     * @param place    the policy's country and region for the starter, which counts working days
     */
    DigestSchedule(Construct scope, String id, Code jar, WorkflowArns arns, DigestProps props, ZoneId zone,
            int retentionDays, Map<String, String> settings, Map<String, String> place) {
        super(scope, id);
        this.arns = arns;
        Map<String, String> digestSettings = new HashMap<>(settings);
        props.slack().ifPresent(channel -> digestSettings.put(DIGEST_SLACK_CHANNEL_ENV, channel));
        props.teams().ifPresent(conversation -> digestSettings.put(DIGEST_TEAMS_CONVERSATION_ENV, conversation));
        if (props.teamsServiceUrl() != null) {
            digestSettings.put(DIGEST_TEAMS_SERVICE_URL_ENV, props.teamsServiceUrl());
        }
        this.digest = new DurableWorkflow(this, "Digest", jar, DIGEST_HANDLER, arns, EXECUTION_TIMEOUT, retentionDays,
                Map.copyOf(digestSettings));
        Map<String, String> starterSettings = new HashMap<>(place);
        starterSettings.put(DIGEST_FUNCTION_ENV, arns.alias());
        starterSettings.put(DIGEST_TIME_ENV, props.time().toString());
        starterSettings.put(io.leavebot.LeaveBotNames.TIME_ZONE_ENV, zone.getId());
        this.starter = new BotFunction(this, "Start", jar, SCHEDULE_HANDLER, function -> function
                .memorySize(512)
                .timeout(Duration.seconds(30))
                .environment(Map.copyOf(starterSettings)));
        arns.grantStart(starter.role());
        arns.grantCheckpoints(digest.role());
        schedule(props, zone);
    }

    private void schedule(DigestProps props, ZoneId zone) {
        // only this account's schedules may take the role (the confused-deputy guard AWS recommends for Scheduler)
        var invoker = Role.Builder.create(this, "ScheduleRole")
                .assumedBy(new ServicePrincipal("scheduler.amazonaws.com", ServicePrincipalOpts.builder()
                        .conditions(Map.of("StringEquals", Map.of("aws:SourceAccount", Stack.of(this).getAccount())))
                        .build()))
                .build();
        starter.function().grantInvoke(invoker);
        CfnSchedule.Builder.create(this, "Schedule")
                .description("Starts LeaveBot's who's-out digest each morning (working days only: the function checks)")
                .scheduleExpression(props.cron())
                .scheduleExpressionTimezone(zone.getId())
                .flexibleTimeWindow(CfnSchedule.FlexibleTimeWindowProperty.builder().mode("OFF").build())
                .target(CfnSchedule.TargetProperty.builder()
                        .arn(starter.function().getFunctionArn())
                        .roleArn(invoker.getRoleArn())
                        .input(INPUT)
                        .retryPolicy(CfnSchedule.RetryPolicyProperty.builder()
                                .maximumEventAgeInSeconds(MAXIMUM_EVENT_AGE_SECONDS)
                                .maximumRetryAttempts(20)
                                .build())
                        .build())
                .build();
    }

    /** The digest's durable function (its role reads the table and the secret, and writes claims and posts). */
    DurableWorkflow digest() {
        return digest;
    }

    IRole digestRole() {
        return digest.role();
    }

    /** The digest's and the starter's functions, which the policy layer goes into. */
    List<Function> functions() {
        return List.of(digest.function(), starter.function());
    }
}
