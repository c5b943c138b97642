package io.leavebot.slack;

import com.slack.api.Slack;

/**
 * What LeaveBot needs to talk to one Slack workspace.
 *
 * @param botToken      the bot user's token ({@code xoxb-…}, from {@code SLACK_BOT_TOKEN})
 * @param signingSecret the app's signing secret (from {@code SLACK_SIGNING_SECRET}), for {@link SlackEndpoint};
 *                      null in Socket Mode, where Slack's requests come over an authenticated WebSocket instead
 * @param slack         the SDK: {@code Slack.getInstance()} in production, one pointed at a stand-in in tests
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

    /** Names the fields only: the token and the secret must not reach a log. */
    @Override
    public String toString() {
        return "SlackSettings[botToken=<hidden>, signingSecret=" + (signingSecret == null ? "none" : "<hidden>") + "]";
    }
}
