package io.leavebot.workflow;

import java.time.Duration;
import java.util.List;

/**
 * What is left of the approver's time when they are asked (again): how long the callback stays open, and the
 * reminders still to come, each with its number and the pause before it (the first from now, each next one from
 * the reminder before). Asking again never grows the window, and a reminder keeps the moment it had.
 */
record ApprovalWindow(Duration timeout, List<Reminder> reminders) {

    record Reminder(int number, Duration pause) {
    }

    ApprovalWindow {
        reminders = List.copyOf(reminders);
    }

    /** The whole window, when the approver is first asked. */
    static ApprovalWindow whole(PendingLeave leave) {
        List<Reminder> reminders = new java.util.ArrayList<>();
        for (int n = 1; n <= leave.reminderWaits().size(); n++) {
            reminders.add(new Reminder(n, leave.reminderWaits().get(n - 1)));
        }
        return new ApprovalWindow(leave.approvalTimeout(), reminders);
    }

    /**
     * What is left {@code elapsed} after the approver was first asked; a timeout under a second (the shortest a
     * callback can have) is zero: the window has closed.
     */
    static ApprovalWindow left(PendingLeave leave, Duration elapsed) {
        Duration timeout = leave.approvalTimeout().minus(elapsed);
        List<Reminder> reminders = new java.util.ArrayList<>();
        Duration due = Duration.ZERO;
        Duration previous = elapsed;
        for (int n = 1; n <= leave.reminderWaits().size(); n++) {
            due = due.plus(leave.reminderWaits().get(n - 1));
            if (due.compareTo(elapsed) > 0) {
                reminders.add(new Reminder(n, due.minus(previous)));
                previous = due;
            }
        }
        return new ApprovalWindow(timeout.toSeconds() < 1 ? Duration.ZERO : Duration.ofSeconds(timeout.toSeconds()), reminders);
    }

    boolean closed() {
        return timeout.isZero();
    }
}
