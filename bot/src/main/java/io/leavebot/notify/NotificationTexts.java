package io.leavebot.notify;

import static io.leavebot.notify.LeaveWording.amount;
import static io.leavebot.notify.LeaveWording.dates;
import static io.leavebot.notify.LeaveWording.greeting;
import static io.leavebot.notify.LeaveWording.name;

import io.leavebot.balance.BalanceNote;
import io.leavebot.leave.ApprovalChain;
import io.leavebot.leave.ApprovalStage;
import io.leavebot.leave.LeaveRequest;
import io.leavebot.leave.LeaveStatus;
import io.leavebot.leave.OnTimeout;
import io.leavebot.leave.Person;
import io.leavebot.leave.StageApprover;
import io.leavebot.notify.NotificationText.Action;
import io.leavebot.notify.NotificationText.Detail;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Every word LeaveBot says to a person about a request, for every {@link Notification.Kind}. E-mail uses it now,
 * Slack and Teams later, so all channels say the same thing. Texts name people and dates, never raw ids, and
 * always say what happens next.
 *
 * <p>Times (of decisions, of link expiry) are shown in the zone given to the constructor.
 */
public final class NotificationTexts {
    /** Label of the action that approves a request. */
    public static final String APPROVE = "Approve";
    /** Label of the action that rejects a request. */
    public static final String REJECT = "Reject";
    /** Label of the action with which the employee withdraws a waiting request. */
    public static final String WITHDRAW = "Withdraw";
    /** Label of the detail that states the employee's balance of the request's type. */
    public static final String BALANCE = "Balance";

    private final LeaveWording wording;
    private final OutcomeTexts outcomes;
    private final CancellationTexts cancellations;

    /** @param zone where the people are: decision times and link expiries are shown in it (e.g. Europe/Berlin) */
    public NotificationTexts(ZoneId zone) {
        this.wording = new LeaveWording(zone);
        this.outcomes = new OutcomeTexts(wording);
        this.cancellations = new CancellationTexts(wording);
    }

    /** The words for one notification. */
    public NotificationText of(Notification notification) {
        return withBalance(words(notification), notification);
    }

    private NotificationText words(Notification notification) {
        LeaveRequest leave = notification.leave();
        return switch (notification.kind()) {
            case RECEIPT -> receipt(leave);
            case APPROVAL_REQUEST -> approvalRequest(notification);
            case REMINDER -> reminder(notification);
            case APPROVAL_REQUEST_AGAIN -> approvalRequestAgain(notification);
            case APPROVAL_REPLACED -> approvalReplaced(notification);
            case PROGRESS -> progress(notification);
            case OUTCOME -> outcomes.toEmployee(leave);
            case APPROVER_UPDATE -> outcomes.toApprover(leave, recipient(notification));
            case CANCELLATION -> cancellations.toApprover(notification, recipient(notification));
            case CANCELLED -> cancellations.toEmployee(notification);
            case CANCELLATION_TOO_LATE -> cancellations.tooLate(notification);
        };
    }

    /** How every text names a person: the display name, else the e-mail address; never a raw chat user id. */
    public static String nameOf(Person person) {
        return name(person);
    }

    /** Who the request is with now, as every text names them: the stage deciding, by its name or its approver's. */
    public static String withWhom(LeaveRequest leave) {
        return LeaveWording.withWhom(leave);
    }

    /** How every text gives a request's days, e.g. "Mon 11 Jan 2027 – Fri 15 Jan 2027". */
    public static String datesOf(LeaveRequest leave) {
        return dates(leave);
    }

    /** "Step 2 of 2 — HR" while a request of several steps waits at its second; empty for a request of one step. */
    public static Optional<String> stepOf(LeaveRequest leave) {
        return leave.chain().current().flatMap(n -> ChainWording.step(leave.chain(), n));
    }

    /** How every text gives one day, e.g. "Mon 11 Jan 2027". */
    public static String dayOf(LocalDate date) {
        return LeaveWording.day(date);
    }

    /**
     * Who a notification of this kind is for: the employee (receipt, progress, outcome) or an approver (the rest):
     * whoever was asked for the place of the notification's callback, its stand-in while there is one.
     */
    public static Person recipient(Notification notification) {
        return switch (notification.kind()) {
            case RECEIPT, PROGRESS, OUTCOME, CANCELLED, CANCELLATION_TOO_LATE -> notification.leave().employee();
            case APPROVAL_REQUEST, REMINDER, APPROVAL_REQUEST_AGAIN, APPROVAL_REPLACED, APPROVER_UPDATE, CANCELLATION ->
                    LeaveWording.addressee(notification);
        };
    }

