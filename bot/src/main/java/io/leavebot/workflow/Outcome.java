package io.leavebot.workflow;

import io.leavebot.leave.Decision;
import io.leavebot.leave.LeaveStatus;

/**
 * How the wait for the approver (or a stage's approvers) ended: the status and the decision to record (for EXPIRED,
 * a decision by nobody at the moment the approval timed out), and in a stage the index of the place whose answer
 * decided it (-1 when none did).
 */
record Outcome(LeaveStatus status, Decision decision, int place) {

    /** An outcome that no place of a stage decided (withdrawn by the employee counts as decided by the place it answered). */
    Outcome(LeaveStatus status, Decision decision) {
        this(status, decision, -1);
    }

    /** The window closed without a decision. */
    static Outcome expired(java.time.Instant at) {
        return new Outcome(LeaveStatus.EXPIRED, new Decision(null, at, null));
    }

    boolean timedOut() {
        return status == LeaveStatus.EXPIRED;
    }
}
