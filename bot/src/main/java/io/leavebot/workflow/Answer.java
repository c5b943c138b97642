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
        if (outcome != LeaveStatus.APPROVED && outcome != LeaveStatus.REJECTED && outcome != LeaveStatus.CANCELLED) {
            throw new IllegalArgumentException("an answer approves, rejects or cancels, not " + outcome);
        }
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
