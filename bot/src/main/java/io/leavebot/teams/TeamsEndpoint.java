package io.leavebot.teams;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.leavebot.chat.ChatReplies;
import io.leavebot.leave.Person;
import io.leavebot.notify.ChatUnavailableException;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The bot's messaging endpoint ({@code /api/messages}): the local web server and the Lambda Function URL handler
 * hand every request from the Bot Connector here, as headers and the raw body. In order:
 * <ol>
 *   <li>the bearer token is checked ({@link RequestTokens}); a request that fails gets 401 with an empty body, and
 *   nothing else runs: no store, no workflow, no call to Microsoft but for its published keys;</li>
 *   <li>a body that is not an activity gets 400;</li>
 *   <li>the sender is looked up ({@link TeamsPeople}) and their conversation saved, then: a {@code message} is
 *   answered in the chat ({@link MessageCommands}); an {@code adaptiveCard/action} invoke is answered in the
 *   response ({@link CardActions}), as Teams wants within its time limit; an installation only saves the
 *   conversation; any other activity is acknowledged;</li>
 *   <li>an unexpected failure is logged in one line and answered 500, with no detail.</li>
 * </ol>
 * Logs name the activity type and the user id, never the text: it holds people's names and reasons.
 */
public final class TeamsEndpoint {
    /** What the Bot Connector is told. */
    public record Reply(int status, String contentType, String body) {
    }

    private static final System.Logger LOG = System.getLogger(TeamsEndpoint.class.getName());
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TEXT = "text/plain; charset=utf-8";

    private final RequestTokens tokens;
    private final TeamsPeople people;
    private final BotConnector connector;
    private final MessageCommands commands;
    private final CardActions actions;
    private final ChatReplies replies;

    TeamsEndpoint(RequestTokens tokens, TeamsPeople people, BotConnector connector, MessageCommands commands,
            CardActions actions, ChatReplies replies) {
        this.tokens = tokens;
        this.people = people;
        this.connector = connector;
        this.commands = commands;
        this.actions = actions;
        this.replies = replies;
    }

    /** @param headers the request's headers, names in any case */
    public Reply handle(Map<String, String> headers, String body) {
        Map<String, String> anyCase = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        anyCase.putAll(headers == null ? Map.of() : headers);
        JsonNode json = parse(body);
        Activity activity = json == null ? null : Activity.of(json);
        try {
            tokens.verify(anyCase.get("Authorization"), activity == null ? null : activity.serviceUrl(),
                    activity == null ? null : activity.channelId());
        } catch (RequestTokens.Refused e) {
            LOG.log(System.Logger.Level.INFO, "teams: 401, " + e.getMessage());
            return new Reply(401, TEXT, "");
        }
        if (activity == null || activity.type() == null || activity.fromId() == null || activity.conversationId() == null) {
            LOG.log(System.Logger.Level.INFO, "teams: 400, the body is not an activity");
            return new Reply(400, TEXT, "This is not a Bot Framework activity.");
        }
        try {
            return answer(activity);
        } catch (RuntimeException e) {
            String what = "teams " + activity.type() + " from user " + activity.fromId() + ": 500, ";
            if (e instanceof ChatUnavailableException) { // the Bot Connector failed: an outage, its reason is enough
                LOG.log(System.Logger.Level.WARNING, what + e.getMessage());
            } else {
                LOG.log(System.Logger.Level.ERROR, what + "a bug", e);
            }
            return new Reply(500, TEXT, "Internal Server Error");
        }
    }

    private Reply answer(Activity activity) {
        boolean message = Activity.MESSAGE.equals(activity.type());
        boolean click = activity.isCardAction();
        boolean installed = Activity.CONVERSATION_UPDATE.equals(activity.type())
                || Activity.INSTALLATION_UPDATE.equals(activity.type()) && !"remove".equals(activity.action());
        if (!message && !click && !installed) {
            return new Reply(200, TEXT, "");
        }
        Optional<Person> sender = people.sender(activity);
        sender.ifPresent(person -> people.remember(person, activity));
        if (click) {
            InvokeResponse response = sender.map(person -> actions.clicked(activity, person))
                    .orElseGet(() -> InvokeResponse.message(replies.noEmailAddress()));
            return new Reply(200, "application/json", response.toJson().toString());
        }
        if (message) {
            var card = sender.map(person -> commands.answer(activity, person))
                    .orElseGet(() -> TeamsCards.reply(replies.noEmailAddress()));
            connector.send(activity.conversation(), TeamsCards.message(card).put("replyToId", activity.id()));
        }
        return new Reply(200, TEXT, "");
    }

    /** The body as JSON, or null when it is not a JSON object. */
    private static JsonNode parse(String body) {
        try {
            JsonNode node = body == null ? null : JSON.readTree(body);
            return node != null && node.isObject() ? node : null;
        } catch (JsonProcessingException e) {
            return null;
        }
    }
}
