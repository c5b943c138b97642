package io.leavebot.teams;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.leavebot.calendar.WhosOut;
import io.leavebot.chat.ChatReplies;
import io.leavebot.chat.ChatReply;
import io.leavebot.leave.LeaveRequest;
import io.leavebot.notify.Notification;
import io.leavebot.notify.NotificationText;
import io.leavebot.notify.NotificationText.Detail;
import io.leavebot.notify.NotificationTexts;
import java.util.ArrayList;
import java.util.List;

/**
 * LeaveBot's messages as Adaptive Cards (version {@value #VERSION}, the highest Teams bots support), in the words of
 * {@link NotificationTexts} and {@link ChatReplies}, so Teams says what Slack and e-mail say: the title as a bold
 * text block, each paragraph as a text block, the details as a fact set. A request waiting for a decision gets
 * {@code Action.Execute} buttons: Approve, and Reject, which first shows a comment box. Their data carries the
 * request id (what {@link CardActions} acts on, after checking who clicked) and the callback id.
 */
final class TeamsCards {
    /** The attachment content type of an Adaptive Card, and the invoke response type that replaces a card. */
    static final String CONTENT_TYPE = "application/vnd.microsoft.card.adaptive";
    static final String VERSION = "1.5";
    /** Verbs of the {@code Action.Execute} buttons, matched by {@link CardActions}. */
    static final String APPROVE = "leave-approve";
    static final String REJECT = "leave-reject";
    /** Data fields of the decision buttons, and the id of the rejection's comment input. */
    static final String REQUEST_ID = "request";
    static final String CALLBACK_ID = "callback";
    static final String COMMENT = "comment";

    /** Text a who's-out card holds at most: well within the size of a Teams message. */
    static final int WHOS_OUT_CHARS = 16_000;

    private static final ObjectMapper JSON = new ObjectMapper();

    private final NotificationTexts texts;

    TeamsCards(NotificationTexts texts) {
        this.texts = texts;
    }

    /** The card for {@code notification}: with Approve / Reject for an approval request or a reminder. */
    ObjectNode notification(Notification notification) {
        NotificationText text = texts.of(notification);
        ObjectNode card = card();
        ArrayNode body = card.withArray("body");
        body.add(title(text.title()));
        text.paragraphs().forEach(p -> body.add(paragraph(p)));
        body.add(facts(text.details()));
        if (text.hasActions()) {
            card.set("actions", decisionActions(notification.leave(), notification.callbackId()));
        }
        return card;
    }

    /** A reply to someone: its paragraphs, then its facts. */
    static ObjectNode reply(ChatReply reply) {
        ObjectNode card = card();
        ArrayNode body = card.withArray("body");
        reply.paragraphs().forEach(p -> body.add(paragraph(p)));
        if (!reply.facts().isEmpty()) {
            body.add(facts(reply.facts()));
        }
        return card;
    }

    /**
     * Who is out on a day and later that week: the title, then per team its heading (bold) and a list of its people,
     * cut after {@value #WHOS_OUT_CHARS} characters of text (Teams refuses a message of more than about 28 KB).
     */
    static ObjectNode whosOut(WhosOut whosOut) {
        ObjectNode card = card();
        ArrayNode body = card.withArray("body");
        body.add(title(whosOut.title()));
        if (whosOut.nobodyOut()) {
            body.add(paragraph(whosOut.nobodyOutSentence()));
        }
        int length = 0;
        for (WhosOut.Section team : whosOut.teams()) {
            List<String> lines = new ArrayList<>();
            team.onTheDay().forEach(line -> lines.add("- " + line));
            if (!team.later().isEmpty()) {
                lines.add(team.onTheDay().isEmpty() ? "Later this week:" : "Also later this week:");
                team.later().forEach(line -> lines.add("- " + line));
            }
            String text = String.join("\n", lines);
            length += text.length() + (team.heading() == null ? 0 : team.heading().length());
            if (length > WHOS_OUT_CHARS) {
                body.add(paragraph("…and more than fits in one message."));
                break;
            }
            if (team.heading() != null) {
                body.add(paragraph(team.heading()).put("weight", "Bolder").put("spacing", "Medium"));
            }
            body.add(paragraph(text));
        }
        return card;
    }

    /** A message activity carrying {@code card}, as the Bot Connector takes it. */
    static ObjectNode message(ObjectNode card) {
        ObjectNode activity = JSON.createObjectNode().put("type", Activity.MESSAGE);
        activity.putArray("attachments").addObject().put("contentType", CONTENT_TYPE).set("content", card);
        return activity;
    }

    /** An empty card of {@value #VERSION}. */
    static ObjectNode card() {
        ObjectNode card = JSON.createObjectNode().put("type", "AdaptiveCard")
                .put("$schema", "http://adaptivecards.io/schemas/adaptive-card.json").put("version", VERSION);
        card.putArray("body");
        return card;
    }

    static ObjectNode title(String text) {
        return paragraph(text).put("size", "Medium").put("weight", "Bolder");
    }

    static ObjectNode paragraph(String text) {
        return JSON.createObjectNode().put("type", "TextBlock").put("text", text).put("wrap", true);
    }

    /** Approve, and Reject behind a comment box (optional; the employee sees it). */
    private static ArrayNode decisionActions(LeaveRequest leave, String callbackId) {
        ArrayNode actions = JSON.createArrayNode();
        actions.add(execute(NotificationTexts.APPROVE, APPROVE, leave.id(), callbackId));
        ObjectNode comment = card();
        comment.withArray("body").addObject().put("type", "Input.Text").put("id", COMMENT).put("isMultiline", true)
                .put("maxLength", ChatReplies.MAX_COMMENT).put("label", "Comment for " + NotificationTexts.nameOf(leave.employee()))
                .put("placeholder", "Optional: why the request is rejected");
        comment.putArray("actions").add(execute(NotificationTexts.REJECT, REJECT, leave.id(), callbackId));
        actions.addObject().put("type", "Action.ShowCard").put("title", NotificationTexts.REJECT + "…").set("card", comment);
        return actions;
    }

    private static ObjectNode execute(String title, String verb, String requestId, String callbackId) {
        ObjectNode action = JSON.createObjectNode().put("type", "Action.Execute").put("title", title).put("verb", verb);
        action.putObject("data").put(REQUEST_ID, requestId).put(CALLBACK_ID, callbackId);
        return action;
    }

    private static ObjectNode facts(List<Detail> details) {
        ObjectNode factSet = JSON.createObjectNode().put("type", "FactSet");
        ArrayNode facts = factSet.putArray("facts");
        details.forEach(d -> facts.addObject().put("title", d.label()).put("value", d.value()));
        return factSet;
    }

    /** The text of a data field or input, stripped; null when absent or blank. */
    static String field(JsonNode data, String name) {
        JsonNode value = data.path(name);
        return value.isValueNode() && !value.asText().isBlank() ? value.asText().strip() : null;
    }
}
