package io.leavebot.aws;

import com.slack.api.SlackConfig;
import io.leavebot.LeaveBotNames;
import io.leavebot.testing.SlackRequests;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;

/**
 * The Slack function's cold start, for {@code bench/run bot}: run in a fresh JVM (as Lambda starts one), it builds
 * {@link SlackFunction} as Lambda would and hands it one signed {@code /leave list} as a Function URL event, then
 * prints the milliseconds from the JVM's start to the ack. The services are the stand-ins named by system
 * properties: {@code dynamodb}, {@code secretsmanager}, {@code lambda} and {@code slack} (the Web API URL), plus
 * {@code table}; the secret {@link #SECRET_ARN} must hold {@link #SECRET}.
 */
public final class SlackFunctionColdStart {
    public static final String SECRET_ARN = AwsFunctions.SECRET_ARN;
    public static final String SECRET = AwsFunctions.SECRET;

    private SlackFunctionColdStart() {
    }

    public static void main(String[] args) {
        Map<String, String> env = new HashMap<>(Map.of("AWS_REGION", "us-east-1",
                LeaveBotNames.LEAVES_TABLE_ENV, System.getProperty("table"),
                LeaveBotNames.SECRET_ARN_ENV, AwsFunctions.SECRET_ARN,
                LeaveBotNames.WORKFLOW_FUNCTION_ENV, AwsFunctions.WORKFLOW_ALIAS_ARN,
                LeaveBotNames.ROUTING_ENV, AwsFunctions.ROUTING));
        var credentials = StaticCredentialsProvider.create(AwsBasicCredentials.create(AwsFunctions.LAMBDA_KEY.accessKeyId(),
                AwsFunctions.LAMBDA_KEY.secretAccessKey()));
        var clients = new AwsClients(Region.US_EAST_1, credentials, URI.create(System.getProperty("dynamodb")), null,
                URI.create(System.getProperty("lambda")), URI.create(System.getProperty("secretsmanager")));
        SlackConfig slack = new SlackConfig();
        slack.setMethodsEndpointUrlPrefix(System.getProperty("slack"));

        var function = new SlackFunction(AwsSettings.of(env), clients, Clock.systemUTC(), slack);
        var command = new SlackRequests(Instant::now, "http://127.0.0.1:9/response").command("U01ADA", "list");
        var answer = FunctionUrlEvents.invoke(function, AwsFunctions.slackEvent(command, false));
        long ms = System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
        if (answer.status() != 200) {
            throw new IllegalStateException("the first command was answered " + answer.status() + ": " + answer.body());
        }
        System.out.println(ms);
    }
}
