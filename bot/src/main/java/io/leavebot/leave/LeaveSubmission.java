package io.leavebot.leave;

import java.time.LocalDate;

/**
 * A request as a front end submits it. {@code requestId} is chosen by the front end once per submission (for
 * Slack, derived from the interaction), so a retried or double submission carries the same id and can never
 * create a second leave.
 */
public record LeaveSubmission(
        String requestId,
        Person employee,
        String type,
        LocalDate start,
        LocalDate end,
        boolean halfDay,
        String reason) {

    public LeaveSubmission {
        type = BidiControls.strip(type);
        reason = BidiControls.strip(reason);
    }
}
