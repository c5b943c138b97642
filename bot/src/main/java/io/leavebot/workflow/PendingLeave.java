package io.leavebot.workflow;

import java.time.Duration;
import java.util.List;

/**
 * What the workflow keeps of the recorded request: its id and the approval timing, fixed when the request was
 * recorded so that a policy change cannot alter the operations of a request already waiting (which would break
 * its replay).
 *
 * @param approvalTimeout how long the approver has
 * @param reminderWaits   the pauses before each reminder: the first from when the approver was asked, each next
 *                        one from the reminder before
 */
record PendingLeave(String requestId, Duration approvalTimeout, List<Duration> reminderWaits) {

    PendingLeave {
        reminderWaits = List.copyOf(reminderWaits);
    }
}
