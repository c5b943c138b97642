package io.leavebot.aws;

import io.leavebot.notify.ChatAddressBook;
import io.leavebot.notify.ChatChannel;
import io.leavebot.notify.ChatStatus;
import io.leavebot.notify.NotificationTexts;
import io.leavebot.notify.UserTokens;
import io.leavebot.slack.SlackChatChannel;
import io.leavebot.slack.SlackPeople;
import io.leavebot.slack.SlackStatus;
import io.leavebot.slack.SlackWebApi;
import io.leavebot.slack.TokenSeal;
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
    ChatChannels EMAIL_ONLY = (slackBotToken, addresses, texts, clock) -> null;

    /** How long what Slack said about a person (name, e-mail, user id) is kept before Slack is asked again. */
    Duration SLACK_PEOPLE_TTL = Duration.ofMinutes(10);

    /**
     * Slack DMs from the bot whose token the secret holds, through {@code slackApi}: {@link SlackWebApi#slackCom()} in
     * the deployment, a stand-in in tests. LeaveBot's own client, not the SDK's: the workflow function loads no
     * Slack SDK, OkHttp, Kotlin or Gson.
     */
    static ChatChannels slack(SlackWebApi slackApi) {
        return new ChatChannels() {
            @Override
            public ChatChannel open(String slackBotToken, ChatAddressBook addresses, NotificationTexts texts, Clock clock) {
                var bot = slackApi.withToken(slackBotToken);
                return new SlackChatChannel(bot, new SlackPeople(bot, addresses, clock, SLACK_PEOPLE_TTL), texts);
            }

            @Override
            public ChatStatus status(UserTokens tokens, TokenSeal seal, Clock clock) {
                return new SlackStatus(slackApi, tokens, seal, clock);
            }
        };
    }

    /**
     * @param addresses where Slack user ids of people known by e-mail are kept
     * @param texts     the wording of notifications, in the deployment's time zone
     * @return the channel for the bot token, or null for none (e-mail only)
     */
    ChatChannel open(String slackBotToken, ChatAddressBook addresses, NotificationTexts texts, Clock clock);

    /** People's Slack status while on leave, through the same Web API; none for {@link #EMAIL_ONLY}. */
    default ChatStatus status(UserTokens tokens, TokenSeal seal, Clock clock) {
        return ChatStatus.NONE;
    }
}
