package io.leavebot.workflow;

import io.leavebot.balance.Balances;
import io.leavebot.durable.DurableContext;
import io.leavebot.durable.DurableHandler;
import io.leavebot.durable.JitterStrategy;
import io.leavebot.durable.RetryStrategies;
import io.leavebot.durable.StepConfig;
import io.leavebot.leave.LeavePolicy;
import io.leavebot.leave.LeaveRequest;
import io.leavebot.leave.LeaveStatus;
import io.leavebot.leave.LeaveStore;
import io.leavebot.leave.NewLeave;
import io.leavebot.notify.ChatStatus;
import io.leavebot.notify.TransientFailures;
import io.leavebot.notify.SentNotification;
import io.leavebot.notify.Notifier;
import java.time.Clock;
import java.time.Duration;
import java.util.Set;

/**
 * A leave request from submission to its final status, as one durable execution named {@code leave-<requestId>}:
 * record it, confirm receipt, take it through its approval chain one stage after another ({@link StageApproval},
 * each stage a child context {@code stage-n}; the employee hears of each stage approved), then record the outcome
 * (approved, rejected at some stage, withdrawn, or expired), tell the employee and update the approvers' messages.
 * A rule may approve the request as it is made ({@value #AUTO_APPROVE}). Every step is idempotent with the key
 * {@code <execution name>/<step name>}.
 *
 * <p>Requests made before chains (one approver in their input) run the flow of that time ({@link Approval}). Its
 * approval is a callback created with {@code createCallback} followed by the
 * {@value #ASK_APPROVER} step (the two pieces {@code waitForCallback} is made of), raced with
 * {@link io.leavebot.durable.DurableFuture#anyOf} against the reminder waits. {@code anyOf} orders futures by when
 * the service completed them, so a reminder goes out only if no answer reached the service before it fell due, on
 * the first run and on every replay. The workflow checks every answer itself before it records it: one it cannot
 * take is written to the request's audit and the approver is asked again, within the same window.
 *
 * <p>Approved leave's execution goes on until the leave is over ({@link LeaveDays}): it waits for the first day,
 * sets the employee's chat status, waits until the leave is over and clears it; a cancellation before the first
 * day ends the waits and is carried out here ({@link Cancellation}). Approved leave whose execution no longer
 * watches it is cancelled by an execution of its own, with the same input and the cancellation in it
 * ({@link NewLeave#cancellation}): {@value #RECORD_CANCELLATION} (with the refund, in one write),
 * {@value #TELL_APPROVERS}, {@value #TELL_EMPLOYEE}.
 *
 * <p>The operation names below and their order are the replay contract: change them only in a new function version.
 */
public final class LeaveWorkflow extends DurableHandler<NewLeave, LeaveStatus> {
    static final String RECORD_LEAVE = "record-leave";
    static final String SEND_RECEIPT = "send-receipt";
    static final String MANAGER_APPROVAL = "manager-approval";
    static final String ASK_APPROVER = "ask-approver";
    /** The wait before reminder n: {@code until-reminder-1}, {@code until-reminder-2}, … */
    static final String UNTIL_REMINDER = "until-reminder-";
    /** Reminder n: {@code reminder-1}, {@code reminder-2}, … (one per fraction of the policy, by default two). */
    static final String REMINDER = "reminder-";
    /** Records an answer the workflow would not take, in round n: {@code refuse-answer}, {@code refuse-answer-2}, … */
    static final String REFUSE_ANSWER = "refuse-answer";
    static final String RECORD_DECISION = "record-decision";
    static final String TELL_EMPLOYEE = "tell-employee";
    static final String UPDATE_APPROVER = "update-approver";
    /** Stage n of a chain runs in child context {@code stage-n} ({@link StageApproval}). */
    static final String STAGE = "stage-";
    /** After stage n approved and before the next one: tells the employee. */
    static final String TELL_PROGRESS = "tell-progress-";
    static final String AUTO_APPROVE = "auto-approve";
    static final String UPDATE_APPROVERS = "update-approvers";
    /** A cancellation's own execution: records it with the refund, then tells the approvers and the employee. */
    static final String RECORD_CANCELLATION = "record-cancellation";
    static final String TELL_APPROVERS = "tell-approvers";
    /** A cancellation's own execution, when the leave started before it could record it: tells the employee. */
    static final String TELL_TOO_LATE = "tell-too-late";

