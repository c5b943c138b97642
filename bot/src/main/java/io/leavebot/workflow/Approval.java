package io.leavebot.workflow;

import io.leavebot.durable.DurableCallbackFuture;
import io.leavebot.durable.DurableContext;
import io.leavebot.durable.DurableFuture;
import io.leavebot.leave.Decision;
import io.leavebot.leave.LeaveStatus;
import io.leavebot.leave.NewLeave;
import io.leavebot.leave.Person;
import io.leavebot.notify.SentNotification;

/**
 * The wait for the one approver's decision of a request made before approval chains, in rounds. Each round is a fresh callback, the {@code ask-approver} step
 * that sends its buttons and links, and the reminders still due; the round ends with an answer, or with expiry.
 * An answer the workflow cannot take — not an answer ({@link Answers}), or from someone who may not give it
 * ({@link AnswerCheck}) — changes nothing: the {@code refuse-answer} step records it in the request's audit, and the
 * next round asks the approver again with a new callback, so the old buttons and links stop working, in what is
 * left of the same window.
 *
 * <p>Round 1's operation names are those of every earlier LeaveBot ({@value LeaveWorkflow#MANAGER_APPROVAL},
 * {@value LeaveWorkflow#ASK_APPROVER}, …), so requests that were waiting when LeaveBot was upgraded replay; round
 * n ≥ 2 adds {@code -n} to each.
 */
final class Approval {
    private final DurableContext ctx;
    private final LeaveSteps steps;
    private final NewLeave input;
    private final PendingLeave leave;
    private final String execution;
    private String askKey;

    Approval(DurableContext ctx, LeaveSteps steps, NewLeave input, PendingLeave leave, String execution) {
        this.ctx = ctx;
        this.steps = steps;
        this.input = input;
        this.leave = leave;
        this.execution = execution;
    }

    /** Asks (and, after a refused answer, asks again) until the approval has an outcome the workflow can record. */
    Outcome decide() {
        ApprovalWindow window = ApprovalWindow.whole(leave);
        for (int round = 1; ; round++) {
            DurableCallbackFuture<String> approval = ctx.createCallback(inRound(LeaveWorkflow.MANAGER_APPROVAL, round),
                    String.class, Answers.callbackConfig(window.timeout()));
            String replaced = askKey;
            String ask = inRound(LeaveWorkflow.ASK_APPROVER, round);
            askKey = LeaveWorkflow.key(execution, ask);
            String key = askKey;
            ctx.step(ask, SentNotification.class,
                    s -> steps.askApprover(leave.requestId(), approval.callbackId(), key, replaced), LeaveWorkflow.NOTIFY);
            remindWhileOpen(approval, window, round);

            Answers.Received received = Answers.await(approval);
            String refusal = refusal(received);
            if (refusal == null) {
                return outcome(received);
            }
            int number = round;
            window = ctx.step(inRound(LeaveWorkflow.REFUSE_ANSWER, round), ApprovalWindow.class,
                    s -> steps.refuseAnswer(leave, refusal, claimedBy(received), number));
            if (window.closed()) {
                return new Outcome(LeaveStatus.EXPIRED, new Decision(null, received.at(), null));
            }
        }
    }

    /** Where the approval request of the last round went: the message to update with the outcome. */
    String askKey() {
        return askKey;
    }

    private void remindWhileOpen(DurableFuture<?> approval, ApprovalWindow window, int round) {
        for (ApprovalWindow.Reminder reminder : window.reminders()) {
            DurableFuture<Void> due = ctx.waitAsync(inRound(LeaveWorkflow.UNTIL_REMINDER + reminder.number(), round), reminder.pause());
            if (DurableFuture.anyOf(approval, due) == approval) {
                return;
            }
            String step = LeaveWorkflow.REMINDER + reminder.number(); // sent once whatever the round: no suffix
            String key = LeaveWorkflow.key(execution, step);
            String ask = askKey;
            ctx.step(step, SentNotification.class,
                    s -> steps.remind(leave.requestId(), reminder.number(), key, ask), LeaveWorkflow.NOTIFY);
        }
    }

    /** The decision to record; the decider is the request's own approver or employee, as {@link AnswerCheck} found. */
    private Outcome outcome(Answers.Received received) {
        if (!(received instanceof Answers.Received.Given given)) {
            return new Outcome(LeaveStatus.EXPIRED, new Decision(null, received.at(), null));
        }
        Answer answer = given.answer();
        // a front end names the decider as its channel knows them; an operator's answer may give only the e-mail
        Person by = answer.by().displayName() != null ? answer.by()
                : answer.outcome() == LeaveStatus.CANCELLED ? input.employee() : input.approver();
        return new Outcome(answer.outcome(), new Decision(by, given.at(), answer.comment()));
    }

    private String refusal(Answers.Received received) {
        if (received instanceof Answers.Received.Unreadable unreadable) {
            return "not an answer: " + unreadable.reason();
        }
        if (received instanceof Answers.Received.Given given && given.answer().isReassignment()) {
            return "a reassignment, which requests made before approval chains do not take";
        }
        if (received instanceof Answers.Received.Given given) {
            return AnswerCheck.refusal(given.answer(), leave.requestId(), input.employee(), input.approver());
        }
        return null; // timed out: nothing to refuse
    }

    private static Person claimedBy(Answers.Received received) {
        return received instanceof Answers.Received.Given given ? given.answer().by() : null;
    }

    private static String inRound(String name, int round) {
        return round == 1 ? name : name + "-" + round;
    }
}
