package io.leavebot.leave;

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

    public static NewLeave of(LeaveSubmission s, Person approver) {
        return new NewLeave(s.requestId(), s.employee(), approver, s.type(), s.start(), s.end(), s.halfDay(), s.reason());
    }
}
