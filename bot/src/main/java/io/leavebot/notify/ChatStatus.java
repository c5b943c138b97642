package io.leavebot.notify;

import io.leavebot.leave.LeaveRequest;
import java.time.Instant;

/**
 * The employee's chat status while they are on approved leave: set as the leave starts, cleared when it is over
 * (Slack's profile status, for people who linked their account with {@code /leave connect}). Both calls are made
 * by steps of the leave's execution, so each may be repeated after a crash: setting the same status twice, or
 * clearing a cleared one, must do no harm. Someone who linked no account is left alone.
 */
public interface ChatStatus {
    /** No chat status is kept. */
    ChatStatus NONE = new ChatStatus() {
        @Override
        public void leaveStarts(LeaveRequest leave, Instant over) {
        }

        @Override
        public void leaveEnds(LeaveRequest leave) {
        }
    };

    /**
     * Sets the employee's status to say they are on leave, expiring by itself at {@code over} (the end of the
     * leave's last day), so a status is never left behind.
     *
     * @throws ChatUnavailableException when chat cannot be reached now (the step retries)
     */
    void leaveStarts(LeaveRequest leave, Instant over);

    /**
     * Clears the status {@link #leaveStarts} set, unless the person has set another since.
     *
     * @throws ChatUnavailableException when chat cannot be reached now (the step retries)
     */
    void leaveEnds(LeaveRequest leave);
}
