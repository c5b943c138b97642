package io.leavebot.teams;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.leavebot.notify.Digest;
import io.leavebot.notify.DigestChannel;
import io.leavebot.notify.DigestTexts;
import io.leavebot.notify.DigestTexts.Section;

/**
 * The who's-out digest as an Adaptive Card the bot sends proactively into a Teams channel or group chat
 * ({@code POST /v3/conversations/{id}/activities} at the Bot Connector, as for people's chats): the bot must be
 * installed in the team or chat. The card has the title, then a heading and a line per person for each team.
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
    public String post(Digest digest) {
        String activityId = connector.send(conversation, activity(digest));
        return new TeamsMessageRef(conversation.serviceUrl(), conversation.conversationId(), activityId).encode();
    }

    static ObjectNode activity(Digest digest) {
        ObjectNode card = TeamsCards.card();
        ArrayNode body = card.withArray("body");
        body.add(TeamsCards.title(DigestTexts.title(digest)));
        if (digest.everyoneIsIn()) {
            body.add(TeamsCards.paragraph(DigestTexts.everyoneIsIn(digest)));
        }
        for (Section section : DigestTexts.sections(digest)) {
            if (section.heading() != null) {
                body.add(TeamsCards.paragraph(section.heading()).put("weight", "Bolder").put("spacing", "Medium"));
            }
            section.lines().forEach(line -> body.add(TeamsCards.paragraph("• " + line).put("spacing", "None")));
        }
        return TeamsCards.message(card).put("summary", DigestTexts.title(digest));
    }
}
