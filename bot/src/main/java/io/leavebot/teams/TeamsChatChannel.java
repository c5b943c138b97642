package io.leavebot.teams;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.leavebot.leave.Person;
import io.leavebot.notify.ChatChannel;
import io.leavebot.notify.ChatUnavailableException;
import io.leavebot.notify.Notification;
import io.leavebot.notify.NotificationTexts;

/**
 * The workflow's notifications as Adaptive Cards in the person's one-to-one chat with the bot, sent proactively
 * through the Bot Connector ({@code POST …/activities}) in the conversation saved when they last talked to the bot
 * ({@link TeamsPeople}); the approval card is later replaced by the outcome ({@code PUT …/activities/{id}}). Someone
 * who never talked to the bot in Teams cannot be reached here: Teams lets a bot start no chat with a person who has
 * not installed it, so the {@link io.leavebot.notify.Notifier} tries the next channel, or e-mail.
 *
 * <p>A one-to-one chat has no threads, so a reminder is a card of its own. Whatever goes wrong with the Bot
 * Connector or the token endpoint is thrown as a {@link ChatUnavailableException}.
 */
final class TeamsChatChannel implements ChatChannel {
    private final TeamsPeople people;
    private final BotConnector connector;
    private final TeamsCards cards;

    TeamsChatChannel(TeamsPeople people, BotConnector connector, TeamsCards cards) {
        this.people = people;
        this.connector = connector;
        this.cards = cards;
    }

    @Override
    public String name() {
        return TeamsPeople.CHANNEL;
    }

    /** Whether the person talked to the bot in Teams (or installed it) before: a saved conversation. */
    @Override
    public boolean canReach(Person person) {
        return people.conversationWith(person).isPresent();
    }

    @Override
    public String deliver(Person to, Notification notification, String replyTo) {
        ConversationRef conversation = people.conversationWith(to).orElseThrow(() -> new ChatUnavailableException(
                NotificationTexts.nameOf(to) + " has no chat with the bot in Teams", null, false));
        String activityId = connector.send(conversation, activity(notification));
        return new TeamsMessageRef(conversation.serviceUrl(), conversation.conversationId(), activityId).encode();
    }

    @Override
    public void update(String messageRef, Notification notification) {
        TeamsMessageRef message;
        try {
            message = TeamsMessageRef.decode(messageRef);
        } catch (IllegalArgumentException e) {
            throw new ChatUnavailableException(e.getMessage(), e, false); // a message ref no retry can mend
        }
        connector.update(message, activity(notification));
    }

    /** The card, with its title as the summary Teams shows in notifications and the chat list. */
    private ObjectNode activity(Notification notification) {
        ObjectNode card = cards.notification(notification);
        return TeamsCards.message(card).put("summary", card.path("body").path(0).path("text").asText());
    }
}
