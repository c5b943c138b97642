package io.leavebot.workflow;

import io.leavebot.leave.LeaveRequest;
import io.leavebot.leave.LeaveSubmission;
import io.leavebot.leave.Person;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * SKELETON (issue #3, being written): what every front end (Slack, e-mail links, the JSON API, Teams) asks of
 * LeaveBot. Validation, routing, starting the workflow and resolving its approval callback happen here only.
 */
public final class LeaveRequests {
    /** The durable function that runs {@link LeaveWorkflow}. */
    public static final String FUNCTION = "leave-workflow";

    /** The outcome of a submission: accepted (the workflow runs) or refused with field errors. */
    public record Submitted(String requestId, Map<String, String> errors) {
        public boolean accepted() {
            return errors.isEmpty();
        }
    }

    /** The outcome of an answer; {@code leave} is the request as it stands (null if unknown). */
    public record Answered(Result result, LeaveRequest leave) {
        public enum Result { ACCEPTED, NOT_ALLOWED, ALREADY_DECIDED, NOT_FOUND }
    }

    /** Validates, routes to the approver and starts the workflow; idempotent by the submission's request id. */
    public Submitted submit(LeaveSubmission submission) {
        throw new UnsupportedOperationException("issue #3: being written");
    }

    /**
     * Approve or reject (by the request's approver) or cancel (by its employee). Checks who is answering and that
     * the request is still PENDING; a late or repeated answer changes nothing.
     */
    public Answered answer(String requestId, Answer answer) {
        throw new UnsupportedOperationException("issue #3: being written");
    }

    public Optional<LeaveRequest> get(String requestId) {
        throw new UnsupportedOperationException("issue #3: being written");
    }

    public List<LeaveRequest> requestsOf(Person employee) {
        throw new UnsupportedOperationException("issue #3: being written");
    }

    public List<LeaveRequest> waitingFor(Person approver) {
        throw new UnsupportedOperationException("issue #3: being written");
    }
}
