package io.leavebot.workflow;

import io.leavebot.leave.AuditEntry;
import io.leavebot.leave.LeaveRequest;
import io.leavebot.leave.LeaveStatus;
import io.leavebot.leave.LeaveStore;
import io.leavebot.leave.Person;
import io.leavebot.notify.ChatStatus;
import java.time.Clock;
import java.time.Instant;
import java.util.NoSuchElementException;

/**
 * The bodies of the steps approved leave's execution takes until the leave is over ({@link LeaveDays}). Each may
 * run again after a crash: the watch keeps the callback it is given, the chat status is set and cleared as
 * {@link ChatStatus} allows twice, an audit entry is written once per round.
 */
final class LeaveDaySteps {
    private final LeaveStore store;
    private final ChatStatus chatStatus;
    private final Clock clock;

    /** @param clock in {@code LEAVEBOT_TIME_ZONE}: the leave's days start at midnight there */
    LeaveDaySteps(LeaveStore store, ChatStatus chatStatus, Clock clock) {
        this.store = store;
        this.chatStatus = chatStatus;
        this.clock = clock;
    }

    /** Records that a cancellation of this leave is to complete {@code callbackId}; returns the leave as it is now. */
    /** Now, for how long a wait has left when it is first asked for. */
    Instant now() {
        return clock.instant();
    }

    WatchedLeave watch(String requestId, String callbackId) {
        store.recordWatch(requestId, callbackId);
        return WatchedLeave.of(load(requestId), clock);
    }

    /**
     * Sets the employee's chat status until the leave is over, if it is still approved (not cancelled by the
     * separate {@code cancel-<id>} execution meanwhile) and not over already (approved after its days).
     */
    WatchedLeave leaveStarts(String requestId) {
        LeaveRequest leave = load(requestId);
        WatchedLeave watched = WatchedLeave.of(leave, clock);
        if (leave.status() == LeaveStatus.APPROVED && watched.now().isBefore(watched.over())) {
            chatStatus.leaveStarts(leave, watched.over());
        }
        return watched;
    }

    /** Clears the status {@link #leaveStarts} set. */
    LeaveStatus leaveEnds(String requestId) {
        LeaveRequest leave = load(requestId);
        if (leave.status() == LeaveStatus.APPROVED) {
            chatStatus.leaveEnds(leave);
        }
        return leave.status();
    }

    /** Writes to the request's audit why a change reaching the watch was not taken; returns the reason. */
    String refuseChange(String requestId, String reason, Person claimedBy, int round) {
        store.recordAudit(new AuditEntry(requestId, round, AuditEntry.CHANGE_REFUSED, clock.instant(),
                claimedBy == null ? null : claimedBy.key(), reason));
        return reason;
    }

    private LeaveRequest load(String requestId) {
        return store.get(requestId).orElseThrow(() -> new NoSuchElementException("no leave request with id " + requestId));
    }
}
