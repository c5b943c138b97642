package io.leavebot.workflow;

import io.leavebot.leave.LeaveStatus;
import io.leavebot.leave.Person;

/**
 * What resolves the approval callback: an approval (callback success), a rejection or a withdrawal by the
 * employee (callback failure), given by {@code by} for request {@code requestId}. Front ends build one and hand it
 * to {@link LeaveRequests#answer}, which fills in the request; the workflow reads it back and checks it
 * ({@link AnswerCheck}) before it changes anything. The wire form is defined in {@link Answers}.
 *
 * @param requestId the request the answer is for; null only in answers written before LeaveBot sent it
 */
public record Answer(LeaveStatus outcome, Person by, String comment, String requestId) {

    public Answer {
        if (outcome == null || outcome == LeaveStatus.EXPIRED) {
            throw new IllegalArgumentException("an answer approves, rejects, cancels or reassigns, not " + outcome);
        }
    }

    /**
     * Not a decision: the approver's availability changed (they said they are away, or back), so the workflow looks
     * up who is to decide for them and asks that person with a new callback. Outcome PENDING.
     */
    public static Answer reassign(Person by) {
        return new Answer(LeaveStatus.PENDING, by, null, null);
    }

    public boolean isReassignment() {
        return outcome == LeaveStatus.PENDING;
    }

    public static Answer approve(Person by, String comment) {
        return new Answer(LeaveStatus.APPROVED, by, comment, null);
    }

    public static Answer reject(Person by, String comment) {
        return new Answer(LeaveStatus.REJECTED, by, comment, null);
    }

    public static Answer cancel(Person by) {
        return new Answer(LeaveStatus.CANCELLED, by, null, null);
    }

    /** The same answer, for the request {@code id}. */
    public Answer forRequest(String id) {
        return new Answer(outcome, by, comment, id);
    }
}
