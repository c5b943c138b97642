package io.leavebot.slack;

import io.leavebot.leave.Person;
import io.leavebot.notify.ChatChannel;
import io.leavebot.notify.ChatUnavailableException;
import io.leavebot.notify.Notification;
import io.leavebot.notify.NotificationTexts;
import io.leavebot.slack.SlackMessages.Message;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The workflow's notifications as Slack DMs from the bot: {@code conversations.open} (scope {@code im:write}) finds
 * the DM with the person, {@code chat.postMessage} posts the message ({@code chat:write}), and {@code chat.update}
 * later replaces the approval request with the outcome. People known only by e-mail are found with
 * {@code users.lookupByEmail} ({@code users:read.email}).
 *
 * <p>Whatever goes wrong with Slack, an {@code "ok": false} answer, an HTTP error or no answer, is thrown as a
 * {@link ChatUnavailableException}, so the {@link io.leavebot.notify.Notifier} sends an e-mail instead; only Slack's
 * outages may pass (see {@link SlackCalls}).
 */
public final class SlackChatChannel implements ChatChannel {
    private final SlackWebApi slack;
    private final SlackPeople people;
    private final SlackMessages messages;
    /** user id → the id of the bot's DM with them, which never changes: one conversations.open per person. */
    private final Map<String, String> directMessages = new ConcurrentHashMap<>();

    /** @param slack the Web API with the bot token ({@code xoxb-…}) */
    public SlackChatChannel(SlackWebApi slack, SlackPeople people, NotificationTexts texts) {
        this.slack = slack;
        this.people = people;
        this.messages = new SlackMessages(texts);
    }

    @Override
    public String name() {
        return io.leavebot.LeaveBotNames.SLACK_CHANNEL;
    }

    /**
     * Whether the person has a Slack user id, or an e-mail address Slack knows. When Slack cannot be asked, the
     * answer is yes: the delivery then fails with Slack's reason, which the notifier logs before it sends e-mail.
     */
    @Override
    public boolean canReach(Person person) {
        try {
            return people.userIdOf(person).isPresent();
        } catch (ChatUnavailableException e) {
            return true;
        }
    }

    /** Posts into the DM with {@code to}; a reply goes into the thread of {@code replyTo} when that is in the same DM. */
    @Override
    public String deliver(Person to, Notification notification, String replyTo) {
        String userId = people.userIdOf(to).orElseThrow(() -> new ChatUnavailableException(
                "Slack has no member with the e-mail address of " + NotificationTexts.nameOf(to), null, false));
        String channel = directMessageWith(userId);
        String threadTs = threadIn(channel, replyTo);
        Message message = messages.of(notification);
        var posted = slack.postMessage(channel, threadTs, message.text(), message.blocks());
        return new SlackMessageRef(channel, posted.path("ts").asText()).encode();
    }

    /** Replaces the message: for the approval request, the outcome without buttons, so nobody clicks too late. */
    @Override
    public void update(String messageRef, Notification notification) {
        SlackMessageRef ref = ref(messageRef);
        Message message = messages.of(notification);
        slack.update(ref.channel(), ref.ts(), message.text(), message.blocks());
    }

    private String directMessageWith(String userId) {
        String known = directMessages.get(userId);
        if (known != null) {
            return known;
        }
        String opened = slack.openDirectMessage(userId);
        directMessages.put(userId, opened);
        return opened;
    }

    /** The thread to reply in: {@code replyTo}'s, if it is a message in {@code channel}; else none. */
    private static String threadIn(String channel, String replyTo) {
        if (replyTo == null) {
            return null;
        }
        SlackMessageRef original = ref(replyTo);
        return original.channel().equals(channel) ? original.ts() : null;
    }

    /** A reference from the notification log that is not a Slack message's fails like Slack would: e-mail takes over. */
    private static SlackMessageRef ref(String messageRef) {
        try {
            return SlackMessageRef.decode(messageRef);
        } catch (IllegalArgumentException e) {
            throw new ChatUnavailableException(e.getMessage(), e, false); // a message ref no retry can mend
        }
    }
}
