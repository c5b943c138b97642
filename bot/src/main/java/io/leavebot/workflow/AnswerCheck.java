package io.leavebot.workflow;

import io.leavebot.leave.LeaveRequest;
import io.leavebot.leave.LeaveStatus;
import io.leavebot.leave.Person;
import java.util.Set;

/**
 * Who may give which answer to a request: an approver approves or rejects (or has their place reassigned) only
 * on their own place of the stage now deciding — they, or their stand-in; the employee withdraws. Front ends ask
 * before they send an answer ({@link LeaveRequests#answer}); the workflow asks again of every answer that reaches
 * it, because a callback can be completed by anyone holding its id.
 */
final class AnswerCheck {
    private AnswerCheck() {
    }

    /**
     * Why the workflow refuses this answer to the request ({@code requestId}, with this employee and approver), or
     * null when it may be taken.
     */
    static String refusal(Answer answer, String requestId, Person employee, Person approver) {
        return refusal(answer, requestId, employee, approver, null);
    }

    /** {@link #refusal(Answer, String, Person, Person)} for a place of a stage, whose stand-in (may be null) also decides. */
    static String refusal(Answer answer, String requestId, Person employee, Person approver, Person standIn) {
        if (answer.requestId() != null && !answer.requestId().equals(requestId)) {
            return "an answer for request \"" + answer.requestId() + "\", not this one";
        }
        if (!mayGive(answer, employee, approver) && !(answer.outcome() != LeaveStatus.CANCELLED && samePerson(answer.by(), standIn))) {
            String who = answer.by() == null ? "nobody" : answer.by().key();
            return answer.outcome() == LeaveStatus.CANCELLED
                    ? "a withdrawal by " + who + ", who did not ask for this leave"
                    : "a decision by " + who + ", who is not this request's approver";
        }
        return null;
    }

    /**
     * Why the workflow refuses this change to approved leave ({@code requestId}, of {@code employee}) that reached
     * its watch, or null when it may be taken: only a cancellation, for this request, by the employee or an admin.
     */
    static String cancellationRefusal(Answer answer, String requestId, Person employee, Set<String> admins) {
        if (answer.outcome() != LeaveStatus.CANCELLED) {
            return "an answer with the outcome " + (answer.isReassignment() ? "REASSIGN" : answer.outcome())
                    + ", which approved leave does not take (it is only cancelled)";
        }
        if (answer.requestId() == null || !answer.requestId().equals(requestId)) {
            return "a cancellation for request " + (answer.requestId() == null ? "none" : "\"" + answer.requestId() + "\"")
                    + ", not this one";
        }
        if (!samePerson(answer.by(), employee) && !admins.contains(answer.by().key())) {
            return "a cancellation by " + answer.by().key() + ", who neither asked for this leave nor is an admin";
        }
        return null;
    }

    /**
     * Whether {@code person} approves or rejects in the request's chain: an approver of one of its stages, or a
     * stand-in asked for one. Whether it is their turn is a matter of the callbacks open for them.
     */
    static boolean mayDecide(Person person, LeaveRequest leave) {
        return person != null && leave.chain().stages().stream()
                .flatMap(s -> s.approvers().stream()).anyMatch(a -> a.isDecidedBy(person));
    }

    static boolean mayGive(Answer answer, Person employee, Person approver) {
        return samePerson(answer.by(), answer.outcome() == LeaveStatus.CANCELLED ? employee : approver);
    }

    /**
     * Matched by {@link Person#key()}, that is by e-mail: a Slack click is matched through the e-mail Slack gives for
     * the clicker ({@code users.info}). Where one Slack user has two keys (the routing names them by Slack id only,
     * or Slack shows no e-mail for them), {@link LeaveRequests#answer} makes the answer the expected person's first.
     */
    static boolean samePerson(Person a, Person b) {
        return a != null && a.isSameAs(b);
    }
}