    /** Approved leave's watch, which a cancellation completes; round n: {@code leave-changes-n} ({@link LeaveDays}). */
    static final String LEAVE_CHANGES = "leave-changes";
    /** Records the watch's callback with the request ({@code LeaveStore.recordWatch}) and reads the leave's status. */
    static final String WATCH_LEAVE = "watch-leave";
    /** Records something that reached the watch and was not a cancellation it could take. */
    static final String REFUSE_CHANGE = "refuse-change";
    static final String UNTIL_LEAVE_STARTS = "until-leave-starts";
    /** The first day has come: sets the employee's chat status. */
    static final String LEAVE_STARTS = "leave-starts";
    static final String UNTIL_LEAVE_ENDS = "until-leave-ends";
    /** The leave is over: clears the chat status. */
    static final String LEAVE_ENDS = "leave-ends";

    /**
     * Telling people may wait for chat or mail to come back: up to 10 attempts, spread over at most about 50 minutes,
     * but only for failures that may pass ({@link TransientFailures}); a bug fails the step at its first attempt.
     */
    static final StepConfig NOTIFY = StepConfig.retrying(RetryStrategies.exponentialBackoff(
            10, Duration.ofSeconds(10), 2.0, Duration.ofMinutes(15), JitterStrategy.FULL, TransientFailures.RETRYABLE));

    /** Chat status waits for chat to come back like {@link #NOTIFY}; its failures are told apart the same way. */
    static final StepConfig CHAT_STATUS = NOTIFY;

    private final LeaveSteps steps;
    private final LeaveDaySteps days;
    private final CancellationSteps cancellations;
    private final ChatStatus chatStatus;
    private final Set<String> admins;

    /** Nobody is ever away, no balance is tracked: see {@link #LeaveWorkflow(LeaveStore, Notifier, LeavePolicy, StandIns, Balances, Clock)}. */
    public LeaveWorkflow(LeaveStore store, Notifier notifier, LeavePolicy policy, Clock clock) {
        this(store, notifier, policy, StandIns.NONE, clock);
    }

    /** No balance is tracked: nothing is taken on approval, no message states one. */
    public LeaveWorkflow(LeaveStore store, Notifier notifier, LeavePolicy policy, StandIns standIns, Clock clock) {
        this(store, notifier, policy, standIns, BalanceNotes.untracked(store, clock), clock);
    }

    /**
     * @param standIns who decides for an approver who is away
     * @param balances what an approval takes, and the balances messages state (the front ends' {@link LeaveRequests}
     *                 count with the same)
     * @param clock    for the request's creation time, read inside the {@value #RECORD_LEAVE} step
     */
    public LeaveWorkflow(LeaveStore store, Notifier notifier, LeavePolicy policy, StandIns standIns, Balances balances, Clock clock) {
        this(store, notifier, policy, standIns, balances, ChatStatus.NONE, clock);
    }

    /** No admins: only the employee cancels their approved leave. */
    public LeaveWorkflow(LeaveStore store, Notifier notifier, LeavePolicy policy, StandIns standIns, Balances balances,
                         ChatStatus chatStatus, Clock clock) {
        this(store, notifier, policy, standIns, balances, chatStatus, Set.of(), clock);
    }

    /**
     * @param chatStatus the employee's chat status, set as approved leave starts and cleared when it is over
     * @param admins     the admins' person keys ({@link Admins#fromList}): besides the employee, they may cancel
     *                   approved leave, and the workflow checks every cancellation that reaches it against them
     */
    public LeaveWorkflow(LeaveStore store, Notifier notifier, LeavePolicy policy, StandIns standIns, Balances balances,
                         ChatStatus chatStatus, Set<String> admins, Clock clock) {
        this.chatStatus = chatStatus;
        this.admins = Set.copyOf(admins);
        this.steps = new LeaveSteps(store, notifier, policy, standIns, balances, clock);
        this.cancellations = new CancellationSteps(store, notifier, balances, clock);
        this.days = new LeaveDaySteps(store, chatStatus, clock);
    }

