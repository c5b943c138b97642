package io.leavebot.slack;

import io.leavebot.leave.LeaveRequest;
import io.leavebot.workflow.Answer;
import io.leavebot.workflow.LeaveRequests.Answered;
import java.util.Locale;

/** One log line for each answer LeaveBot did not take (not yours, too late, unknown…), for the operator. */
final class AnswerLog {
    private static final System.Logger LOG = System.getLogger(AnswerLog.class.getName());

    private AnswerLog() {
    }

    /** Logs {@code answered} unless it was accepted, with the request and who answered; never a callback id. */
    static void refused(String teamId, String userId, String requestId, Answer answer, Answered answered) {
        if (answered.result() == Answered.Result.ACCEPTED) {
            return;
        }
        LOG.log(System.Logger.Level.INFO, "slack " + answer.outcome().name().toLowerCase(Locale.ROOT) + " of request "
                + requestId + " (" + LeaveRequest.executionNameFor(requestId) + ") by user " + userId + " of team "
                + teamId + ": " + answered.result());
    }
}
