package io.leavebot.workflow;

import io.leavebot.leave.Decision;
import io.leavebot.leave.LeaveStatus;

/**
 * How the wait for the approver ended: the final status and the decision to record (for EXPIRED, a decision by
 * nobody at the moment the approval timed out). Read from the approval callback by {@link Answers#await}.
 */
record Outcome(LeaveStatus status, Decision decision) {
}
