package io.leavebot.teams;

import com.fasterxml.jackson.databind.JsonNode;
import io.leavebot.chat.ChatReplies;
import io.leavebot.chat.ChatReply;
import io.leavebot.leave.LeaveRequest;
import io.leavebot.leave.Person;
import io.leavebot.workflow.Answer;
import io.leavebot.workflow.LeaveRequests;
import io.leavebot.workflow.LeaveRequests.Answered;
import java.util.List;
import java.util.Locale;

/**
 * {@code Action.Execute} clicks ({@code adaptiveCard/action} invokes): Approve and Reject on an approval card
 * ({@link TeamsCards}), and the request form's "Send request" ({@link RequestCard}). Only the request id is taken
 * from the card: {@link LeaveRequests#answer} checks that the clicking person is the request's approver and that it
 * still waits, and finds the callback itself. An accepted decision replaces the card with the outcome, without
 * buttons; a click on a request decided, expired or withdrawn before replaces it with how the request stands; any
 * other refusal (not yours, unknown, not ready, a comment too long) is a message and leaves the card as it is.
 */
final class CardActions {
    private static final System.Logger LOG = System.getLogger(CardActions.class.getName());

    private final LeaveRequests leaves;
    private final ChatReplies replies;
    private final RequestCard requestForm;

    CardActions(LeaveRequests leaves, ChatReplies replies, RequestCard requestForm) {
        this.leaves = leaves;
        this.replies = replies;
        this.requestForm = requestForm;
    }

    InvokeResponse clicked(Activity click, Person clicker) {
        JsonNode action = click.value().path("action");
        String verb = action.path("verb").asText("");
        JsonNode data = action.path("data");
        return switch (verb) {
            case TeamsCards.APPROVE, TeamsCards.REJECT -> decide(verb, data, clicker);
            case RequestCard.SUBMIT -> requestForm.submitted(data, clicker);
            default -> {
                LOG.log(System.Logger.Level.INFO, "teams card action with verb '" + verb + "' by user " + click.fromId()
                        + ": not LeaveBot's");
                yield InvokeResponse.message(replies.unreadableButton());
            }
        };
    }

    private InvokeResponse decide(String verb, JsonNode data, Person clicker) {
        String requestId = TeamsCards.field(data, TeamsCards.REQUEST_ID);
        if (requestId == null) {
            return InvokeResponse.message(replies.unreadableButton());
        }
        String comment = TeamsCards.field(data, TeamsCards.COMMENT);
        if (comment != null && comment.length() > ChatReplies.MAX_COMMENT) {
            return InvokeResponse.message(new ChatReply(List.of(replies.commentTooLong(comment.length())), List.of()));
        }
        Answer answer = TeamsCards.APPROVE.equals(verb) ? Answer.approve(clicker, null) : Answer.reject(clicker, comment);
        Answered answered = leaves.answer(requestId, TeamsCards.field(data, TeamsCards.CALLBACK_ID), answer);
        ChatReply reply = replies.answered(requestId, answer, answered);
        if (answered.result() != Answered.Result.ACCEPTED) {
            LOG.log(System.Logger.Level.INFO, "teams " + answer.outcome().name().toLowerCase(Locale.ROOT) + " of request "
                    + requestId + " (" + LeaveRequest.executionNameFor(requestId) + ") by " + clicker.key() + ": "
                    + answered.result());
        }
        boolean settled = answered.result() == Answered.Result.ACCEPTED
                || answered.result() == Answered.Result.ALREADY_DECIDED && answered.leave().status().isFinal();
        return settled ? InvokeResponse.card(TeamsCards.reply(reply)) : InvokeResponse.message(reply);
    }
}
