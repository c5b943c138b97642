package io.leavebot.leave;

import java.time.Duration;
import java.util.List;

/**
 * The rules a request is checked against, from configuration.
 *
 * @param types              leave types offered, e.g. annual, sick, unpaid, other
 * @param maxDays            longest request in calendar days
 * @param allowPastDates     whether a request may start before today (e.g. recording a sick day afterwards)
 * @param maxReasonLength    longest reason in characters
 * @param approvalTimeout    how long the approver has before the request expires
 * @param reminderFractions  when to remind the approver, as fractions of the timeout (default 0.5 and 0.9)
 */
public record LeavePolicy(List<String> types, int maxDays, boolean allowPastDates, int maxReasonLength,
        Duration approvalTimeout, List<Double> reminderFractions) {

    /**
     * How far ahead leave may be asked for: it ends at most this many days after today. Approved leave's durable
     * execution lives until the leave is over, and Lambda lets one live at most 366 days.
     */
    public static final int FURTHEST_AHEAD_DAYS = 364;
    /**
     * The longest an execution of approved leave may need: asked for today, ending {@link #FURTHEST_AHEAD_DAYS}
     * later, over at the next midnight, and a day for its last steps (366 days, Lambda's most).
     */
    public static final Duration LONGEST_LEAVE_LIFE = Duration.ofDays(FURTHEST_AHEAD_DAYS + 2L);

    public static final LeavePolicy DEFAULT = new LeavePolicy(List.of("annual", "sick", "unpaid", "other"), 60, false, 500,
            Duration.ofDays(3), List.of(0.5, 0.9));

    public LeavePolicy {
        types = List.copyOf(types);
        reminderFractions = List.copyOf(reminderFractions);
        if (types.isEmpty()) {
            throw new IllegalArgumentException("at least one leave type must be configured");
        }
        if (maxDays < 1 || maxReasonLength < 1) {
            throw new IllegalArgumentException("maxDays and maxReasonLength must be at least 1");
        }
        if (approvalTimeout == null || approvalTimeout.toSeconds() < 1) {
            throw new IllegalArgumentException("the approval timeout must be at least one second, but was " + approvalTimeout);
        }
        for (double f : reminderFractions) {
            if (f <= 0 || f >= 1) {
                throw new IllegalArgumentException("reminder fractions must be between 0 and 1 (exclusive), but one was " + f);
            }
        }
    }

    public LeavePolicy withApprovalTimeout(Duration value) {
        return new LeavePolicy(types, maxDays, allowPastDates, maxReasonLength, value, reminderFractions);
    }
}
