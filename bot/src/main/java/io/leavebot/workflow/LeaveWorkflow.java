package io.leavebot.workflow;

import com.fasterxml.jackson.databind.JsonNode;
import io.leavebot.durable.CallbackConfig;
import io.leavebot.durable.DurableCallbackFuture;
import io.leavebot.durable.DurableContext;
import io.leavebot.durable.DurableFuture;
import io.leavebot.durable.DurableHandler;
import io.leavebot.durable.JitterStrategy;
import io.leavebot.durable.RetryStrategies;
import io.leavebot.durable.StepConfig;
import io.leavebot.leave.LeavePolicy;
import io.leavebot.leave.LeaveRequest;
import io.leavebot.leave.LeaveStatus;
import io.leavebot.leave.LeaveStore;
import io.leavebot.leave.NewLeave;
import io.leavebot.leave.SentNotification;
import io.leavebot.notify.Notifier;
import java.time.Clock;
import java.time.Duration;

/**
 * A leave request from submission to its final status, as one durable execution named {@code leave-<requestId>}:
 * record it, confirm receipt, ask the approver and remind them while the approval is open, then record the
 * outcome (approved, rejected, withdrawn, or expired after the policy's timeout), tell the employee and update the
 * approver. Every step is idempotent with the key {@code <execution name>/<step name>}.
 *
 * <p>The approval is a callback created with {@code createCallback} followed by the {@value #ASK_APPROVER} step
 * (the two pieces {@code waitForCallback} is made of), raced with {@link DurableFuture#anyOf} against the reminder
 * waits. {@code anyOf} orders futures by when the service completed them, so a reminder goes out only if no answer
 * reached the service before it fell due, on the first run and on every replay.
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
    static final String RECORD_DECISION = "record-decision";
    static final String TELL_EMPLOYEE = "tell-employee";
    static final String UPDATE_APPROVER = "update-approver";

    /** Telling people may wait for chat or mail to come back: up to 10 attempts, spread over at most about 50 minutes. */
    private static final StepConfig NOTIFY = StepConfig.retrying(RetryStrategies.exponentialBackoff(
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

        DurableCallbackFuture<JsonNode> approval = ctx.createCallback(MANAGER_APPROVAL, JsonNode.class,
                CallbackConfig.timeout(leave.approvalTimeout()));
        ctx.step(ASK_APPROVER, SentNotification.class,
                s -> steps.askApprover(id, approval.callbackId(), key(execution, ASK_APPROVER)), NOTIFY);
        remindWhileOpen(ctx, approval, leave, execution);

        Outcome outcome = Answers.await(approval);
        LeaveStatus status = ctx.step(RECORD_DECISION, LeaveStatus.class, s -> steps.recordDecision(id, outcome));
        ctx.step(TELL_EMPLOYEE, SentNotification.class, s -> steps.tellEmployee(id, key(execution, TELL_EMPLOYEE)), NOTIFY);
        ctx.step(UPDATE_APPROVER, SentNotification.class,
                s -> steps.updateApprover(id, key(execution, ASK_APPROVER), key(execution, UPDATE_APPROVER)), NOTIFY);
        ctx.logger().info("leave request %s ended %s", id, status);
        return status;
    }

    /**
     * Each reminder waits for its moment or the approval, whichever the service completed first; once the approval
     * has an answer (or expired) no further reminder is sent.
     */
    private void remindWhileOpen(DurableContext ctx, DurableFuture<?> approval, PendingLeave leave, String execution) {
        for (int n = 1; n <= leave.reminderWaits().size(); n++) {
            DurableFuture<Void> due = ctx.waitAsync(UNTIL_REMINDER + n, leave.reminderWaits().get(n - 1));
            if (DurableFuture.anyOf(approval, due) == approval) {
                return;
            }
            String reminder = REMINDER + n;
            int number = n;
            ctx.step(reminder, SentNotification.class,
                    s -> steps.remind(leave.requestId(), number, key(execution, reminder), key(execution, ASK_APPROVER)),
                    NOTIFY);
        }
    }

    /** The idempotency key of a step's side effect. */
    private static String key(String executionName, String stepName) {
        return executionName + "/" + stepName;
    }
}
