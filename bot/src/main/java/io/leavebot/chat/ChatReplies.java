package io.leavebot.chat;

import io.leavebot.leave.Decision;
import io.leavebot.leave.LeavePolicy;
import io.leavebot.leave.LeaveRequest;
import io.leavebot.leave.LeaveStatus;
import io.leavebot.leave.Person;
import io.leavebot.leave.WorkingDays;
import io.leavebot.notify.Notification;
import io.leavebot.notify.NotificationText;
import io.leavebot.notify.NotificationText.Detail;
import io.leavebot.notify.NotificationTexts;
import io.leavebot.workflow.Answer;
import io.leavebot.workflow.LeaveRequests.Answered;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Every word LeaveBot says in chat in answer to someone: the usage, a request accepted or refused, the list of
 * one's requests, and the answer to every approval, rejection or withdrawal, including the refusals (not yours,
 * already decided, unknown, not ready). Facts about a request and the words once it is decided come from
 * {@link NotificationTexts}, so a chat reply says what the direct messages and e-mails say. Replies never show
 * callback ids or exception texts, and every refusal says that nothing was changed.
 */
public final class ChatReplies {
    /** Longest comment accepted with a rejection, in characters (as on the e-mail decision page). */
    public static final int MAX_COMMENT = 1000;
    /** Most requests {@link #list} names; older ones are counted. */
    static final int LISTED = 20;
    private static final String NOTHING_CHANGED = "Nothing was changed.";

    private final NotificationTexts texts;
    private final List<String> types;
    private final String command;

    /** @param command how people start a command on this platform, e.g. {@code /leave} in Slack */
    public ChatReplies(NotificationTexts texts, LeavePolicy policy, String command) {
        this.texts = texts;
        this.types = policy.types();
        this.command = command;
    }

    /** What can be typed, with examples from {@code today}. */
    public ChatReply help(LocalDate today) {
        String other = types.size() > 1 ? types.get(1) : types.get(0);
        List<String> lines = new ArrayList<>(List.of(
                "Here is what you can ask LeaveBot:",
                "• " + command + " — opens a form to ask for leave",
                "• " + example(today) + " — asks for leave from the first to the last day, with a reason",
                "• " + command + " tomorrow (or today, or " + WorkingDays.exampleDay(today) + ") — asks for one day",
                "• " + command + " " + other + " " + WorkingDays.exampleDay(today) + " — asks for another type of leave: "
                        + String.join(", ", types) + " (" + types.get(0) + " if you leave it out)",
                "• " + command + " list — shows your requests and where they stand",
                "• " + command + " balance — shows how much leave you have left, and your next public holidays",
                "• " + command + " cancel <id> — withdraws a request that is still waiting, or cancels approved leave "
                        + "that has not started (the days go back to your balance)"));
        lines.add("• " + command + " whosout (or whosout " + WorkingDays.exampleDay(today) + ") — who is out that day and "
                + "later that week, by team");
        lines.add("• " + command + " connect — shows when you are on leave in your Slack status (" + command
                + " disconnect stops it)");
        lines.addAll(new AwayReplies(command).help(today));
        lines.add(BalanceReplies.adjustHelp(command, types.get(0)));
        lines.add("• " + command + " calendar — links to subscribe to your leave and your team's in a calendar app ("
                + command + " calendar rotate: new links, the old stop working)");
        lines.add("• " + command + " report " + YearMonth.from(today).minusMonths(1) + " — (admins) a download "
                + "link to the leave report of that month, or of DAY to DAY");
        return ChatReply.of(lines);
    }

    /** {@code connect} and {@code disconnect} asked for outside Slack: they link a Slack account, so they are Slack's. */
    public ChatReply slackOnly() {
        return ChatReply.of("Connecting your account sets your Slack status while you are on leave, so it is done in Slack: "
                + "type /leave connect there (and /leave disconnect to stop it).");
    }

    /** The text could not be read: why, then the usage. */
    public ChatReply unreadable(String problem, LocalDate today) {
        List<String> paragraphs = new ArrayList<>();
        paragraphs.add(problem);
        paragraphs.addAll(help(today).paragraphs());
        return ChatReply.of(paragraphs);
    }

    /**
     * The request went to its approver: the receipt's words, and how to withdraw it.
     *
     * @param leave the request as LeaveRequests now has it, or null if it cannot say yet
     */
    public ChatReply accepted(String requestId, LeaveRequest leave) {
        return accepted(requestId, leave, List.of());
    }

