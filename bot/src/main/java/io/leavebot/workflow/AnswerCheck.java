package io.leavebot.workflow;

import io.leavebot.leave.LeaveStatus;
import io.leavebot.leave.Person;

/**
 * Who may give which answer to a request: the approver approves or rejects, the employee withdraws. Front ends
 * ask before they send an answer ({@link LeaveRequests#answer}); the workflow asks again of every answer that
 * reaches it, because a callback can be completed by anyone holding its id.
 */
final class AnswerCheck {
    private AnswerCheck() {
    }

    /**
     * Why the workflow refuses this answer to the request ({@code requestId}, with this employee and approver), or
     * null when it may be taken.
     */
    static String refusal(Answer answer, String requestId, Person employee, Person approver) {
        if (answer.requestId() != null && !answer.requestId().equals(requestId)) {
            return "an answer for request \"" + answer.requestId() + "\", not this one";
        }
        if (!mayGive(answer, employee, approver)) {
            String who = answer.by() == null ? "nobody" : answer.by().key();
            return answer.outcome() == LeaveStatus.CANCELLED
                    ? "a withdrawal by " + who + ", who did not ask for this leave"
                    : "a decision by " + who + ", who is not this request's approver";
        }
        return null;
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
