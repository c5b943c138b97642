package io.leavebot.workflow;

import io.leavebot.durable.DurableContext;
import io.leavebot.leave.Decision;
import io.leavebot.leave.LeaveStatus;
import io.leavebot.notify.SentNotification;

/**
 * The steps that cancel approved leave, in whichever execution takes the cancellation: the leave's own, while it
 * waits for the first day ({@link LeaveDays}), or the separate {@code cancel-<id>} one ({@link LeaveWorkflow}).
 * Their side effects are keyed by the {@code cancel-<id>} execution's name in both, so should both run for one
 * leave (a cancellation repeated as the watch closed), the refund, the audit and each message happen once.
 */
final class Cancellation {
    private Cancellation() {
    }

    /**
     * {@value LeaveWorkflow#RECORD_CANCELLATION} with the refund, then {@value LeaveWorkflow#TELL_APPROVERS} and
     * {@value LeaveWorkflow#TELL_EMPLOYEE}; or, when the leave started before it could be recorded,
     * {@value LeaveWorkflow#TELL_TOO_LATE}.
     *
     * @return CANCELLED; APPROVED when it came too late; another status when the leave was not approved
     */
    static LeaveStatus run(DurableContext ctx, CancellationSteps steps, String id, Decision cancellation) {
        String execution = LeaveRequests.cancellationExecutionName(id);
        LeaveStatus status = ctx.step(LeaveWorkflow.RECORD_CANCELLATION, LeaveStatus.class, s -> steps.recordCancellation(id, cancellation));
        if (status == LeaveStatus.CANCELLED) {
            String approvers = LeaveWorkflow.key(execution, LeaveWorkflow.TELL_APPROVERS);
            ctx.step(LeaveWorkflow.TELL_APPROVERS, Integer.class, s -> steps.tellApprovers(id, approvers), LeaveWorkflow.NOTIFY);
            String employee = LeaveWorkflow.key(execution, LeaveWorkflow.TELL_EMPLOYEE);
            ctx.step(LeaveWorkflow.TELL_EMPLOYEE, SentNotification.class, s -> steps.tellEmployee(id, employee), LeaveWorkflow.NOTIFY);
        } else if (status == LeaveStatus.APPROVED) { // it started between the cancel and the first step here
            String tooLate = LeaveWorkflow.key(execution, LeaveWorkflow.TELL_TOO_LATE);
            ctx.step(LeaveWorkflow.TELL_TOO_LATE, SentNotification.class, s -> steps.tellTooLate(id, tooLate), LeaveWorkflow.NOTIFY);
        }
        return status;
    }
}