    /** Said under the Approve / Reject links of {@code notification}: until when they work, and what happens then. */
    public String actionsValidUntil(Instant expiresAt, Notification notification) {
        String then = switch (afterTimeout(notification)) {
            case EXPIRE -> "the request expires";
            case APPROVE -> "the request is approved automatically";
            case ESCALATE -> "the request goes to " + name(notification.leave().chain().onTimeout().escalateTo());
        };
        return "These links work until " + wording.moment(expiresAt) + ", when " + then + " if nobody has decided it by then.";
    }

    /** Said under Approve / Reject links in e-mail: the callback they answer, for the JSON API and operators. */
    public String callbackIdNote(String callbackId) {
        return "Integrations can decide this request through LeaveBot's decision API with its callback id: " + callbackId;
    }

    /** Said under the Withdraw link of a receipt. */
    public String withdrawValidUntil(Instant expiresAt) {
        return "This link withdraws the request while it waits for a decision, at the latest until "
                + wording.moment(expiresAt) + ".";
    }

    /** The closing line of messages that are not chat replies. */
    public String signature() {
        return "LeaveBot — you get this message because you take part in this leave request.";
    }

    /**
     * The text with the employee's balance of the request's type as its last detail, when the notification carries
     * one: what it will be after this request while it waits, what it is once decided.
     */
    private static NotificationText withBalance(NotificationText text, Notification notification) {
        BalanceNote note = notification.balance();
        if (note == null || notification.kind() == Notification.Kind.APPROVAL_REPLACED) {
            return text;
        }
        String employee = name(notification.leave().employee());
        boolean toEmployee = recipient(notification).isSameAs(notification.leave().employee());
        boolean waiting = notification.leave().status() == null || notification.leave().status() == LeaveStatus.PENDING;
        String balance = waiting
                ? (toEmployee ? BalanceWording.youWillHave(note) : BalanceWording.willHave(employee, note))
                : (toEmployee ? BalanceWording.youHave(note) : BalanceWording.has(employee, note));
        List<Detail> details = new ArrayList<>(text.details());
        details.add(new Detail(BALANCE, balance));
        return new NotificationText(text.title(), text.greeting(), text.paragraphs(), details, text.actions());
    }

    private NotificationText receipt(LeaveRequest leave) {
        String approver = LeaveWording.withWhom(leave);
        return new NotificationText(
                "Leave request received: " + dates(leave),
                greeting(leave.employee()),
                List.of("Thank you — your request for " + amount(leave) + " has been sent to " + approver + " for approval"
                                + LeaveWording.laterStages(leave) + ".",
                        "We will tell you as soon as " + approver + " decides. If your plans change, you can withdraw "
                                + "the request while it is still waiting."),
                wording.details(leave, true),
                List.of());
    }

    private NotificationText approvalRequest(Notification notification) {
        LeaveRequest leave = notification.leave();
        String employee = name(leave.employee());
        return new NotificationText(
                "Leave request from " + employee + ": " + dates(leave),
                greeting(recipient(notification)),
                withChain(notification, employee + " asks for " + amount(leave) + ".",
                        "Please approve or reject the request. " + employee + " will be told your decision right away."),
                approverDetails(notification),
                decisionActions());
    }

    private NotificationText reminder(Notification notification) {
        LeaveRequest leave = notification.leave();
        String employee = name(leave.employee());
        String asked = leave.createdAt() == null ? "" : " on " + wording.day(leave.createdAt());
        return new NotificationText(
                "Reminder: " + LeaveWording.possessive(employee) + " leave request is waiting for you (" + dates(leave) + ")",
                greeting(recipient(notification)),
                withChain(notification, "This is " + LeaveWording.reminder(notification.reminderNumber()) + ": " + employee
                                + " asked" + asked + " for " + amount(leave) + " and is still waiting for your decision.",
                        "Please approve or reject it. If it is not decided in time, " + whenNobodyDecides(notification) + "."),
                approverDetails(notification),
                decisionActions());
    }

