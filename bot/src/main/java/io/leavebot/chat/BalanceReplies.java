package io.leavebot.chat;

import io.leavebot.balance.Balance;
import io.leavebot.balance.Balances;
import io.leavebot.balance.LedgerEntry;
import io.leavebot.leave.Decision;
import io.leavebot.leave.LeaveRequest;
import io.leavebot.leave.LeaveStatus;
import io.leavebot.leave.LeaveValidator;
import io.leavebot.leave.Person;
import io.leavebot.notify.BalanceWording;
import io.leavebot.notify.Notification;
import io.leavebot.notify.NotificationText;
import io.leavebot.notify.NotificationTexts;
import io.leavebot.workflow.LeaveRequests.Cancelled;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * What LeaveBot says in chat about balances ({@code balance}), cancellations ({@code cancel <id>}), which give
 * approved days back, and admins' adjustments ({@code adjust …}). The balance sentences are {@link BalanceWording}'s,
 * so chat, e-mail and the forms agree.
 */
public final class BalanceReplies {
    /** How many of the next public holidays and company days off a balance reply names. */
    static final int DAYS_OFF_LISTED = 3;
    private static final String NOTHING_CHANGED = "Nothing was changed.";

    private final NotificationTexts texts;
    private final String command;

    /** @param command how people start a command on this platform, e.g. {@code /leave} in Slack */
    public BalanceReplies(NotificationTexts texts, String command) {
        this.texts = texts;
        this.command = command;
    }

    /**
     * Every tracked type's balance, each with what is waiting, carried over (until when) and adjusted, then the
     * next days off of the person's calendar.
     *
     * @param daysOff the public holidays and company days off ahead, by date
     */
    public ChatReply balances(List<Balance> balances, Map<LocalDate, String> daysOff) {
        List<String> paragraphs = new ArrayList<>();
        if (balances.isEmpty()) {
            paragraphs.add("LeaveBot keeps no balance for your leave types: you can ask for leave with " + command
                    + " as before, and your approver decides.");
        } else {
            paragraphs.add("Your leave, as of today:");
            for (Balance b : balances) {
                List<String> particulars = BalanceWording.particulars(b);
                paragraphs.add("• " + capitalised(BalanceWording.summary(b))
                        + (particulars.isEmpty() ? "" : " (" + String.join("; ", particulars) + ")"));
            }
        }
        if (!daysOff.isEmpty()) {
            paragraphs.add("Your next days off, which leave does not count: " + daysOff.entrySet().stream().limit(DAYS_OFF_LISTED)
                    .map(e -> BalanceWording.dayOff(e.getKey(), e.getValue())).collect(Collectors.joining("; ")) + ".");
        }
        return ChatReply.of(paragraphs);
    }

    /**
     * What a request form says under the type and days chosen, one line each: what the request does to the
     * balance, then its warning or its problem; with no first day chosen yet, the type's balance today. Empty for a
     * type LeaveBot keeps no balance of. A last day not chosen yet is taken to be the first.
     *
     * @param requestId the form's request id: its own earlier submission is not counted as pending
     */
    public static List<String> form(Balances balances, Person employee, String type, LocalDate start, LocalDate end,
            boolean halfDay, String requestId) {
        if (type == null || type.isBlank()) {
            return List.of();
        }
        LocalDate last = end == null || (start != null && end.isBefore(start)) ? start : end;
        Optional<Balances.Preview> preview = start == null ? Optional.empty()
                : balances.preview(employee, type, start, halfDay ? start : last, halfDay, requestId);
        if (preview.isEmpty()) {
            return balances.of(employee, type, start == null ? balances.today() : start)
                    .map(b -> List.of(capitalised(BalanceWording.summary(b)) + ".")).orElse(List.of());
        }
        List<String> lines = new ArrayList<>();
        lines.add(BalanceWording.preview(preview.get()));
        // the submission's own words (LeaveRequests.submit answers with these): its field error, or its warning
        LeaveValidator.beyondBalance(preview.get()).or(() -> LeaveValidator.belowZero(preview.get())).ifPresent(lines::add);
        return lines;
    }

    /** {@code cancel <id>} answered: once accepted, what happens now; otherwise why nothing changed. */
    public ChatReply cancelled(String requestId, Person by, Cancelled cancelled) {
        LeaveRequest leave = cancelled.leave();
        return switch (cancelled.result()) {
            case ACCEPTED -> leave.status() == LeaveStatus.APPROVED ? approvedLeaveCancelled(leave, by) : withdrawn(leave, by);
            case NOT_ALLOWED -> ChatReply.of("Only the person who asked for a leave request, or an admin, can cancel it, "
                    + "and request " + requestId + " is not yours. " + NOTHING_CHANGED, seeYourList());
            case NOT_FOUND -> ChatReply.of("LeaveBot has no leave request with the id " + requestId + ". " + NOTHING_CHANGED,
                    seeYourList());
            case STARTED -> ChatReply.of("This leave has already started, so LeaveBot can no longer cancel it. "
                    + NOTHING_CHANGED, "If your plans changed, please talk to " + NotificationTexts.withWhom(leave)
                    + ", who can ask an admin to adjust your balance.");
            case ALREADY_DECIDED -> new ChatReply(List.of("This request was " + ended(leave) + " already, so there is "
                    + "nothing to cancel. " + NOTHING_CHANGED), List.of(new NotificationText.Detail("Status", statusOf(leave))));
            case NOT_READY -> ChatReply.of("LeaveBot is still setting this request up. " + NOTHING_CHANGED,
                    "Please try again in a minute.");
        };
    }

