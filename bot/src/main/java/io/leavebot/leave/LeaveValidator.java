package io.leavebot.leave;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * SKELETON (issue #3, being written): checks a submission against the {@link LeavePolicy} and returns every
 * problem at once, keyed by field ({@link #TYPE}, {@link #START}, …), each message specific and polite.
 */
public final class LeaveValidator {
    public static final String EMPLOYEE = "employee";
    public static final String APPROVER = "approver";
    public static final String TYPE = "type";
    public static final String START = "start";
    public static final String END = "end";
    public static final String HALF_DAY = "halfDay";
    public static final String REASON = "reason";

    private final LeavePolicy policy;

    public LeaveValidator(LeavePolicy policy) {
        this.policy = policy;
    }

    /**
     * @param approver the routed approver, or null when routing found none
     * @param overlaps the employee's PENDING/APPROVED requests overlapping the dates
     * @return field → message; empty when the submission is valid
     */
    public Map<String, String> validate(LeaveSubmission submission, Person approver, List<LeaveRequest> overlaps, LocalDate today) {
        throw new UnsupportedOperationException("issue #3: being written");
    }

    public LeavePolicy policy() {
        return policy;
    }
}
