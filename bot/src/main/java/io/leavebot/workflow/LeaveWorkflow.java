package io.leavebot.workflow;

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
import io.leavebot.notify.SentNotification;
import io.leavebot.notify.Notifier;
import java.time.Clock;
import java.time.Duration;

/**
 * A leave request from submission to its final status, as one durable execution named {@code leave-<requestId>}:
 * record it, confirm receipt, ask the approver and remind them while the approval is open, then record the
 * outcome (approved, rejected, withdrawn, or expired after the policy's timeout), tell the employee and update the
 * approver. Every step is idempotent with the key {@code <execution name>/<step name>}.
 *
 * <p>The approval ({@link Approval}) is a callback created with {@code createCallback} followed by the
 * {@value #ASK_APPROVER} step (the two pieces {@code waitForCallback} is made of), raced with
 * {@link io.leavebot.durable.DurableFuture#anyOf} against the reminder waits. {@code anyOf} orders futures by when
 * the service completed them, so a reminder goes out only if no answer reached the service before it fell due, on
 * the first run and on every replay. The workflow checks every answer itself before it records it: one it cannot
 * take is written to the request's audit and the approver is asked again, within the same window.
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

    /** Telling people may wait for chat or mail to come back: up to 10 attempts, spread over at most about 50 minutes. */
    static final StepConfig NOTIFY = StepConfig.retrying(RetryStrategies.exponentialBackoff(
            10, Duration.ofSeconds(10), 2.0, Duration.ofMinutes(15), JitterStrategy.FULL, error -> true));

    private final LeaveSteps steps;

    /** @param clock for the request's creation time, read inside the {@value #RECORD_LEAVE} step */
    public LeaveWorkflow(LeaveStore store, Notifier notifier, LeavePolicy policy, Clock clock) {
        this.steps = new LeaveSteps(store, notifier, policy, clock);
    }

    @Override
    public LeaveStatus handleRequest(NewLeave input, DurableContext ctx) {
        String execution = LeaveRequest.executionNameFor(input.requestId());
        PendingLeave leave = ctx.step(RECORD_LEAVE, PendingLeave.class, s -> steps.recordPending(input));
        String id = leave.requestId();
        ctx.step(SEND_RECEIPT, SentNotification.class, s -> steps.sendReceipt(id, key(execution, SEND_RECEIPT)), NOTIFY);

        Approval approval = new Approval(ctx, steps, input, leave, execution);
        Outcome outcome = approval.decide();

        LeaveStatus status = ctx.step(RECORD_DECISION, LeaveStatus.class, s -> steps.recordDecision(id, outcome));
        ctx.step(TELL_EMPLOYEE, SentNotification.class, s -> steps.tellEmployee(id, key(execution, TELL_EMPLOYEE)), NOTIFY);
        ctx.step(UPDATE_APPROVER, SentNotification.class,
                s -> steps.updateApprover(id, approval.askKey(), key(execution, UPDATE_APPROVER)), NOTIFY);
        ctx.logger().info("leave request %s ended %s", id, status);
        return status;
    }

    /** The idempotency key of a step's side effect. */
    static String key(String executionName, String stepName) {
        return executionName + "/" + stepName;
    }
}
