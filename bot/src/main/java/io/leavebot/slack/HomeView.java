package io.leavebot.slack;

import static com.slack.api.model.block.Blocks.context;
import static com.slack.api.model.block.Blocks.divider;
import static com.slack.api.model.block.Blocks.header;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.confirmationDialog;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.button;
import static com.slack.api.model.view.Views.view;

import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.SectionBlock;
import com.slack.api.model.block.composition.TextObject;
import com.slack.api.model.view.View;
import io.leavebot.chat.ChatReplies;
import io.leavebot.chat.ChatReply;
import io.leavebot.leave.LeaveRequest;
import io.leavebot.leave.LeaveStatus;
import io.leavebot.leave.Person;
import io.leavebot.workflow.Answer;
import io.leavebot.workflow.LeaveRequests.Answered;
import java.util.ArrayList;
import java.util.List;

/**
 * The App Home tab: someone's balances (one section), their own requests, newest first, with a Withdraw button on those still waiting; for an
 * approver, below, the requests waiting for their decision as approver or stand-in (marked "standing in for …"),
 * oldest first, with the same buttons as the approval message ({@link DecisionButtons}), which answer the viewer's
 * own place; last, the team calendar ({@link CalendarBlocks#home}, 3 blocks) and the person's away periods
 * ({@link AwayHome}, 3 blocks). A Home tab holds at most {@value #MAX_BLOCKS} blocks, so the lists are cut and what
 * is left out is counted: 7 fixed blocks + 1 of balances + {@value #MINE_SHOWN} own requests + 2 × {@value #WAITING_SHOWN}
 * requests to decide + 3 calendar + 3 away = 100.
 */
final class HomeView {
    /** action_id of the Withdraw button; its value is the request id. */
    static final String WITHDRAW = "withdraw-request";
    /** block_id of the section with the balances. */
    static final String BALANCES = "balances";
    static final int MAX_BLOCKS = 100;
    static final int MINE_SHOWN = 18;
    static final int WAITING_SHOWN = 34;
    /** Slack's limits on a section's text and on each of its fields. */
    private static final int TEXT_LIMIT = 3000;
    private static final int FIELD_LIMIT = 2000;

    /**
     * What a click on the Home tab said, shown on top (Home has no room for ephemeral replies).
     *
     * @param settled the request as the click left it, or null: shown so at once, without its buttons, since the
     *                workflow records the outcome only a moment later
     */
    record Notice(ChatReply reply, LeaveRequest settled) {
        /** The reply to an answer; an accepted answer settles its request. */
        static Notice answered(ChatReply reply, Answer answer, Answered answered) {
            return new Notice(reply, answered.result() == Answered.Result.ACCEPTED
                    ? ChatReplies.asAnswered(answered.leave(), answer) : null);
        }

        /** A reply that settles nothing. */
        static Notice of(ChatReply reply) {
            return new Notice(reply, null);
        }
    }

    private HomeView() {
    }

    /**
     * @param viewer whose Home it is: the buttons of a waiting request answer the viewer's own place in it
     * @param away   the away part's blocks, shown last
     * @param notice null when Home is simply opened
     */
    static View of(ChatReplies replies, Person viewer, List<LeaveRequest> mine, List<LeaveRequest> waiting, List<LayoutBlock> away,
            Notice notice) {
        return of(replies, viewer, null, mine, waiting, away, notice);
    }

    /** @param balances the viewer's balances and next days off ({@code /leave balance}'s reply), or null for none */
    static View of(ChatReplies replies, Person viewer, ChatReply balances, List<LeaveRequest> mine, List<LeaveRequest> waiting,
            List<LayoutBlock> away, Notice notice) {
        LeaveRequest settled = notice == null ? null : notice.settled();
        List<LayoutBlock> blocks = new ArrayList<>();
        if (notice != null) {
            blocks.add(section(s -> s.text(markdownText(SlackText.clip(SlackText.mrkdwn(notice.reply()), TEXT_LIMIT)))));
        }
        blocks.add(header(h -> h.text(plainText("Your leave requests"))));
        blocks.add(context(List.of(markdownText("To ask for leave, type `" + SlackApp.COMMAND + "` in any conversation; `"
                + SlackApp.COMMAND + " help` shows what else you can type."))));
        if (balances != null) {
            blocks.add(section(s -> s.blockId(BALANCES).text(markdownText(SlackText.clip(SlackText.mrkdwn(balances), TEXT_LIMIT)))));
        }
        if (mine.isEmpty()) {
            blocks.add(section(s -> s.text(markdownText("You have no leave requests yet."))));
        }
        mine.stream().limit(MINE_SHOWN).map(leave -> settled != null && settled.id().equals(leave.id()) ? settled : leave)
                .forEach(leave -> blocks.add(ownRequest(replies, leave)));
        if (mine.size() > MINE_SHOWN) {
            blocks.add(context(List.of(markdownText(replies.olderNotShown(mine.size() - MINE_SHOWN)))));
        }
        List<LeaveRequest> toDecide = waiting.stream().filter(leave -> settled == null || !leave.id().equals(settled.id())).toList();
        if (!toDecide.isEmpty()) {
            blocks.add(divider());
            blocks.add(header(h -> h.text(plainText("Waiting for your decision"))));
            toDecide.stream().limit(WAITING_SHOWN).forEach(leave -> {
                blocks.add(section(s -> s.text(markdownText("*" + SlackText.escape(replies.askedFor(leave, viewer)) + "*"))
                        .fields(fields(replies, leave))));
                blocks.add(SdkBlocks.of(DecisionButtons.block(new DecisionButtons.Target(leave.id(), leave.callbackFor(viewer).orElse(null)),
                        leave.employee().name())));
            });
            if (toDecide.size() > WAITING_SHOWN) {
                int more = toDecide.size() - WAITING_SHOWN;
                blocks.add(context(List.of(markdownText("…and " + more + " more waiting for you; they appear here as "
                        + "you decide the ones above."))));
            }
        }
        blocks.addAll(away);
        return view(v -> v.type("home").blocks(blocks));
    }

    private static SectionBlock ownRequest(ChatReplies replies, LeaveRequest leave) {
        return section(s -> {
            s.fields(fields(replies, leave));
            if (leave.status() == LeaveStatus.PENDING) {
                s.accessory(button(b -> b.actionId(WITHDRAW).value(leave.id()).text(plainText("Withdraw"))
                        .confirm(confirmationDialog(c -> c.title(plainText("Withdraw this request?"))
                                .text(plainText("Your approver will be told that you no longer need this leave."))
                                .confirm(plainText("Withdraw")).deny(plainText("Keep it"))))));
            }
            return s;
        });
    }

    private static List<TextObject> fields(ChatReplies replies, LeaveRequest leave) {
        return replies.facts(leave).stream().<TextObject>map(f -> markdownText(SlackText.clip(
                "*" + SlackText.escape(f.label()) + "*\n" + SlackText.escape(f.value()), FIELD_LIMIT))).toList();
    }
}
