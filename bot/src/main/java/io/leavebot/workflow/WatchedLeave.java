package io.leavebot.workflow;

import io.leavebot.leave.LeaveRequest;
import io.leavebot.leave.LeaveStatus;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

/**
 * Approved leave as a step of its execution saw it: its status, the step's moment, and when the leave starts and
 * is over (the first day's and the day after the last's midnight, in the clock's zone, which is
 * {@code LEAVEBOT_TIME_ZONE}). Checkpointed, so whether the execution waits is the same on every replay.
 */
record WatchedLeave(LeaveStatus status, Instant now, Instant starts, Instant over) {

    static WatchedLeave of(LeaveRequest leave, Clock clock) {
        ZoneId zone = clock.getZone();
        return new WatchedLeave(leave.status(), clock.instant(), leave.start().atStartOfDay(zone).toInstant(),
                leave.end().plusDays(1).atStartOfDay(zone).toInstant());
    }

    /** How long from this moment until {@code then}; zero when it has passed. */
    Duration until(Instant then) {
        Duration left = Duration.between(now, then);
        return left.isNegative() ? Duration.ZERO : left;
    }
}
