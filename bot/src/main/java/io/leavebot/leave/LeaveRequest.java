package io.leavebot.leave;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A recorded leave request.
 *
 * @param executionName the durable execution carrying it ({@code leave-<id>})
 * @param callbackId    the approval callback while the request waits for a decision, else null
 */
public record LeaveRequest(
        String id,
        Person employee,
        Person approver,
        String type,
        LocalDate start,
        LocalDate end,
        boolean halfDay,
        String reason,
        LeaveStatus status,
        Instant createdAt,
        Instant updatedAt,
        Decision decision,
        String executionName,
        String callbackId) {

    public LeaveRequest {
        reason = BidiControls.strip(reason); // also for requests stored before controls were stripped on the way in
    }

    /** The name of the durable execution for a request id: the one place it is built. */
    public static String executionNameFor(String requestId) {
        return "leave-" + requestId;
    }

    /** Working days (Mon–Fri) the request covers; a half day counts 0.5. */
    public double workingDays() {
        return halfDay ? 0.5 : WorkingDays.between(start, end);
    }

    public LeaveRequest withStatus(LeaveStatus newStatus, Decision newDecision, Instant at) {
        return new LeaveRequest(id, employee, approver, type, start, end, halfDay, reason, newStatus, createdAt, at,
                newDecision, executionName, callbackId);
    }

    public LeaveRequest withCallbackId(String value) {
        return new LeaveRequest(id, employee, approver, type, start, end, halfDay, reason, status, createdAt, updatedAt,
                decision, executionName, value);
    }
}