    /**
     * As {@link #accepted(String, LeaveRequest)}, with what the employee should know first (the request takes the
     * balance below zero, as far as the policy allows).
     */
    public ChatReply accepted(String requestId, LeaveRequest leave, List<String> warnings) {
        List<String> paragraphs = new ArrayList<>(warnings);
        if (leave == null) {
            paragraphs.add("Thank you — your leave request has been sent for approval.");
        } else {
            NotificationText receipt = texts.of(Notification.of(Notification.Kind.RECEIPT, leave));
            paragraphs.add(receipt.title());
            paragraphs.addAll(receipt.paragraphs());
        }
        paragraphs.add("Its id is " + requestId + ". To withdraw it while it waits, type " + command + " cancel "
                + requestId + ".");
        return ChatReply.of(paragraphs);
    }

    /** Said where the request form was opened, when that is not the direct messages with LeaveBot. */
    public ChatReply receiptInDirectMessages() {
        return ChatReply.of("Your leave request is in. Its receipt, with the request's id and how to withdraw it, is "
                + "in your direct messages with LeaveBot.");
    }

    /** The request was not sent: every problem, and a working example. */
    public ChatReply notAccepted(Collection<String> problems, LocalDate today) {
        return pleaseCorrect("Your leave request was not sent.", problems, example(today));
    }

    /** "{@code notDone} Please correct these and try again:", each problem, then "For example: {@code example}". */
    static ChatReply pleaseCorrect(String notDone, Collection<String> problems, String example) {
        List<String> paragraphs = new ArrayList<>();
        paragraphs.add(notDone + " Please correct " + (problems.size() == 1 ? "this" : "these") + " and try again:");
        problems.forEach(p -> paragraphs.add("• " + p));
        paragraphs.add("For example: " + example);
        return ChatReply.of(paragraphs);
    }

    /** Someone's requests, newest first, each on one line with its id; beyond {@value #LISTED}, a count. */
    public ChatReply list(List<LeaveRequest> newestFirst) {
        if (newestFirst.isEmpty()) {
            return ChatReply.of("You have no leave requests yet. To ask for leave, type " + command + ".");
        }
        List<String> paragraphs = new ArrayList<>();
        paragraphs.add("Your leave requests, newest first:");
        newestFirst.stream().limit(LISTED).forEach(leave -> paragraphs.add("• " + entry(leave)));
        if (newestFirst.size() > LISTED) {
            paragraphs.add(olderNotShown(newestFirst.size() - LISTED));
        }
        return ChatReply.of(paragraphs);
    }

    /**
     * Someone's requests, as {@link #list(List)} says them, then the requests waiting for their decision (as approver
     * or stand-in), oldest first, each with whom it is from and whom they stand in for.
     */
    public ChatReply list(List<LeaveRequest> newestFirst, List<LeaveRequest> waiting, Person viewer) {
        List<String> paragraphs = new ArrayList<>(list(newestFirst).paragraphs());
        if (!waiting.isEmpty()) {
            paragraphs.add("Waiting for your decision, oldest first (use the buttons of LeaveBot's message about each):");
            waiting.stream().limit(LISTED).forEach(leave -> paragraphs.add("• " + NotificationTexts.nameOf(leave.employee())
                    + standingInFor(leave, viewer) + ": " + entry(leave)));
            if (waiting.size() > LISTED) {
                paragraphs.add("…and " + (waiting.size() - LISTED) + " more waiting for you.");
            }
        }
        return ChatReply.of(paragraphs);
    }

    /** "…and 3 older requests." */
    public String olderNotShown(int count) {
        return "…and " + count + (count == 1 ? " older request." : " older requests.");
    }

    /** A request on one line: its dates, length, type, reason and status, then its id. */
    public String entry(LeaveRequest leave) {
        List<String> values = receiptDetails(leave).stream().map(d -> d.value().replaceAll("\\s+", " ")).toList();
        return String.join(" · ", values) + " (id " + leave.id() + ")";
    }

    /** The facts people see about a request: dates, length, type, the reason if given, status, and its id. */
    public List<Detail> facts(LeaveRequest leave) {
        List<Detail> facts = new ArrayList<>(receiptDetails(leave));
        facts.add(new Detail("Id", leave.id()));
        return facts;
    }

    /** "Leave request from Ada Lovelace: Mon 12 Jan 2026 – Fri 16 Jan 2026", as the approver was asked. */
    public String askedFor(LeaveRequest leave) {
        return texts.of(Notification.of(Notification.Kind.APPROVAL_REQUEST, leave)).title();
    }

    /** As {@link #askedFor(LeaveRequest)}, with " (standing in for Grace Hopper)" when {@code viewer} decides as a stand-in. */
    public String askedFor(LeaveRequest leave, Person viewer) {
        return askedFor(leave) + standingInFor(leave, viewer);
    }

    /** " (standing in for Grace Hopper)" when {@code viewer} decides the request for an approver who is away; else nothing. */
    static String standingInFor(LeaveRequest leave, Person viewer) {
        return leave.chain().placeOf(viewer).filter(place -> !place.approver().isSameAs(viewer))
                .map(place -> " (standing in for " + NotificationTexts.nameOf(place.approver()) + ")").orElse("");
    }

