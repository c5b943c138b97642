package io.leavebot.slack;

import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.util.http.SlackHttpClient;
import java.time.Duration;

/**
 * What LeaveBot needs to talk to one Slack workspace.
 *
 * @param botToken      the bot user's token ({@code xoxb-…}, from {@code SLACK_BOT_TOKEN})
 * @param signingSecret the app's signing secret (from {@code SLACK_SIGNING_SECRET}), for {@link SlackEndpoint};
 *                      null in Socket Mode, where Slack's requests come over an authenticated WebSocket instead
 * @param slack         the SDK: {@link #sdk()} in production, {@link #sdk(SlackConfig)} pointed at a stand-in in tests
 */
public record SlackSettings(String botToken, String signingSecret, Slack slack) {

    public SlackSettings {
        if (botToken == null || botToken.isBlank()) {
            throw new IllegalArgumentException("Slack needs the bot token: set SLACK_BOT_TOKEN to the app's "
                    + "Bot User OAuth Token (xoxb-…), shown under OAuth & Permissions once the app is installed");
        }
        if (slack == null) {
            throw new IllegalArgumentException("Slack needs an SDK instance (Slack.getInstance())");
        }
    }

    /** Slack's SDK for slack.com as LeaveBot uses it: {@link #sdk(SlackConfig)} of a new configuration. */
    public static Slack sdk() {
        return sdk(new SlackConfig());
    }

    /**
     * Slack's SDK on {@code config} (a new one: the SDK's default configuration cannot be changed) with the SDK's
     * rate-limit statistics off, and its calls sent over LeaveBot's own transport ({@link PlainHttpCalls}).
     * LeaveBot does not read the statistics, and they cost a round trip where it hurts: before the first Web API call
     * of each token in a JVM made by a client without a team id (as {@code methods(token)}'s are), the SDK asks
     * {@code auth.test} which team the token belongs to, in front of the first ack after a cold start.
     */
    public static Slack sdk(SlackConfig config) {
        config.getMethodsConfig().setStatsEnabled(false);
        // OkHttp's defaults where the configuration sets none: 10 s to connect, 10 s for each read
        var client = new SlackHttpClient(PlainHttpCalls.client(Duration.ofSeconds(10),
                millis(config.getHttpClientReadTimeoutMillis(), 10_000)));
        return Slack.getInstance(config, client);
    }

    /** The SDK's setting for a timeout, where none (or 0) means OkHttp's default. */
    private static Duration millis(Integer setting, int otherwise) {
        return Duration.ofMillis(setting == null || setting <= 0 ? otherwise : setting);
    }

    /**
     * The Web API where the SDK's is ({@code methodsEndpointUrlPrefix}), with the bot token: for the calls LeaveBot
     * makes itself, without the SDK ({@link SlackWebApi}).
     */
    public SlackWebApi webApi() {
        return SlackWebApi.at(slack.getConfig().getMethodsEndpointUrlPrefix()).withToken(botToken);
    }

    /** Names the fields only: the token and the secret must not reach a log. */
    @Override
    public String toString() {
        return "SlackSettings[botToken=<hidden>, signingSecret=" + (signingSecret == null ? "none" : "<hidden>") + "]";
    }
}
