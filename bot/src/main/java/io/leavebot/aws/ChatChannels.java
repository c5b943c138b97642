package io.leavebot.aws;

import io.leavebot.notify.ChatChannel;
import io.leavebot.notify.NotificationTexts;
import java.time.Clock;

/**
 * How the workflow function opens its chat channel when the secret has a Slack bot token; the channel is reached
 * first, e-mail is the fallback (see {@link io.leavebot.notify.Notifier}). {@link WorkflowFunction}'s public
 * constructor names the one the deployment uses.
 */
@FunctionalInterface
interface ChatChannels {
    /** No chat channel, whatever the secret holds: everyone is reached by e-mail. */
    ChatChannels EMAIL_ONLY = (slackBotToken, texts, clock) -> null;

    /**
     * @param texts the wording of notifications, in the deployment's time zone
     * @return the channel for the bot token, or null for none (e-mail only)
     */
    ChatChannel open(String slackBotToken, NotificationTexts texts, Clock clock);
}
