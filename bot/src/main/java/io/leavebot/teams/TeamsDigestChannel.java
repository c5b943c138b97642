package io.leavebot.teams;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.leavebot.calendar.WhosOut;
import io.leavebot.workflow.DigestChannel;

/**
 * The who's-out digest as an Adaptive Card the bot sends proactively into a Teams channel or group chat
 * ({@code POST /v3/conversations/{id}/activities} at the Bot Connector, as for people's chats): the bot must be
 * installed in the team or chat. The card is {@code leave whosout}'s.
 */
final class TeamsDigestChannel implements DigestChannel {
    private final BotConnector connector;
    private final ConversationRef conversation;

    /** @param conversation the channel's or chat's conversation ({@code 19:…@thread.tacv2}) at its service URL */
    TeamsDigestChannel(BotConnector connector, ConversationRef conversation) {
        this.connector = connector;
        this.conversation = conversation;
    }

    @Override
    public String name() {
        return TeamsPeople.CHANNEL;
    }

    @Override
    public String post(WhosOut digest) {
        String activityId = connector.send(conversation, activity(digest));
        return new TeamsMessageRef(conversation.serviceUrl(), conversation.conversationId(), activityId).encode();
    }

    /** The card of {@code /leave whosout} ({@link TeamsCards#whosOut}), with the title as Teams' summary. */
    static ObjectNode activity(WhosOut digest) {
        return TeamsCards.message(TeamsCards.whosOut(digest)).put("summary", digest.title());
    }
}
