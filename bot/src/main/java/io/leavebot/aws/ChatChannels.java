package io.leavebot.aws;

import io.leavebot.notify.ChatChannel;
import io.leavebot.notify.NotificationTexts;
import io.leavebot.slack.SlackChatChannel;
import io.leavebot.slack.SlackPeople;
import io.leavebot.slack.SlackSettings;
import java.time.Clock;
import java.time.Duration;

/**
 * How the workflow function opens its chat channel when the secret has a Slack bot token; the channel is reached
 * first, e-mail is the fallback (see {@link io.leavebot.notify.Notifier}). {@link WorkflowFunction}'s public
 * constructor names the one the deployment uses.
 */
@FunctionalInterface
interface ChatChannels {
    /** No chat channel, whatever the secret holds: everyone is reached by e-mail. */
    ChatChannels EMAIL_ONLY = (slackBotToken, texts, clock) -> null;

    /** Slack DMs from the bot whose token the secret holds; people are looked up at most every 10 minutes. */
    ChatChannels SLACK = (slackBotToken, texts, clock) -> {
        var methods = SlackSettings.sdk().methods(slackBotToken);
        return new SlackChatChannel(methods, new SlackPeople(methods, clock, Duration.ofMinutes(10)), texts);
    };

    /**
     * @param texts the wording of notifications, in the deployment's time zone
     * @return the channel for the bot token, or null for none (e-mail only)
     */
    ChatChannel open(String slackBotToken, NotificationTexts texts, Clock clock);
}
