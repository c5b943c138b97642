package io.leavebot.teams;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.leavebot.calendar.WhosOut;
import io.leavebot.workflow.DigestChannel;
import io.leavebot.workflow.DigestLines;
import java.util.List;

/**
 * The who's-out digest as an Adaptive Card the bot sends proactively into a Teams channel or group chat
 * ({@code POST /v3/conversations/{id}/activities} at the Bot Connector, as for people's chats): the bot must be
 * installed in the team or chat. The card has the title, then for each team its heading and a line per person, in
 * the words of {@link WhosOut}.
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

    static ObjectNode activity(WhosOut digest) {
        ObjectNode card = TeamsCards.card();
        ArrayNode body = card.withArray("body");
        body.add(TeamsCards.title(digest.title()));
        if (digest.nobodyOut()) {
            body.add(TeamsCards.paragraph(digest.nobodyOutSentence()));
        }
        for (WhosOut.Section team : digest.teams()) {
            List<String> lines = DigestLines.of(digest, team);
            for (int i = 0; i < lines.size(); i++) {
                ObjectNode block = TeamsCards.paragraph(lines.get(i));
                body.add(i == 0 && team.heading() != null ? block.put("weight", "Bolder").put("spacing", "Medium")
                        : block.put("spacing", "None"));
            }
        }
        return TeamsCards.message(card).put("summary", digest.title());
    }
}
