package io.leavebot.calendar;

import io.leavebot.leave.LeaveRequest;
import io.leavebot.leave.LeaveStatus;
import io.leavebot.leave.Person;
import io.leavebot.workflow.Roles.Sight;
import java.time.LocalDate;

/**
 * One leave on a calendar, masked for its viewer: with {@link Sight#OUT_ONLY} only who, which days and whether it is
 * still pending; the type and the reason only with {@link Sight#FULL}.
 *
 * @param type   the leave type, or null when the viewer may not see it
 * @param reason the employee's reason, or null when there is none or the viewer may not see it
 */
public record Absence(String requestId, Person person, LocalDate start, LocalDate end, boolean halfDay, boolean pending,
        Sight sight, String type, String reason) {

    /** The leave as {@code sight} shows it; never called with {@link Sight#NONE}. */
    static Absence of(LeaveRequest leave, Sight sight) {
        if (sight == Sight.NONE) {
            throw new IllegalArgumentException("a leave the viewer may not see has no place on their calendar");
        }
        boolean full = sight == Sight.FULL;
        return new Absence(leave.id(), leave.employee(), leave.start(), leave.end(), leave.halfDay(),
                leave.status() == LeaveStatus.PENDING, sight, full ? leave.type() : null, full ? leave.reason() : null);
    }

    public boolean covers(LocalDate day) {
        return !day.isBefore(start) && !day.isAfter(end);
    }
}
