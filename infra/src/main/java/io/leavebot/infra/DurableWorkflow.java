package io.leavebot.infra;

import java.util.Map;
import software.amazon.awscdk.Annotations;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.services.cloudwatch.Metric;
import software.amazon.awscdk.services.cloudwatch.MetricOptions;
import software.amazon.awscdk.services.cloudwatch.Stats;
import software.amazon.awscdk.services.iam.IRole;
import software.amazon.awscdk.services.lambda.Alias;
import software.amazon.awscdk.services.lambda.Code;
import software.amazon.awscdk.services.lambda.DurableConfig;
import software.amazon.awscdk.services.lambda.Function;
import software.amazon.awscdk.services.lambda.VersionOptions;
import software.constructs.Construct;

/**
 * The leave workflow as a Lambda durable function, named as {@link WorkflowArns} says, published as a version at
 * every change, with the alias the front ends start executions through. Lambda resolves the alias when an
 * execution starts and keeps the execution on that version, so a deploy never changes the steps under a running
 * request. For the same reason a deploy keeps the versions it replaces (CDK would delete them): an approval may
 * be days away, and its execution resumes on the version it started on.
 *
 * <p>No SnapStart here: nobody waits on the workflow's cold starts (it is invoked asynchronously), and its
 * containers read the secret when they start rather than when a version is published.
 */
final class DurableWorkflow extends Construct {
    /**
     * Memory, and with it CPU: 1 GB starts the JVM and the SDK clients in a few seconds, which is all an invocation
     * needs; it replays to the next wait and runs a few steps, each a store write and a message.
     */
    static final int MEMORY_MB = 1024;
    /**
     * One invocation, not the execution (that is the durable execution timeout): a few steps, each of which may
     * wait on a slow SES, Slack or DynamoDB call (the SDK clients give up on a socket after 30 s). A step cut off
     * runs again in the next invocation, which is safe (steps are idempotent) but wasted work.
     */
    static final Duration TIMEOUT = Duration.minutes(2);

    private final BotFunction bot;

    /**
     * @param executionTimeout how long an execution may run in all
     * @param retentionDays    how long Lambda keeps an execution's history once it has closed
     */
    DurableWorkflow(Construct scope, String id, Code jar, String handler, WorkflowArns arns,
            java.time.Duration executionTimeout, int retentionDays, Map<String, String> environment) {
        super(scope, id);
        this.bot = new BotFunction(this, "Handler", jar, handler, function -> function
                .functionName(arns.functionName())
                .memorySize(MEMORY_MB)
                .timeout(TIMEOUT)
                .environment(environment)
                .currentVersionOptions(VersionOptions.builder().removalPolicy(RemovalPolicy.RETAIN).build())
                .durableConfig(DurableConfig.builder()
                        .executionTimeout(Duration.seconds(executionTimeout.toSeconds()))
                        .retentionPeriod(Duration.days(retentionDays))
                        .build()));
        Annotations.of(bot.function()).acknowledgeInfo("aws-lambda:Function.DurableConfig",
                "the workflow function is durable from its creation");
        Alias.Builder.create(this, "Live")
                .aliasName(arns.aliasName())
                .version(bot.function().getCurrentVersion())
                .build();
    }

    IRole role() {
        return bot.role();
    }

    Function function() {
        return bot.function();
    }

    /** Executions that ended FAILED (the workflow threw, or a step failed for good), over 5 minutes. */
    Metric failedExecutions() {
        return sumOf("DurableExecutionFailed");
    }

    /** Executions Lambda stopped because they ran longer than the execution timeout, over 5 minutes. */
    Metric timedOutExecutions() {
        return sumOf("DurableExecutionTimedOut");
    }

    /** A metric of the function (dimension {@code FunctionName}: every version, so old executions count too). */
    private Metric sumOf(String metricName) {
        return bot.function().metric(metricName, MetricOptions.builder()
                .statistic(Stats.SUM).period(Duration.minutes(5)).build());
    }
}
