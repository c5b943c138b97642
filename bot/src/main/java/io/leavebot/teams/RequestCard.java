package io.leavebot.teams;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.leavebot.balance.Balance;
import io.leavebot.balance.Balances;
import io.leavebot.chat.BalanceReplies;
import io.leavebot.chat.ChatReplies;
import io.leavebot.chat.RequestIds;
import io.leavebot.leave.LeavePolicy;
import io.leavebot.leave.LeaveSubmission;
import io.leavebot.leave.LeaveValidator;
import io.leavebot.leave.Person;
import io.leavebot.notify.BalanceWording;
import io.leavebot.workflow.LeaveRequests;
import io.leavebot.workflow.LeaveRequests.Submitted;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The request form that {@code leave} alone answers with: leave type, first and last day, half day, reason, and
 * "Send request" ({@code Action.Execute}, verb {@value #SUBMIT}), with the employee's balances above the fields. Its data carries a form id made from the message
 * that asked for the form, so sending the same form twice (or Teams retrying the invoke) gives the same request id,
 * and {@link LeaveRequests#submit} starts at most one request. Once sent, the form is replaced by the receipt; a
 * refused one comes back with every problem above the fields, and the values as they were.
 */
final class RequestCard {
    static final String SUBMIT = "leave-request";
    static final String FORM_ID = "form";
    static final String TYPE = "type";
    static final String START = "start";
    static final String END = "end";
    static final String HALF_DAY = "halfDay";
    static final String REASON = "reason";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final LeaveRequests leaves;
    private final LeavePolicy policy;
    private final ChatReplies replies;

    RequestCard(LeaveRequests leaves, LeavePolicy policy, ChatReplies replies) {
        this.leaves = leaves;
        this.policy = policy;
        this.replies = replies;
    }

    /** A new, empty form for the message {@code messageId} asked with, showing {@code employee}'s balances. */
    ObjectNode form(String messageId, Person employee) {
        return form(RequestIds.from("teams-form:" + messageId), Map.of(), JSON.createObjectNode(), employee);
    }

    /** The form was sent: the receipt in its place, or the form again with its problems. */
    InvokeResponse submitted(JsonNode data, Person employee) {
        String formId = TeamsCards.field(data, FORM_ID);
        if (formId == null) {
            return InvokeResponse.message(replies.unreadableButton());
        }
        LeaveSubmission submission = submission(data, formId, employee);
        Submitted submitted = leaves.submit(submission);
        return InvokeResponse.card(submitted.accepted()
                ? TeamsCards.reply(replies.accepted(formId, submitted.leave(), submitted.warnings()))
                : form(formId, submitted.errors(), data, employee));
    }

    /**
     * The form, with every problem above the fields, then the balance: what the chosen type and days do to it when
     * the form comes back, else each limited type's balance (a card cannot change as its inputs change).
     */
    private ObjectNode form(String formId, Map<String, String> errors, JsonNode values, Person employee) {
        ObjectNode card = TeamsCards.card();
        ArrayNode body = card.withArray("body");
        body.add(TeamsCards.title("Ask for leave"));
        errors.values().forEach(problem -> body.add(TeamsCards.paragraph(problem).put("color", "Attention")));
        balanceLines(values, formId, employee, errors.isEmpty()).forEach(line -> body.add(TeamsCards.paragraph(line).put("isSubtle", true)));
        ObjectNode type = input(body, "Input.ChoiceSet", TYPE, "Leave type", values).put("isRequired", true);
        ArrayNode choices = type.putArray("choices");
        policy.types().forEach(t -> choices.addObject().put("title", t.substring(0, 1).toUpperCase(Locale.ROOT) + t.substring(1))
                .put("value", t));
        if (!type.has("value")) {
            type.put("value", policy.types().get(0));
        }
        input(body, "Input.Date", START, "First day", values).put("isRequired", true);
        input(body, "Input.Date", END, "Last day (for a single day, the first day again)", values).put("isRequired", true);
        input(body, "Input.Toggle", HALF_DAY, null, values).put("title", "Only half of that day (first and last day the same)")
                .put("valueOn", "true").put("valueOff", "false");
        input(body, "Input.Text", REASON, "Reason (optional; your approver sees it)", values).put("isMultiline", true)
                .put("maxLength", policy.maxReasonLength());
        ObjectNode send = card.putArray("actions").addObject().put("type", "Action.Execute").put("title", "Send request")
                .put("verb", SUBMIT);
        send.putObject("data").put(FORM_ID, formId);
        return card;
    }

    private List<String> balanceLines(JsonNode values, String formId, Person employee, boolean withWarning) {
        Balances balances = leaves.balances();
        String type = TeamsCards.field(values, TYPE);
        if (type != null) {
            LeaveSubmission chosen = submission(values, formId, employee);
            List<String> lines = BalanceReplies.form(balances, employee, type, chosen.start(), chosen.end(), chosen.halfDay(), formId);
            return withWarning || lines.isEmpty() ? lines : lines.subList(0, 1); // the problem is above already
        }
        return balances.all(employee).stream().filter(Balance::limited)
                .map(b -> "You have " + BalanceWording.summary(b) + ".").toList();
    }

    /** An input with its label and, when the form comes back, the value it had. */
    private static ObjectNode input(ArrayNode body, String kind, String id, String label, JsonNode values) {
        ObjectNode input = body.addObject().put("type", kind).put("id", id);
        if (label != null) {
            input.put("label", label);
        }
        String value = TeamsCards.field(values, id);
        if (value != null) {
            input.put("value", value);
        }
        return input;
    }

    private static LeaveSubmission submission(JsonNode data, String formId, Person employee) {
        return new LeaveSubmission(formId, employee, TeamsCards.field(data, TYPE),
                LeaveValidator.parseDate(LeaveValidator.START, TeamsCards.field(data, START)).date(),
                LeaveValidator.parseDate(LeaveValidator.END, TeamsCards.field(data, END)).date(),
                "true".equals(TeamsCards.field(data, HALF_DAY)), TeamsCards.field(data, REASON));
    }
}
