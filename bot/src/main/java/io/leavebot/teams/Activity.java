package io.leavebot.teams;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The parts of a Bot Framework activity LeaveBot reads. Teams sends {@code message} (what someone typed),
 * {@code invoke} named {@code adaptiveCard/action} (an {@code Action.Execute} click), {@code conversationUpdate} and
 * {@code installationUpdate} (the bot added to a chat); other types are acknowledged and ignored.
 *
 * @param fromId        the Teams user id ({@code 29:…}), which the Bot Connector's members API knows
 * @param aadObjectId   the user's Microsoft Entra (AAD) object id, or null
 * @param action        an installationUpdate's {@code add} or {@code remove}, else null
 * @param value         an invoke's value ({@code action.verb}, {@code action.data}); a missing node otherwise
 */
record Activity(String type, String id, String name, String serviceUrl, String channelId, String fromId, String aadObjectId,
        String conversationId, String conversationType, String tenantId, String text, String action, JsonNode value) {
    static final String MESSAGE = "message";
    static final String INVOKE = "invoke";
    static final String CONVERSATION_UPDATE = "conversationUpdate";
    static final String INSTALLATION_UPDATE = "installationUpdate";
    /** The invoke name of an {@code Action.Execute} click. */
    static final String CARD_ACTION = "adaptiveCard/action";

    static Activity of(JsonNode json) {
        JsonNode from = json.path("from");
        JsonNode conversation = json.path("conversation");
        String tenant = conversation.path("tenantId").asText(json.path("channelData").path("tenant").path("id").asText(null));
        return new Activity(text(json, "type"), text(json, "id"), text(json, "name"), text(json, "serviceUrl"),
                text(json, "channelId"), text(from, "id"), text(from, "aadObjectId"), text(conversation, "id"),
                text(conversation, "conversationType"), tenant, text(json, "text"), text(json, "action"), json.path("value"));
    }

    /** Whether this is {@code invoke} {@code adaptiveCard/action}. */
    boolean isCardAction() {
        return INVOKE.equals(type) && CARD_ACTION.equals(name);
    }

    /** Whether it comes from a one-to-one chat with the bot (LeaveBot talks to people there only). */
    boolean isPersonal() {
        return conversationType == null || "personal".equals(conversationType);
    }

    /** The conversation it arrived in, to answer in and to reach its sender later. */
    ConversationRef conversation() {
        return new ConversationRef(serviceUrl, conversationId, fromId, aadObjectId, tenantId);
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isTextual() && !value.asText().isBlank() ? value.asText() : null;
    }
}