    @Override
    public LeaveStatus handleRequest(NewLeave input, DurableContext ctx) {
        if (input.cancellation() != null) {
            return cancellation(input, ctx);
        }
        String execution = LeaveRequest.executionNameFor(input.requestId());
        PendingLeave leave = ctx.step(RECORD_LEAVE, PendingLeave.class, s -> steps.recordPending(input));
        String id = leave.requestId();
        ctx.step(SEND_RECEIPT, SentNotification.class, s -> steps.sendReceipt(id, key(execution, SEND_RECEIPT)), NOTIFY);
        if (input.beforeChains()) {
            return singleApprover(input, ctx, leave, execution);
        }

        Outcome outcome = input.autoApproval() != null
                ? ctx.step(AUTO_APPROVE, Outcome.class, s -> steps.autoApprove(input.autoApproval()))
                : throughTheChain(input, ctx, leave, execution);

        LeaveStatus status = ctx.step(RECORD_DECISION, LeaveStatus.class, s -> steps.recordDecision(id, outcome));
        ctx.step(TELL_EMPLOYEE, SentNotification.class, s -> steps.tellEmployee(id, key(execution, TELL_EMPLOYEE)), NOTIFY);
        ctx.step(UPDATE_APPROVERS, Integer.class, s -> steps.updateApprovers(id, key(execution, UPDATE_APPROVERS)), NOTIFY);
        return livesOn(input, ctx, id, status);
    }

    /** One stage after another, each in its own child context, until one does not approve or the last one has. */
    private Outcome throughTheChain(NewLeave input, DurableContext ctx, PendingLeave leave, String execution) {
        int stages = input.chain().stages().size();
        for (int n = 1; ; n++) {
            int stage = n;
            Outcome outcome = ctx.runInChildContext(STAGE + n, Outcome.class,
                    child -> new StageApproval(child, steps, input, leave, stage, execution).decide());
            if (outcome.status() != LeaveStatus.APPROVED || n == stages) {
                return outcome;
            }
            String step = TELL_PROGRESS + n;
            ctx.step(step, SentNotification.class, s -> steps.tellProgress(leave.requestId(), stage, key(execution, step)), NOTIFY);
        }
    }

    /** Requests made before approval chains (their input names one approver) replay exactly as they ran then. */
    private LeaveStatus singleApprover(NewLeave input, DurableContext ctx, PendingLeave leave, String execution) {
        String id = leave.requestId();
        Approval approval = new Approval(ctx, steps, input, leave, execution);
        Outcome outcome = approval.decide();

        LeaveStatus status = ctx.step(RECORD_DECISION, LeaveStatus.class, s -> steps.recordDecision(id, outcome));
        ctx.step(TELL_EMPLOYEE, SentNotification.class, s -> steps.tellEmployee(id, key(execution, TELL_EMPLOYEE)), NOTIFY);
        ctx.step(UPDATE_APPROVER, SentNotification.class,
                s -> steps.updateApprover(id, approval.askKey(), key(execution, UPDATE_APPROVER)), NOTIFY);
        return livesOn(input, ctx, id, status);
    }

    /** Approved leave's execution goes on until the leave is over ({@link LeaveDays}); any other outcome ends it. */
    private LeaveStatus livesOn(NewLeave input, DurableContext ctx, String id, LeaveStatus decided) {
        LeaveStatus status = decided;
        if (decided == LeaveStatus.APPROVED) {
            ctx.logger().info("leave request %s approved; its execution lives until the leave is over", id);
            status = new LeaveDays(ctx, days, cancellations, id, input.employee(), admins).liveThrough();
        }
        ctx.logger().info("leave request %s ended %s", id, status);
        return status;
    }

    /**
     * The execution {@link LeaveRequests#cancel} starts for approved leave that has not started
     * ({@link LeaveRequests#cancellationExecutionName}): the request's own execution ended with its approval.
     */
    private LeaveStatus cancellation(NewLeave input, DurableContext ctx) {
        String id = input.requestId();
        LeaveStatus status = Cancellation.run(ctx, cancellations, id, input.cancellation());
        ctx.logger().info("cancellation of leave request %s ended %s", id, status);
        return status;
    }

    /** The idempotency key of a step's side effect. */
    static String key(String executionName, String stepName) {
        return executionName + "/" + stepName;
    }
}
