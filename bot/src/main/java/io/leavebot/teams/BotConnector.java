package io.leavebot.teams;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.leavebot.notify.ChatUnavailableException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * The Bot Connector's REST operations LeaveBot uses, relative to a conversation's {@code serviceUrl} and sent with
 * the bot's {@link ConnectorToken}: send an activity to a conversation, update one the bot sent, and read a member
 * of a conversation (a person's e-mail address and name). Every failure is a {@link ChatUnavailableException}.
 */
final class BotConnector {
    private final JsonHttp http;
    private final ConnectorToken token;

    BotConnector(JsonHttp http, ConnectorToken token) {
        this.http = http;
        this.token = token;
    }

    /** {@code POST /v3/conversations/{id}/activities}; the new activity's id. */
    String send(ConversationRef to, ObjectNode activity) {
        JsonNode answer = http.send("sending to a Teams conversation", "POST",
                uri(to.serviceUrl(), "/v3/conversations/" + escape(to.conversationId()) + "/activities"), token.get(), activity);
        String id = answer.path("id").asText(null);
        if (id == null) {
            throw new ChatUnavailableException("the Bot Connector answered a send without the activity's id");
        }
        return id;
    }

    /** {@code PUT /v3/conversations/{id}/activities/{activityId}}: replaces a message the bot sent. */
    void update(TeamsMessageRef message, ObjectNode activity) {
        activity.put("id", message.activityId());
        http.send("updating a Teams message", "PUT", uri(message.serviceUrl(), "/v3/conversations/"
                + escape(message.conversationId()) + "/activities/" + escape(message.activityId())), token.get(), activity);
    }

    /** {@code GET /v3/conversations/{id}/members/{userId}}: a Teams channel account (name, email, userPrincipalName). */
    JsonNode member(ConversationRef conversation) {
        return http.get("reading a Teams member", uri(conversation.serviceUrl(), "/v3/conversations/"
                + escape(conversation.conversationId()) + "/members/" + escape(conversation.userId())), token.get());
    }

    /** The service URL with or without its trailing slash, and the path. */
    private static URI uri(String serviceUrl, String path) {
        return URI.create(serviceUrl.replaceAll("/+$", "") + path);
    }

    /**
     * Each id is one path segment: what a segment may not hold is escaped; ':', which every Teams id has and a
     * segment may hold, is kept as the Bot Framework SDKs send it.
     */
    private static String escape(String segment) {
        return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20").replace("%3A", ":");
    }
}
