package io.leavebot.slack;

import com.slack.api.app_backend.interactive_components.payload.BlockActionPayload;
import com.slack.api.bolt.context.builtin.ActionContext;
import com.slack.api.bolt.handler.builtin.BlockActionHandler;
import com.slack.api.bolt.request.builtin.BlockActionRequest;
import com.slack.api.bolt.response.Response;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.response.views.ViewsOpenResponse;
import com.slack.api.webhook.WebhookResponse;
import io.leavebot.chat.ChatReplies;
import io.leavebot.leave.LeaveRequest;
import io.leavebot.leave.Person;
import io.leavebot.slack.HomeView.Notice;
import io.leavebot.workflow.Answer;
import io.leavebot.workflow.LeaveRequests;
import io.leavebot.workflow.LeaveRequests.Answered;
import java.io.IOException;
import java.util.Optional;

/**
 * Approve, Reject and "Reject with comment…" ({@link DecisionButtons}), in an approval message or on the Home tab.
 * Only the request id is taken from the button: {@link LeaveRequests#answer} checks that the clicking person is
 * the request's approver and that it still waits, and finds the callback itself. Once the answer is accepted, the
 * workflow replaces the approval message with the outcome and tells the employee; everything else (not yours,
 * already decided, expired, withdrawn, unknown, not ready) is answered right here and changes nothing.
 */
final class DecisionListener implements BlockActionHandler {
    private static final System.Logger LOG = System.getLogger(DecisionListener.class.getName());

    private final LeaveRequests leaves;
    private final SlackPeople people;
    private final ChatReplies replies;
    private final HomeTab home;
    private final RejectModal rejectForm;

    DecisionListener(LeaveRequests leaves, SlackPeople people, ChatReplies replies, HomeTab home, RejectModal rejectForm) {
        this.leaves = leaves;
        this.people = people;
        this.replies = replies;
        this.home = home;
        this.rejectForm = rejectForm;
    }

    @Override
    public Response apply(BlockActionRequest req, ActionContext ctx) throws IOException, SlackApiException {
        BlockActionPayload click = req.getPayload();
        BlockActionPayload.Action button = click.getActions().get(0);
        Optional<DecisionButtons.Target> target = DecisionButtons.decode(button.getValue());
        if (target.isEmpty()) {
            LOG.log(System.Logger.Level.INFO, "slack " + button.getActionId() + " by user " + click.getUser().getId()
                    + ": the button's value is not LeaveBot's");
            return reply(click, ctx, Notice.of(replies.unreadableButton()));
        }
        String requestId = target.get().requestId();
        Person clicker = people.person(click.getUser().getId());
        if (DecisionButtons.REJECT_WITH_COMMENT.equals(button.getActionId())) {
            return askForComment(click, ctx, target.get(), clicker);
        }
        Answer answer = DecisionButtons.APPROVE.equals(button.getActionId())
                ? Answer.approve(clicker, null) : Answer.reject(clicker, null);
        Answered answered = leaves.answer(requestId, target.get().callbackId(), answer);
        AnswerLog.refused(ctx.getTeamId(), click.getUser().getId(), requestId, answer, answered);
        return reply(click, ctx, Notice.answered(replies.answered(requestId, answer, answered), answer, answered));
    }

    /** Opens the comment form for a request that still waits; its submission is checked like a click. */
    private Response askForComment(BlockActionPayload click, ActionContext ctx, DecisionButtons.Target target,
            Person clicker) throws IOException, SlackApiException {
        String requestId = target.requestId();
        Optional<LeaveRequest> leave = leaves.get(requestId);
        Answered.Result refused = leave.isEmpty() ? Answered.Result.NOT_FOUND
                : leave.get().status().isFinal() ? Answered.Result.ALREADY_DECIDED
                : target.callbackId() != null && !leave.get().openCallbacks().contains(target.callbackId()) ? Answered.Result.REPLACED
                : null;
        if (refused != null) {
            Answered state = new Answered(refused, leave.orElse(null));
            return reply(click, ctx, Notice.of(replies.answered(requestId, Answer.reject(clicker, null), state)));
        }
        ViewsOpenResponse opened = ctx.client().viewsOpen(r -> r.triggerId(click.getTriggerId())
                .view(rejectForm.modal(leave.get(), target.callbackId(), isHome(click))));
        if (!opened.isOk()) {
            LOG.log(System.Logger.Level.WARNING, "slack views.open of the reject form answered " + opened.getError());
            return reply(click, ctx, Notice.of(replies.unexpected()));
        }
        return ctx.ack();
    }

    /**
     * Answers a click. Accepted in a message: the ack alone, as the workflow replaces that message. Otherwise an
     * ephemeral reply beside the message. On the Home tab, which has no {@code response_url}, Home is published
     * again with the reply on top.
     */
    private Response reply(BlockActionPayload click, ActionContext ctx, Notice notice) throws IOException, SlackApiException {
        if (isHome(click)) {
            home.publish(ctx.client(), click.getUser().getId(), notice);
        } else if (notice.settled() == null) {
            WebhookResponse sent = ctx.respond(r -> r.responseType("ephemeral").replaceOriginal(false)
                    .text(SlackText.mrkdwn(notice.reply())));
            if (sent.getCode() != 200) {
                LOG.log(System.Logger.Level.WARNING, "slack response_url answered " + sent.getCode());
            }
        }
        return ctx.ack();
    }

    private static boolean isHome(BlockActionPayload click) {
        return click.getView() != null && "home".equals(click.getView().getType());
    }
}