    private NotificationText approvalRequestAgain(Notification notification) {
        LeaveRequest leave = notification.leave();
        String employee = name(leave.employee());
        return new NotificationText(
                "Please decide again: " + LeaveWording.possessive(employee) + " leave request (" + dates(leave) + ")",
                greeting(recipient(notification)),
                withChain(notification, "An answer to " + LeaveWording.possessive(employee) + " request reached LeaveBot "
                                + "that it could not accept (not from you, or not readable), so nothing was decided. The "
                                + "request is still waiting for you.",
                        "Please approve or reject it here: the buttons and links sent before no longer work."),
                approverDetails(notification),
                decisionActions());
    }

    /** To the employee: a stage approved, the next one asked. */
    private NotificationText progress(Notification notification) {
        LeaveRequest leave = notification.leave();
        int number = notification.reminderNumber();
        ApprovalStage approved = leave.chain().stage(number);
        Person by = approved.decision() == null ? null : approved.decision().by();
        String next = LeaveWording.withWhom(leave);
        String what = by == null
                ? "your request for " + amount(leave) + " was approved " + ChainWording.approval(approved, number)
                : name(by) + " approved your request for " + amount(leave);
        return new NotificationText(
                "Your leave request moved on: " + dates(leave),
                greeting(leave.employee()),
                List.of("Good news: " + what + "; it is now with " + next + ".",
                        "We will tell you as soon as " + next + " decides."),
                wording.details(leave, true),
                List.of());
    }

    /**
     * In place of the actions of a message asked again: when the place of its callback is known, who has the
     * request now (the stand-in while the approver is away, or whoever was sent it again).
     */
    private NotificationText approvalReplaced(Notification notification) {
        LeaveRequest leave = notification.leave();
        Optional<StageApprover> place = ChainWording.previouslyAt(leave.chain(), notification.callbackId());
        String title = place.map(StageApprover::standIn).map(standIn -> "Now with " + name(standIn) + ": ").orElse("Sent to you again: ");
        String now = place.map(p -> p.standIn() != null
                        ? name(p.standIn()) + " decides this request while " + name(p.approver()) + " is away, and "
                                + "was sent it in a newer message. There is nothing more for you to do here."
                        : "the request was sent again to " + name(p.asked()) + " in a newer message, where it can be decided.")
                .orElse("the request was asked again in a newer message" + LeaveWording.standingIn(leave) + "; please decide there.");
        return new NotificationText(
                title + LeaveWording.possessive(name(leave.employee())) + " leave request (" + dates(leave) + ")",
                greeting(recipient(notification)),
                List.of("These buttons no longer work: " + now),
                wording.details(leave, false),
                List.of());
    }

    /** The approver's paragraphs, with what the chain says to them (step, group, stand-in, escalation) after the first. */
    private static List<String> withChain(Notification notification, String first, String last) {
        return ChainWording.forTheApprover(notification.leave(), notification.callbackId())
                .map(chain -> List.of(first, chain, last)).orElse(List.of(first, last));
    }

    /** "it expires and Ada Lovelace is told", "it is approved automatically", "it goes to Alan Turing". */
    private static String whenNobodyDecides(Notification notification) {
        LeaveRequest leave = notification.leave();
        return switch (afterTimeout(notification)) {
            case EXPIRE -> "it expires and " + name(leave.employee()) + " is told";
            case APPROVE -> "it is approved automatically";
            case ESCALATE -> "it goes to " + name(leave.chain().onTimeout().escalateTo());
        };
    }

    /** What happens when the place of the notification's callback gets no answer in time; an escalation expires. */
    private static OnTimeout.Action afterTimeout(Notification notification) {
        ApprovalChain chain = notification.leave().chain();
        boolean escalated = chain.find(notification.callbackId()).map(p -> chain.at(p).escalated()).orElse(false);
        return escalated ? OnTimeout.Action.EXPIRE : chain.onTimeout().action();
    }


    private List<Detail> approverDetails(Notification notification) {
        List<Detail> details = wording.details(notification.leave(), false);
        details.add(new Detail("Also away", LeaveWording.alsoAway(notification.alsoAway())));
        return details;
    }

    private static List<Action> decisionActions() {
        return List.of(new Action(LeaveStatus.APPROVED, APPROVE), new Action(LeaveStatus.REJECTED, REJECT));
    }
}
