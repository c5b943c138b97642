package io.leavebot.notify;

import static io.leavebot.notify.LeaveWording.amount;
import static io.leavebot.notify.LeaveWording.dates;
import static io.leavebot.notify.LeaveWording.greeting;
import static io.leavebot.notify.LeaveWording.name;
import static io.leavebot.notify.LeaveWording.possessive;

import io.leavebot.balance.BalanceNote;
import io.leavebot.balance.Unit;
import io.leavebot.leave.LeaveRequest;
import io.leavebot.leave.Person;
import java.math.BigDecimal;
import java.util.List;

/**
 * The words once approved leave is cancelled before it started: to each approver who approved it
 * ({@link Notification.Kind#CANCELLATION}) and to the employee ({@link Notification.Kind#CANCELLED}). Both say
 * that the days are back, with the balance as it is after the refund when the type is tracked.
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
                List.of("The " + amount(leave) + " you approved will not be taken; " + daysBack(notification, possessive(employee)) + ".",
                        "There is nothing for you to do."),
                wording.details(leave, true), List.of());
    }

    /** "Your approved leave is cancelled: …"; the days are back, and who cancelled it when it was not them. */
    NotificationText toEmployee(Notification notification) {
        LeaveRequest leave = notification.leave();
        Person by = canceller(leave);
        String who = by == null || by.isSameAs(leave.employee()) ? "" : " by " + name(by);
        return new NotificationText("Your approved leave is cancelled: " + dates(leave), greeting(leave.employee()),
                List.of("Your " + amount(leave) + " has been cancelled" + who + "; " + daysBack(notification, "your") + ".",
                        LeaveWording.withWhom(leave) + " has been told; there is nothing more for you to do."),
                wording.details(leave, true), List.of());
    }

    private static Person canceller(LeaveRequest leave) {
        return leave.decision() == null ? null : leave.decision().by();
    }

    /** "the days are back in Sam's balance: 20 of 25 days of annual leave left in 2026", or without the numbers. */
    private static String daysBack(Notification notification, String whose) {
        BalanceNote note = notification.balance();
        String back = "the days are back in " + whose + " balance";
        if (note == null || !note.limited()) {
            return back;
        }
        return back + ": " + plain(note.left()) + " of " + plain(note.total()) + " " + unit(note.total(), note.unit()) + " of "
                + note.type() + " leave left in " + note.yearName();
    }

    private static String plain(BigDecimal amount) {
        return amount.stripTrailingZeros().toPlainString();
    }

    private static String unit(BigDecimal amount, Unit unit) {
        String name = unit == Unit.HOURS ? "hour" : "day";
        return amount.compareTo(BigDecimal.ONE) == 0 ? name : name + "s";
    }
}
