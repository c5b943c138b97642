package io.leavebot.teams;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Where a message the bot posted is, to update it later: the notification log keeps it as {@link #encode()}. */
record TeamsMessageRef(String serviceUrl, String conversationId, String activityId) {
    private static final ObjectMapper JSON = new ObjectMapper();

    String encode() {
        return JSON.createObjectNode().put("serviceUrl", serviceUrl).put("conversationId", conversationId)
                .put("activityId", activityId).toString();
    }

    /** @throws IllegalArgumentException when {@code encoded} is not one of {@link #encode()}'s (say, a Slack reference) */
    static TeamsMessageRef decode(String encoded) {
        try {
            JsonNode node = JSON.readTree(encoded);
            TeamsMessageRef ref = new TeamsMessageRef(node.path("serviceUrl").asText(null),
                    node.path("conversationId").asText(null), node.path("activityId").asText(null));
            if (ref.serviceUrl() == null || ref.conversationId() == null || ref.activityId() == null) {
                throw new IllegalArgumentException("not a Teams message reference");
            }
            return ref;
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not a Teams message reference: not JSON");
        }
    }
}