    /** Approved leave that has not started: its execution records the cancellation and the refund, and tells everyone. */
    private ChatReply approvedLeaveCancelled(LeaveRequest leave, Person by) {
        boolean own = by.isSameAs(leave.employee());
        String whose = own ? "Your" : NotificationTexts.nameOf(leave.employee()) + "'s";
        String told = own ? NotificationTexts.withWhom(leave) + " is told"
                : NotificationTexts.nameOf(leave.employee()) + " and " + NotificationTexts.withWhom(leave) + " are told";
        return ChatReply.of(whose + " approved leave is being cancelled: " + NotificationTexts.datesOf(leave),
                "The days go back to " + (own ? "your" : "the") + " balance, and " + told + ". Type " + command
                        + " balance to see it once LeaveBot has recorded the cancellation.");
    }

    /** A request still waiting: withdrawn, as its outcome message will say. */
    private ChatReply withdrawn(LeaveRequest leave, Person by) {
        NotificationText text = texts.of(Notification.of(Notification.Kind.OUTCOME,
                leave.withStatus(LeaveStatus.CANCELLED, new Decision(by, null, null), null)));
        List<String> paragraphs = new ArrayList<>();
        paragraphs.add(text.title());
        paragraphs.addAll(text.paragraphs());
        return ChatReply.of(paragraphs);
    }

    private String statusOf(LeaveRequest leave) {
        return texts.of(Notification.of(Notification.Kind.RECEIPT, leave)).details().stream()
                .filter(d -> d.label().equals("Status")).map(NotificationText.Detail::value).findFirst().orElse("");
    }

    /**
     * The adjustment is recorded: "Sam Rivera's annual leave: +2 days (Worked the Saturday of the release); now 22 of
     * 27 days left in 2026." A retried command is answered with the adjustment made first.
     *
     * @param after the employee's balance of the type now, once adjusted
     */
    public ChatReply adjusted(Person employee, LedgerEntry entry, Optional<Balance> after) {
        String amount = after.map(b -> BalanceWording.amount(entry.amount(), b.unit()))
                .orElseGet(() -> BalanceWording.number(entry.amount()));
        return ChatReply.of(NotificationTexts.nameOf(employee) + "'s " + BalanceWording.typePhrase(entry.type()) + ": "
                + (entry.amount().signum() > 0 ? "+" : "") + amount + " (" + entry.reason() + ")"
                + after.map(b -> "; now " + BalanceWording.left(b) + " in " + b.yearName()).orElse("") + ".",
                "It shows in their " + command + " balance as adjusted by an admin.");
    }

    /** {@code adjust} by someone who is not an admin. */
    public ChatReply notAdmin() {
        return ChatReply.of("Only LeaveBot's admins can adjust balances. " + NOTHING_CHANGED,
                "If a balance needs correcting, please ask one of them, or whoever runs LeaveBot.");
    }

    /** The person of an {@code adjust} as typed names nobody LeaveBot knows by e-mail address. */
    public ChatReply unknownPerson(LeaveCommand asked) {
        return ChatReply.of("LeaveBot cannot tell who \"" + asked.person() + "\" is. " + NOTHING_CHANGED,
                "Please @mention them (pick them from the list that opens when you type @), or give their e-mail "
                        + "address. For example: " + adjustExample(command, "@colleague", asked.type(), asked.amount(), asked.reason()));
    }

    /**
     * The type of an {@code adjust} has no balance for the employee (unknown, or not limited, like sick leave).
     *
     * @param tracked the types the employee has a balance of
     */
    public ChatReply untracked(Person employee, LeaveCommand asked, List<String> tracked) {
        String name = NotificationTexts.nameOf(employee);
        String first = "LeaveBot keeps no balance of " + BalanceWording.typePhrase(asked.type()) + " for " + name
                + ", so there is nothing to adjust. " + NOTHING_CHANGED;
        if (tracked.isEmpty()) {
            return ChatReply.of(first, name + " has no leave type with a balance.");
        }
        return ChatReply.of(first, name + "'s leave types with a balance: " + String.join(", ", tracked) + ". For example: "
                + adjustExample(command, employee.email(), tracked.get(0), asked.amount(), asked.reason()));
    }

    /** The line {@link ChatReplies#help} gives {@code adjust}, with {@code type} in its example. */
    static String adjustHelp(String command, String type) {
        return "• " + adjustExample(command, "@colleague", type, new BigDecimal("2"), "Worked the Saturday of the release")
                + " — (admins) adds days to someone's balance, or takes them away with a minus, such as -0.5";
    }

    /** "/leave adjust @colleague annual +2 Worked the Saturday": as typed, so the minus is a hyphen. */
    private static String adjustExample(String command, String person, String type, BigDecimal amount, String reason) {
        return command + " adjust " + person + " " + type + " " + (amount.signum() > 0 ? "+" : "")
                + amount.stripTrailingZeros().toPlainString() + " " + reason;
    }

    private static String ended(LeaveRequest leave) {
        return switch (leave.status()) {
            case REJECTED -> "rejected";
            case EXPIRED -> "left to expire";
            default -> "cancelled";
        };
    }

    private static String capitalised(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    private String seeYourList() {
        return "Type " + command + " list to see your requests and their ids.";
    }
}
