package io.leavebot.notify;

import io.leavebot.balance.BalanceNote;
import io.leavebot.leave.LeaveRequest;
import java.util.List;

/**
 * What to tell someone about a request; each channel renders it in its own way from the same texts.
 *
 * @param callbackId     for {@link Kind#APPROVAL_REQUEST}, {@link Kind#APPROVAL_REQUEST_AGAIN} and reminders: what the Approve / Reject actions resolve;
 *                       for {@link Kind#CANCELLATION}, the callback of the approver's place (it says who they are)
 * @param reminderNumber 1, 2… for {@link Kind#REMINDER}; for {@link Kind#PROGRESS} the stage just approved; else 0
 * @param alsoAway       for the approver: others with the same approver away on overlapping days
 * @param balance        the employee's balance of the request's type, for the texts that state it; null when the
 *                       type is not tracked (or for a notification made before balances)
 */
public record Notification(Kind kind, LeaveRequest leave, String callbackId, int reminderNumber, List<LeaveRequest> alsoAway,
        BalanceNote balance) {

    public enum Kind {
        /** To the employee: we got your request. */
        RECEIPT,
        /** To the approver: please decide (with actions). */
        APPROVAL_REQUEST,
        /** To the approver: still waiting for you. */
        REMINDER,
        /** To the approver, after an answer the workflow refused: please decide again (with new actions). */
        APPROVAL_REQUEST_AGAIN,
        /** In place of an approval request's actions once the approver was asked again: use the new message. */
        APPROVAL_REPLACED,
        /** To the employee: a stage approved, the request moves on to the next ("approved by Priya, now with HR"). */
        PROGRESS,
        /** To the employee: approved, rejected, expired. */
        OUTCOME,
        /** To an approver: the request was decided, expired or withdrawn, or their stage was (replaces the actions). */
        APPROVER_UPDATE,
        /** To an approver who approved it: the approved leave was cancelled before it started, its days are back. */
        CANCELLATION,
        /** To the employee: their approved leave is cancelled, its days are back. */
        CANCELLED,
        /** To the employee: the cancellation came too late, the leave started first; it stays approved. */
        CANCELLATION_TOO_LATE
    }

    public Notification {
        alsoAway = alsoAway == null ? List.of() : List.copyOf(alsoAway);
    }

    public Notification(Kind kind, LeaveRequest leave, String callbackId, int reminderNumber, List<LeaveRequest> alsoAway) {
        this(kind, leave, callbackId, reminderNumber, alsoAway, null);
    }

    public static Notification of(Kind kind, LeaveRequest leave) {
        return new Notification(kind, leave, null, 0, List.of());
    }

    public Notification withBalance(BalanceNote value) {
        return new Notification(kind, leave, callbackId, reminderNumber, alsoAway, value);
    }
}
