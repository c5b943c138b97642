package io.leavebot.aws;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.slack.api.SlackConfig;
import io.leavebot.slack.SlackWebApi;
import io.leavebot.teams.TeamsSettings;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.time.Clock;

/**
 * What the Lambda runtime does with a handler, in a fresh JVM whose class path is the lean jar and this class alone
 * ({@link LambdaPackageIT}): build the handler once, give it one event (read from standard input) and write its
 * answer to standard output. It uses only the JDK and classes the jar holds, so a class the jar lacks fails here as
 * it would on Lambda.
 *
 * <p>The AWS services come as on Lambda, from the environment: the region, the credentials chain and each service's
 * {@code AWS_ENDPOINT_URL_<SERVICE>} (which the test points at the stand-ins). Slack's and Microsoft's endpoints have
 * no such variable, so the handlers that call them are built with the constructor their tests use, given the system
 * properties {@value #SLACK_API} and {@value #TEAMS_OPENID} / {@value #TEAMS_TOKEN} (the Teams keys in
 * {@value #TEAMS_APP_ID}, {@value #TEAMS_APP_PASSWORD}, {@value #TEAMS_TENANT}); the others with Lambda's own.
 *
 * <p>The last line on standard error is {@code cold-start init-at=<ms> answer-at=<ms> cpu=<ms>}: the wall clock (ms
 * since the epoch) when the handler was built and when its first answer was written, for the test to count from the
 * moment it started the JVM, and the CPU time the JVM had used by then (all its threads: on a busy machine a steadier
 * figure than the wall clock's). Nothing is read from the JVM's management beans: loading them would cost the
 * measured start some 20 ms that Lambda's own runtime does not spend.
 */
public final class LambdaHarness {
    static final String SLACK_API = "leavebot.slack.api";
    static final String TEAMS_OPENID = "leavebot.teams.openid";
    static final String TEAMS_TOKEN = "leavebot.teams.token";
    static final String TEAMS_APP_ID = "leavebot.teams.appId";
    static final String TEAMS_APP_PASSWORD = "leavebot.teams.appPassword";
    static final String TEAMS_TENANT = "leavebot.teams.tenantId";
    static final String TIMING = "cold-start";
    /** The properties that name a service's address (reached over TLS in {@link LeanJar}, as on Lambda). */
    static final java.util.Set<String> ENDPOINTS = java.util.Set.of(SLACK_API, TEAMS_OPENID, TEAMS_TOKEN);

    private LambdaHarness() {
    }

    /** {@code args[0]}: the handler's simple class name, e.g. {@code SlackFunction}. */
    public static void main(String[] args) throws IOException {
        PrintStream answerOut = System.out;
        System.setOut(System.err); // anything a library prints goes to standard error, not into the answer
        RequestStreamHandler handler = handler(args[0]);
        long init = System.currentTimeMillis();
        byte[] event = System.in.readAllBytes();
        var answer = new ByteArrayOutputStream();
        handler.handleRequest(new ByteArrayInputStream(event), answer, null);
        answerOut.write(answer.toByteArray());
        answerOut.flush();
        long answered = System.currentTimeMillis();
        long cpu = ProcessHandle.current().info().totalCpuDuration().map(java.time.Duration::toMillis).orElse(-1L);
        System.err.println(TIMING + " init-at=" + init + " answer-at=" + answered + " cpu=" + cpu);
        // as Lambda freezes the environment: threads a client left running do not hold the JVM, and no shutdown hook
        // runs (the CRT's would wait over a second for its native threads)
        Runtime.getRuntime().halt(0);
    }

    private static RequestStreamHandler handler(String name) {
        return switch (name) {
            case "ApiFunction" -> new ApiFunction();
            case "DigestScheduleFunction" -> new DigestScheduleFunction();
            case "SlackFunction" -> {
                AwsSettings settings = AwsSettings.fromEnvironment();
                yield new SlackFunction(settings, AwsClients.inRegion(settings.region()), Clock.system(settings.zone()), slack());
            }
            case "TeamsFunction" -> {
                AwsSettings settings = AwsSettings.fromEnvironment();
                yield new TeamsFunction(settings, AwsClients.inRegion(settings.region()), Clock.system(settings.zone()),
                        microsoft());
            }
            case "WorkflowFunction" -> {
                AwsSettings settings = AwsSettings.fromEnvironment();
                yield new WorkflowFunction(settings, AwsClients.inRegion(settings.region()), Clock.systemUTC(),
                        ChatChannels.slack(slackWebApi()), microsoft());
            }
            case "DigestFunction" -> {
                AwsSettings settings = AwsSettings.fromEnvironment();
                yield new DigestFunction(settings, AwsClients.inRegion(settings.region()), Clock.systemUTC(), slackWebApi(),
                        microsoft());
            }
            default -> throw new IllegalArgumentException("no handler " + name);
        };
    }

    /** Slack's Web API where {@value #SLACK_API} says, else slack.com. */
    private static SlackConfig slack() {
        SlackConfig config = new SlackConfig();
        String url = System.getProperty(SLACK_API);
        if (url != null) {
            config.setMethodsEndpointUrlPrefix(url);
        }
        return config;
    }

    /** LeaveBot's own client of Slack's Web API, where {@value #SLACK_API} says, else slack.com's. */
    private static SlackWebApi slackWebApi() {
        String url = System.getProperty(SLACK_API);
        return url != null ? SlackWebApi.at(url) : SlackWebApi.slackCom();
    }

    /** Microsoft's endpoints where {@value #TEAMS_OPENID} and {@value #TEAMS_TOKEN} say, else null (Microsoft's). */
    private static TeamsSettings microsoft() {
        String openId = System.getProperty(TEAMS_OPENID);
        if (openId == null) {
            return null;
        }
        return new TeamsSettings(System.getProperty(TEAMS_APP_ID), System.getProperty(TEAMS_APP_PASSWORD),
                System.getProperty(TEAMS_TENANT), URI.create(openId), URI.create(System.getProperty(TEAMS_TOKEN)));
    }
}