    /**
     * The answer to an approval, rejection or withdrawal: once accepted, what happens now (as the approver's or the
     * employee's message will read); otherwise why nothing changed.
     *
     * @param requestId the id the person gave (named when no request has it)
     */
    public ChatReply answered(String requestId, Answer answer, Answered answered) {
        boolean withdrawal = answer.outcome() == LeaveStatus.CANCELLED;
        LeaveRequest leave = answered.leave();
        return switch (answered.result()) {
            case ACCEPTED -> withdrawal ? whenDecided(Notification.Kind.OUTCOME, leave, answer)
                    : whenDecided(Notification.Kind.APPROVER_UPDATE, leave, answer);
            case NOT_ALLOWED -> withdrawal
                    ? ChatReply.of("Only the person who asked for a leave request can withdraw it, and request "
                            + requestId + " is not yours. " + NOTHING_CHANGED, seeYourList())
                    : ChatReply.of("Only the approver of this request can approve or reject it, and LeaveBot has "
                            + "someone else down as its approver. " + NOTHING_CHANGED);
            case ALREADY_DECIDED -> leave.status().isFinal()
                    ? new ChatReply(List.of("This request is no longer waiting for a decision, so it can no longer be "
                            + (withdrawal ? "withdrawn. " : "approved or rejected. ") + NOTHING_CHANGED), facts(leave))
                    : ChatReply.of("This approval was answered already: a moment ago, or at an earlier step of the "
                            + "request, which now waits for " + NotificationTexts.withWhom(leave) + ". " + NOTHING_CHANGED);
            case NOT_FOUND -> ChatReply.of("LeaveBot has no leave request with the id " + requestId + ". "
                    + NOTHING_CHANGED, seeYourList());
            case NOT_READY -> ChatReply.of("LeaveBot is still setting this request up. " + NOTHING_CHANGED,
                    "Please try again in a minute.");
            case REPLACED -> ChatReply.of("These buttons no longer work: LeaveBot sent you this request again, so "
                    + "please decide in its newest message. " + NOTHING_CHANGED);
        };
    }

    /** A button whose value is not LeaveBot's (changed, or cut short). */
    public ChatReply unreadableButton() {
        return ChatReply.of("LeaveBot cannot read this button. " + NOTHING_CHANGED,
                "Please use the buttons in LeaveBot's newest message about the request.");
    }

    /** The request form could not be shown. */
    public ChatReply formUnavailable(LocalDate today) {
        return ChatReply.of("LeaveBot could not open the request form just now. Please try again, or type the dates "
                + "instead, for example: " + example(today));
    }

    /** Something failed on our side; whether anything changed is not known. */
    public ChatReply unexpected() {
        return ChatReply.of("Something went wrong on our side, so LeaveBot could not finish this. "
                + "Please try again in a minute; " + command + " list shows where your requests stand.");
    }

    /** The chat platform shares no e-mail address for the person, so LeaveBot cannot tell who they are. */
    public ChatReply noEmailAddress() {
        return ChatReply.of("LeaveBot knows people by their e-mail address, and it cannot see yours here, so it cannot "
                + "act for you. " + NOTHING_CHANGED, "Please ask whoever runs LeaveBot to check that your account has an "
                + "e-mail address.");
    }

    /** A rejection's comment was left empty. */
    public String commentNeeded() {
        return "Please write a comment, or close this and use Reject to reject the request without one.";
    }

    /** A rejection's comment is longer than {@value #MAX_COMMENT} characters. */
    public String commentTooLong(int length) {
        return "Your comment is " + length + " characters long; please keep it to " + MAX_COMMENT
                + " characters or fewer.";
    }

    /**
     * The request as an accepted answer leaves it, for the replies given before the workflow has recorded the
     * outcome (so without the time of the decision).
     */
    public static LeaveRequest asAnswered(LeaveRequest leave, Answer answer) {
        return leave.withStatus(answer.outcome(), new Decision(answer.by(), null, answer.comment()), null);
    }

    private ChatReply whenDecided(Notification.Kind kind, LeaveRequest leave, Answer answer) {
        NotificationText text = texts.of(Notification.of(kind, asAnswered(leave, answer)));
        List<String> paragraphs = new ArrayList<>();
        paragraphs.add(text.title());
        paragraphs.addAll(text.paragraphs());
        return ChatReply.of(paragraphs);
    }

    private List<Detail> receiptDetails(LeaveRequest leave) {
        return texts.of(Notification.of(Notification.Kind.RECEIPT, leave)).details();
    }

    private String seeYourList() {
        return "Type " + command + " list to see your requests and their ids.";
    }

    private String example(LocalDate today) {
        return command + " " + today.plusDays(7) + " " + today.plusDays(11) + " Family visit";
    }
}
