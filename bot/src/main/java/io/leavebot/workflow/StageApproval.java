package io.leavebot.workflow;

import io.leavebot.durable.DurableCallbackFuture;
import io.leavebot.durable.DurableContext;
import io.leavebot.durable.DurableFuture;
import io.leavebot.leave.ApprovalRule;
import io.leavebot.leave.ApprovalStage;
import io.leavebot.leave.Decision;
import io.leavebot.leave.LeaveStatus;
import io.leavebot.leave.NewLeave;
import io.leavebot.leave.OnTimeout;
import io.leavebot.leave.Person;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One stage of an approval chain, run in its own child context ({@code stage-n}): every approver of the stage is
 * asked at once, each with a callback of their own ({@code approval-k}, sent by {@code ask-k}), and reminded while
 * the stage is open; the stage's {@link ApprovalRule} says when it is decided. A rejection, or the employee's
 * withdrawal, decides it at once. An answer the workflow cannot take is recorded ({@code refuse-answer-k}) and only
 * that approver is asked again, in what is left of the stage's window; so is an approver whose availability changed
 * (they are away: their stand-in is asked). When nobody answers in time, the chain's {@link OnTimeout} applies:
 * expire, approve, or escalate to one more person with a window of their own. The stage always ends with the
 * {@code close-stage} step, which records how it went.
 *
 * <p>The operation names are the replay contract: change them only in a new function version. An approver's
 * round n ≥ 2 adds {@code -n}: {@code approval-2-2}, {@code ask-2-2}.
 */
final class StageApproval {
    static final String OPEN_STAGE = "open-stage";
    static final String APPROVAL = "approval-";
    static final String ASK = "ask-";
    static final String UNTIL_REMINDER = "until-reminder-";
    static final String REMINDER = "reminder-";
    static final String ESCALATION = "escalation-";
    static final String REFUSE_ANSWER = "refuse-answer-";
    static final String RECORD_APPROVAL = "record-approval-";
    static final String ESCALATE = "escalate";
    static final String CLOSE_STAGE = "close-stage";

    private final DurableContext ctx;
    private final LeaveSteps steps;
    private final NewLeave input;
    private final PendingLeave leave;
    private final int stage;
    private final String execution;
    /** Per place: its round, its approver, and who stands in for them (from the ask steps' results). */
    private final Map<Integer, Integer> rounds = new HashMap<>();
    private final Map<Integer, Person> approvers = new HashMap<>();
    private final Map<Integer, Person> standIns = new HashMap<>();

    /** @param execution the execution's name, for the idempotency keys of the stage's messages */
    StageApproval(DurableContext ctx, LeaveSteps steps, NewLeave input, PendingLeave leave, int stage, String execution) {
        this.ctx = ctx;
        this.steps = steps;
        this.input = input;
        this.leave = leave;
        this.stage = stage;
        this.execution = execution;
    }

    Outcome decide() {
        ApprovalStage plan = input.chain().stage(stage);
        for (int i = 0; i < plan.approvers().size(); i++) {
            approvers.put(i, plan.approvers().get(i).approver());
        }
        Instant deadline = ctx.step(OPEN_STAGE, Instant.class, s -> steps.openStage(leave.approvalTimeout()));
        Outcome outcome = await(List.copyOf(approvers.keySet()), plan.rule(), deadline, "");
        OnTimeout onTimeout = input.chain().onTimeout();
        if (outcome.timedOut() && onTimeout.action() == OnTimeout.Action.ESCALATE) {
            Escalated escalated = ctx.step(ESCALATE, Escalated.class,
                    s -> steps.escalate(leave.requestId(), stage, onTimeout.escalateTo(), leave.approvalTimeout()));
            approvers.put(escalated.index(), onTimeout.escalateTo());
            outcome = await(List.of(escalated.index()), ApprovalRule.ONE, escalated.deadline(), ESCALATION);
        } else if (outcome.timedOut() && onTimeout.action() == OnTimeout.Action.APPROVE) {
            Decision automatic = Decision.automatic(outcome.decision().at(), LeaveSteps.automaticApproval(leave.approvalTimeout()));
            outcome = new Outcome(LeaveStatus.APPROVED, automatic);
        }
        Outcome decided = outcome;
        return ctx.step(CLOSE_STAGE, Outcome.class, s -> steps.closeStage(leave.requestId(), stage, decided));
    }

