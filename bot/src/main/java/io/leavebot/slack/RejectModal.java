package io.leavebot.slack;

import static com.slack.api.model.block.Blocks.input;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.plainTextInput;
import static com.slack.api.model.view.Views.view;
import static com.slack.api.model.view.Views.viewClose;
import static com.slack.api.model.view.Views.viewSubmit;
import static com.slack.api.model.view.Views.viewTitle;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.slack.api.bolt.context.builtin.ViewSubmissionContext;
import com.slack.api.bolt.request.builtin.ViewSubmissionRequest;
import com.slack.api.bolt.response.Response;
import com.slack.api.methods.SlackApiException;
import com.slack.api.model.view.View;
import com.slack.api.model.view.ViewState;
import io.leavebot.chat.ChatReplies;
import io.leavebot.chat.ChatReply;
import io.leavebot.leave.LeaveRequest;
import io.leavebot.slack.HomeView.Notice;
import io.leavebot.workflow.Answer;
import io.leavebot.workflow.LeaveRequests;
import io.leavebot.workflow.LeaveRequests.Answered;
import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * "Reject with comment…": a small form for the comment (required, at most {@value ChatReplies#MAX_COMMENT}
 * characters), carrying the request it is for in {@code private_metadata}. Its submission rejects the request with
 * the comment, checked as a click is; a refusal shows under the comment and changes nothing. Once accepted the
 * form closes, and if it was opened on the Home tab, Home is published again.
 */
final class RejectModal {
    static final String CALLBACK_ID = "reject-with-comment";
    static final String COMMENT = "comment";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** What the form is for, carried in its private_metadata (which Slack returns as it was set). */
    private record Target(String requestId, String callbackId, boolean fromHome) {
        String encode() {
            return JSON.createObjectNode().put("request", requestId).put("callback", callbackId).put("home", fromHome).toString();
        }

        static Target decode(String metadata) {
            try {
                JsonNode node = JSON.readTree(metadata == null ? "" : metadata);
                if (node != null && node.path("request").isTextual()) {
                    return new Target(node.path("request").asText(), node.path("callback").asText(null),
                            node.path("home").asBoolean(false));
                }
            } catch (JsonProcessingException e) {
                // not ours: reported below
            }
            throw new IllegalStateException("the reject form's private_metadata is not the one LeaveBot set");
        }
    }

    private final LeaveRequests leaves;
    private final SlackPeople people;
    private final ChatReplies replies;
    private final HomeTab home;

    RejectModal(LeaveRequests leaves, SlackPeople people, ChatReplies replies, HomeTab home) {
        this.leaves = leaves;
        this.people = people;
        this.replies = replies;
        this.home = home;
    }

    /**
     * @param callbackId the approval callback the button answered (null for buttons made before they carried one)
     * @param fromHome   whether the button was on the Home tab (then Home is published again once the form is sent)
     */
    View modal(LeaveRequest leave, String callbackId, boolean fromHome) {
        String employee = leave.employee().name();
        Target target = new Target(leave.id(), callbackId, fromHome);
        return view(v -> v.type("modal").callbackId(CALLBACK_ID).privateMetadata(target.encode())
                .title(viewTitle(t -> t.type("plain_text").text("Reject leave request")))
                .submit(viewSubmit(s -> s.type("plain_text").text("Reject")))
                .close(viewClose(c -> c.type("plain_text").text("Cancel")))
                .blocks(List.of(
                        section(s -> s.text(markdownText("*" + SlackText.escape(replies.askedFor(leave)) + "*\n"
                                + SlackText.escape(employee) + " will be told that you rejected it, with your comment."))),
                        input(i -> i.blockId(COMMENT).label(plainText("Your comment for " + employee))
                                .element(plainTextInput(p -> p.actionId(COMMENT).multiline(true)
                                        .maxLength(ChatReplies.MAX_COMMENT)))))));
    }

    /** The form was sent: reject with the comment, or say under the comment why not. */
    Response submitted(ViewSubmissionRequest req, ViewSubmissionContext ctx) throws IOException, SlackApiException {
        View view = req.getPayload().getView();
        Target target = Target.decode(view.getPrivateMetadata());
        String comment = comment(view);
        String problem = comment.isEmpty() ? replies.commentNeeded()
                : comment.codePointCount(0, comment.length()) > ChatReplies.MAX_COMMENT
                        ? replies.commentTooLong(comment.codePointCount(0, comment.length())) : null;
        if (problem != null) {
            return ctx.ackWithErrors(Map.of(COMMENT, problem));
        }
        String userId = req.getPayload().getUser().getId();
        Answer answer = Answer.reject(people.person(userId), comment);
        Answered answered = leaves.answer(target.requestId(), target.callbackId(), answer);
        AnswerLog.refused(ctx.getTeamId(), userId, target.requestId(), answer, answered);
        ChatReply reply = replies.answered(target.requestId(), answer, answered);
        if (answered.result() != Answered.Result.ACCEPTED) {
            return ctx.ackWithErrors(Map.of(COMMENT, reply.plainText()));
        }
        if (target.fromHome()) {
            home.publish(ctx.client(), userId, Notice.answered(reply, answer, answered));
        }
        return ctx.ack();
    }

    private static String comment(View view) {
        Map<String, ViewState.Value> block = view.getState() == null || view.getState().getValues() == null ? null
                : view.getState().getValues().get(COMMENT);
        ViewState.Value value = block == null ? null : block.get(COMMENT);
        return value == null || value.getValue() == null ? "" : value.getValue().strip();
    }
}
