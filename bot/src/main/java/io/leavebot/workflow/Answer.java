package io.leavebot.workflow;

import io.leavebot.leave.LeaveStatus;
import io.leavebot.leave.Person;

/**
 * What resolves the approval callback: an approval (callback success), a rejection or a withdrawal by the
 * employee (callback failure). Front ends build one and hand it to {@link LeaveRequests#answer}; the workflow reads
 * it back. The wire form is defined in {@link Answers}.
 */
public record Answer(LeaveStatus outcome, Person by, String comment) {

    public Answer {
        if (outcome != LeaveStatus.APPROVED && outcome != LeaveStatus.REJECTED && outcome != LeaveStatus.CANCELLED) {
            throw new IllegalArgumentException("an answer approves, rejects or cancels, not " + outcome);
        }
    }

    public static Answer approve(Person by, String comment) {
        return new Answer(LeaveStatus.APPROVED, by, comment);
    }

    public static Answer reject(Person by, String comment) {
        return new Answer(LeaveStatus.REJECTED, by, comment);
    }

    public static Answer cancel(Person by) {
        return new Answer(LeaveStatus.CANCELLED, by, null);
    }
}
