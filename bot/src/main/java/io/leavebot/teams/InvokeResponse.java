package io.leavebot.teams;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.leavebot.chat.ChatReply;

/**
 * The answer to an {@code adaptiveCard/action} invoke, sent as the HTTP response's body (status 200): a card that
 * replaces the clicked one, or a message Teams shows beside it and leaves the card as it is (Universal Actions'
 * response format).
 */
record InvokeResponse(String type, JsonNode value) {
    static final String MESSAGE_TYPE = "application/vnd.microsoft.activity.message";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The clicked card is replaced by {@code card}. */
    static InvokeResponse card(ObjectNode card) {
        return new InvokeResponse(TeamsCards.CONTENT_TYPE, card);
    }

    /** The card stays as it is; Teams shows {@code reply} as a short message. */
    static InvokeResponse message(ChatReply reply) {
        return new InvokeResponse(MESSAGE_TYPE, new TextNode(reply.plainText()));
    }

    ObjectNode toJson() {
        ObjectNode body = JSON.createObjectNode().put("statusCode", 200).put("type", type);
        body.set("value", value);
        return body;
    }
}
