package io.leavebot.leave;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

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

    private static final String EXECUTION_PREFIX = "leave-";

    public LeaveRequest {
        reason = BidiControls.strip(reason); // also for requests stored before controls were stripped on the way in
    }

    /** The name of the durable execution for a request id: the one place it is built. */
    public static String executionNameFor(String requestId) {
        return EXECUTION_PREFIX + requestId;
    }

    /** The request id in a name {@link #executionNameFor} built; empty for any other name. */
    public static Optional<String> requestIdIn(String executionName) {
        boolean ours = executionName != null && executionName.startsWith(EXECUTION_PREFIX)
                && executionName.length() > EXECUTION_PREFIX.length();
        return ours ? Optional.of(executionName.substring(EXECUTION_PREFIX.length())) : Optional.empty();
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
