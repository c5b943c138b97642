package io.leavebot.notify;

import static io.leavebot.notify.LeaveWording.amount;
import static io.leavebot.notify.LeaveWording.dates;
import static io.leavebot.notify.LeaveWording.greeting;
import static io.leavebot.notify.LeaveWording.name;
import static io.leavebot.notify.LeaveWording.possessive;
import static io.leavebot.notify.LeaveWording.typePhrase;
import static io.leavebot.notify.LeaveWording.workingDays;

import io.leavebot.leave.LeaveRequest;
import io.leavebot.leave.Person;
import java.util.List;

/**
 * The words once approved leave is cancelled before it started: to each approver who approved it
 * ({@link Notification.Kind#CANCELLATION}) and to the employee ({@link Notification.Kind#CANCELLED}). Both say
 * that the days are back; the balance after the refund is their Balance detail, as in every notification. When the
 * leave started before the cancellation could be recorded, the employee hears that instead
 * ({@link Notification.Kind#CANCELLATION_TOO_LATE}).
 */
final class CancellationTexts {
    private final LeaveWording wording;

    CancellationTexts(LeaveWording wording) {
        this.wording = wording;
    }

    /** "Sam cancelled their approved leave: Mon 12 Jan 2026 – Fri 16 Jan 2026"; the days are back. */
    NotificationText toApprover(Notification notification, Person approver) {
        LeaveRequest leave = notification.leave();
        String employee = name(leave.employee());
        Person by = canceller(leave);
        String title = by == null || by.isSameAs(leave.employee())
                ? employee + " cancelled their approved leave: "
                : name(by) + " cancelled " + possessive(employee) + " approved leave: ";
        return new NotificationText(title + dates(leave), greeting(approver),
                List.of("The " + amount(leave) + " you approved will not be taken; " + daysBack(possessive(employee)) + ".",
                        "There is nothing for you to do."),
                wording.details(leave, true), List.of());
    }

    /** "Your approved leave is cancelled: …"; the days are back, and who cancelled it when it was not them. */
    NotificationText toEmployee(Notification notification) {
        LeaveRequest leave = notification.leave();
        Person by = canceller(leave);
        String who = by == null || by.isSameAs(leave.employee()) ? "" : " by " + name(by);
        return new NotificationText("Your approved leave is cancelled: " + dates(leave), greeting(leave.employee()),
                List.of("Your " + typePhrase(leave) + " of " + workingDays(leave) + " is cancelled" + who + "; "
                        + daysBack("your") + ".",
                        LeaveWording.withWhom(leave) + " has been told; there is nothing more for you to do."),
                wording.details(leave, true), List.of());
    }

    private static Person canceller(LeaveRequest leave) {
        return leave.decision() == null ? null : leave.decision().by();
    }

    /** "Your leave could not be cancelled: …": it started first, so it stays approved and its days stay taken. */
    NotificationText tooLate(Notification notification) {
        LeaveRequest leave = notification.leave();
        return new NotificationText("Your leave could not be cancelled: " + dates(leave), greeting(leave.employee()),
                List.of("Your " + typePhrase(leave) + " started on " + NotificationTexts.dayOf(leave.start())
                        + ", before LeaveBot could record the cancellation, so it stays approved and its days stay taken.",
                        "If you did not take them, an admin can give them back to your balance."),
                wording.details(leave, true), List.of());
    }

    /** "the days are back in Sam's balance"; the Balance detail says how it stands ({@link NotificationTexts#BALANCE}). */
    private static String daysBack(String whose) {
        return "the days are back in " + whose + " balance";
    }
}
