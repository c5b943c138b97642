package io.leavebot.notify;

import static io.leavebot.notify.LeaveWording.amount;
import static io.leavebot.notify.LeaveWording.dates;
import static io.leavebot.notify.LeaveWording.decider;
import static io.leavebot.notify.LeaveWording.greeting;
import static io.leavebot.notify.LeaveWording.name;
import static io.leavebot.notify.LeaveWording.possessive;

import io.leavebot.leave.ApprovalStage;
import io.leavebot.leave.LeaveRequest;
import io.leavebot.leave.LeaveStatus;
import io.leavebot.leave.Person;
import java.util.List;

/** The words once a request is final: to the employee (the outcome) and to the approver (the update). */
final class OutcomeTexts {
    private final LeaveWording wording;

    OutcomeTexts(LeaveWording wording) {
        this.wording = wording;
    }

    NotificationText toEmployee(LeaveRequest leave) {
        String decider = decider(leave);
        String approver = LeaveWording.withWhom(leave);
        return switch (finalStatus(leave)) {
            case APPROVED -> employeeText(leave, "Your leave is approved: ", "Good news: " + approved(leave, decider),
                    "Enjoy your time off!");
            case REJECTED -> rejectedByNobody(leave) ? employeeText(leave, "Your leave request was not approved: ",
                    "Your request for " + amount(leave) + " was approved, but the approval could not be booked: "
                            + leave.decision().comment().strip() + ". No leave was booked.",
                    "If you think your balance is wrong, please talk to your admin. You are welcome to send a new request "
                            + "for fewer days.")
                    : employeeText(leave, "Your leave request was not approved: ",
                    decider + " rejected your request for " + amount(leave) + "."
                            + (LeaveWording.hasComment(leave) ? " " + possessive(decider) + " comment is below." : " No comment was given."),
                    "If you have questions, please talk to " + decider + ". You are welcome to send a new request "
                            + "for other dates.");
            case EXPIRED -> employeeText(leave, "Your leave request expired: ",
                    approver + " did not decide on your request for " + amount(leave) + " in time, so it has "
                            + "expired and no leave was booked.",
                    "If you still need this time off, please send the request again or talk to " + approver + ".");
            case CANCELLED -> employeeText(leave, "Your leave request is withdrawn: ",
                    "Your request for " + amount(leave) + " has been withdrawn and no leave was booked.",
                    approver + " has been told; there is nothing more for you to do.");
            case PENDING -> throw new IllegalStateException("checked by finalStatus");
        };
    }

    /** To {@code approver}, about the request's outcome, or (still PENDING) about their stage's. */
    NotificationText toApprover(LeaveRequest leave, Person approver) {
        String employee = name(leave.employee());
        if (leave.status() == LeaveStatus.PENDING) {
            return movedOn(leave, approver);
        }
        String who = decidedBy(leave, approver) ? "You" : decider(leave);
        return switch (finalStatus(leave)) {
            case APPROVED -> approverText(leave, approver, LeaveWording.isAutomatic(leave)
                    ? possessive(employee) + " leave was approved automatically: " : who + " approved " + possessive(employee) + " leave: ",
                    employee + " has been told. There is nothing more for you to do.");
            case REJECTED -> rejectedByNobody(leave) ? approverText(leave, approver,
                    possessive(employee) + " leave could not be booked: ",
                    "The approval came when the balance no longer allowed it (" + leave.decision().comment().strip()
                            + "), so the request is rejected. " + employee + " has been told. There is nothing more for you to do.")
                    : approverText(leave, approver,
                    who + " rejected " + possessive(employee) + " leave request: ",
                    employee + " has been told" + (LeaveWording.hasComment(leave) ? ", with the comment below." : ".")
                            + " There is nothing more for you to do.");
            case EXPIRED -> approverText(leave, approver,
                    possessive(employee) + " leave request expired: ",
                    "No decision was made in time, so the request has expired and no leave was booked. "
                            + employee + " has been told and may ask again.");
            case CANCELLED -> approverText(leave, approver,
                    employee + " withdrew the leave request: ",
                    "The request is no longer waiting for you; there is nothing more for you to decide.");
            case PENDING -> throw new IllegalStateException("checked by finalStatus");
        };
    }

    /**
     * "Grace Hopper approved your 5 working days of annual leave."; through a chain of several steps, "your request
     * for … is approved by Grace Hopper, then by Hana HR for HR."; by nobody, "… is approved automatically: nobody
     * answered within 3 days." (see {@link LeaveWording#approvedByNobody}).
     */
    private static String approved(LeaveRequest leave, String decider) {
        String request = "your request for " + amount(leave) + " is approved ";
        return ChainWording.approvals(leave).map(steps -> request + steps + ".")
                .orElseGet(() -> LeaveWording.isAutomatic(leave) ? "your request for " + amount(leave) + " is "
                        + LeaveWording.approvedByNobody(leave) + "."
                        : decider + " approved your " + amount(leave) + ".");
    }

    private NotificationText employeeText(LeaveRequest leave, String title, String what, String next) {
        return new NotificationText(title + dates(leave), greeting(leave.employee()), List.of(what, next),
                wording.details(leave, true), List.of());
    }

    /** A stage approved and the request moved on: the approver's message loses its actions. */
    private NotificationText movedOn(LeaveRequest leave, Person approver) {
        String employee = name(leave.employee());
        ApprovalStage decided = leave.chain().stages().stream().filter(s -> s.status() == LeaveStatus.APPROVED)
                .reduce((first, second) -> second).orElse(leave.chain().stage(1));
        Person by = decided.decision() == null ? null : decided.decision().by();
        String title = by == null
                ? possessive(employee) + " leave request was approved " + ChainWording.approval(decided, leave.chain().stages().indexOf(decided) + 1) + ": "
                : (by.isSameAs(approver) ? "You" : name(by)) + " approved " + possessive(employee) + " leave request: ";
        return approverText(leave, approver, title,
                "It is now with " + LeaveWording.withWhom(leave) + ". There is nothing more for you to do.");
    }

    private NotificationText approverText(LeaveRequest leave, Person approver, String title, String what) {
        return new NotificationText(title + dates(leave), greeting(approver), List.of(what),
                wording.details(leave, true), List.of());
    }

    /**
     * Rejected by nobody: approved, but the balance no longer allowed it when the approval was recorded (the
     * comment says why, e.g. "not enough annual leave left: 5 days asked, 3 left").
     */
    private static boolean rejectedByNobody(LeaveRequest leave) {
        return leave.status() == LeaveStatus.REJECTED && leave.decision() != null && leave.decision().by() == null
                && leave.decision().comment() != null && !leave.decision().comment().isBlank();
    }

    /** Whether the approver decided it themselves, or nobody else did (it expired, or was withdrawn by nobody known). */
    private static boolean decidedBy(LeaveRequest leave, Person approver) {
        return leave.decision() == null || leave.decision().by() == null || leave.decision().by().isSameAs(approver);
    }

    /** Outcomes exist only for final requests; a PENDING one here is a bug in the caller, not something to word. */
    private static LeaveStatus finalStatus(LeaveRequest leave) {
        if (leave.status() == null || !leave.status().isFinal()) {
            throw new IllegalArgumentException("an outcome is worded only for a decided request, but request "
                    + leave.id() + " is " + leave.status());
        }
        return leave.status();
    }
}
