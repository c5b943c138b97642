package io.leavebot.leave;

import java.time.Instant;
import java.time.LocalDate;

/** A submission that passed validation and has its approver: the input of the leave workflow. */
public record NewLeave(
        String requestId,
        Person employee,
        Person approver,
        String type,
        LocalDate start,
        LocalDate end,
        boolean halfDay,
        String reason) {

    /** The request as its workflow records it when it starts: PENDING since {@code at}, no callback yet. */
    public LeaveRequest pending(Instant at) {
        return new LeaveRequest(requestId, employee, approver, type, start, end, halfDay, reason, LeaveStatus.PENDING, at, at,
                null, LeaveRequest.executionNameFor(requestId), null);
    }

    public static NewLeave of(LeaveSubmission s, Person approver) {
        return new NewLeave(s.requestId(), s.employee(), approver, s.type(), s.start(), s.end(), s.halfDay(), s.reason());
    }
}