    /**
     * Asks the places and waits until the rule decides the stage; when its window closes first, the outcome is
     * EXPIRED ({@link Outcome#timedOut}). Reminders go out while places are open, their names prefixed by
     * {@code phase} (the escalation has its own).
     */
    private Outcome await(List<Integer> places, ApprovalRule rule, Instant deadline, String phase) {
        Map<Integer, DurableCallbackFuture<String>> open = new LinkedHashMap<>();
        for (int place : places) {
            open.put(place, ask(place, leave.approvalTimeout()));
        }
        Iterator<ApprovalWindow.Reminder> reminders = ApprovalWindow.whole(leave).reminders().iterator();
        ApprovalWindow.Reminder reminder = null;
        DurableFuture<Void> due = null;
        while (true) {
            if (due == null && reminders.hasNext()) {
                reminder = reminders.next();
                due = ctx.waitAsync(phase + UNTIL_REMINDER + reminder.number(), reminder.pause());
            }
            List<DurableFuture<?>> racing = new ArrayList<>(open.values());
            if (due != null) {
                racing.add(due);
            }
            DurableFuture<?> first = DurableFuture.anyOf(racing.toArray(DurableFuture[]::new));
            if (first == due) {
                int number = reminder.number();
                List<Integer> waiting = List.copyOf(open.keySet());
                Reminded reminded = ctx.step(phase + REMINDER + number, Reminded.class,
                        s -> steps.remindStage(leave.requestId(), stage, number, waiting, deadline), LeaveWorkflow.NOTIFY);
                for (int moved : reminded.moved()) {
                    open.put(moved, ask(moved, reminded.left()));
                }
                due = null;
                continue;
            }
            int place = placeOf(open, first);
            Answers.Received received = Answers.await(open.get(place));
            if (received instanceof Answers.Received.TimedOut) {
                return Outcome.expired(received.at());
            }
            String refusal = refusal(received, place);
            Answer answer = received instanceof Answers.Received.Given given ? given.answer() : null;
            if (refusal != null || answer.isReassignment()) {
                int round = rounds.get(place);
                Person claimedBy = answer == null ? null : answer.by();
                Duration left = ctx.step(name(REFUSE_ANSWER + (place + 1), round), Duration.class,
                        s -> steps.refuseOrReassign(leave.requestId(), stage, place, round, refusal, claimedBy, deadline));
                if (left.isZero()) {
                    return Outcome.expired(received.at());
                }
                open.put(place, ask(place, left));
                continue;
            }
            Outcome outcome = new Outcome(answer.outcome(), new Decision(decider(answer, place), received.at(), answer.comment()), place);
            open.remove(place);
            if (answer.outcome() != LeaveStatus.APPROVED || rule != ApprovalRule.ALL || open.isEmpty()) {
                return outcome;
            }
            ctx.step(RECORD_APPROVAL + (place + 1), Outcome.class, s -> steps.recordApproval(leave.requestId(), stage, outcome));
        }
    }

    /** Opens a new round for the place: a fresh callback, and the step that asks whoever decides for it now. */
    private DurableCallbackFuture<String> ask(int place, Duration timeout) {
        int round = rounds.merge(place, 1, Integer::sum);
        DurableCallbackFuture<String> approval = ctx.createCallback(name(APPROVAL + (place + 1), round), String.class,
                Answers.callbackConfig(timeout));
        String step = name(ASK + (place + 1), round);
        String key = LeaveWorkflow.key(execution, LeaveWorkflow.STAGE + stage + "/" + step);
        Asked asked = ctx.step(step, Asked.class,
                s -> steps.askPlace(leave.requestId(), stage, place, approval.callbackId(), timeout, key, round), LeaveWorkflow.NOTIFY);
        standIns.put(place, asked.standIn());
        return approval;
    }

    /** Why this answer cannot be taken for the place, or null: see {@link AnswerCheck}. */
    private String refusal(Answers.Received received, int place) {
        if (received instanceof Answers.Received.Unreadable unreadable) {
            return "not an answer: " + unreadable.reason();
        }
        Answer answer = ((Answers.Received.Given) received).answer();
        return AnswerCheck.refusal(answer, leave.requestId(), input.employee(), approvers.get(place), standIns.get(place));
    }

    /** The decider as the workflow knows them: a front end names them as its channel does; an operator may give only the e-mail. */
    private Person decider(Answer answer, int place) {
        if (answer.by().displayName() != null) {
            return answer.by();
        }
        if (answer.outcome() == LeaveStatus.CANCELLED) {
            return input.employee();
        }
        Person standIn = standIns.get(place);
        return standIn != null && standIn.isSameAs(answer.by()) ? standIn : approvers.get(place);
    }

    private static int placeOf(Map<Integer, DurableCallbackFuture<String>> open, DurableFuture<?> future) {
        return open.entrySet().stream().filter(e -> e.getValue() == future).findFirst().orElseThrow().getKey();
    }

    private static String name(String base, int round) {
        return round == 1 ? base : base + "-" + round;
    }

    /** What a reminder step found: places whose approver is now away (to ask their stand-in), and the time left. */
    record Reminded(List<Integer> moved, Duration left) {
        Reminded {
            moved = List.copyOf(moved);
        }
    }

    /** The place the stage was escalated to, and when its own window closes. */
    record Escalated(int index, Instant deadline) {
    }

    /** Who an ask step asked for a place: its approver (standIn null), or the stand-in deciding for them. */
    record Asked(Person standIn) {
    }
}
