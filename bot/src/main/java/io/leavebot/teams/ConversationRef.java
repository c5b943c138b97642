package io.leavebot.teams;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A Bot Framework conversation reference: where the bot can message a person, proactively too. Saved in the
 * {@link io.leavebot.notify.ChatAddressBook} (as {@link #encode()}) when the person first talks to the bot or
 * installs it.
 *
 * @param serviceUrl     the Bot Connector to call, as the person's activities named it
 * @param conversationId the one-to-one chat with the bot ({@code a:…})
 * @param userId         the Teams user id ({@code 29:…})
 * @param aadObjectId    the user's Microsoft Entra object id, or null
 * @param tenantId       the Microsoft 365 tenant, or null
 */
record ConversationRef(String serviceUrl, String conversationId, String userId, String aadObjectId, String tenantId) {
    private static final ObjectMapper JSON = new ObjectMapper();

    String encode() {
        ObjectNode node = JSON.createObjectNode().put("serviceUrl", serviceUrl).put("conversationId", conversationId)
                .put("userId", userId).put("aadObjectId", aadObjectId).put("tenantId", tenantId);
        return node.toString();
    }

    /** @throws IllegalArgumentException when {@code encoded} is not one of {@link #encode()}'s */
    static ConversationRef decode(String encoded) {
        try {
            JsonNode node = JSON.readTree(encoded);
            String serviceUrl = node.path("serviceUrl").asText(null);
            String conversationId = node.path("conversationId").asText(null);
            if (serviceUrl == null || conversationId == null) {
                throw new IllegalArgumentException("not a Teams conversation reference: it lacks serviceUrl or conversationId");
            }
            return new ConversationRef(serviceUrl, conversationId, node.path("userId").asText(null),
                    node.path("aadObjectId").asText(null), node.path("tenantId").asText(null));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not a Teams conversation reference: not JSON");
        }
    }
}
