package io.leavebot.chat;

import io.leavebot.leave.AwayPeriod;
import io.leavebot.leave.Person;
import io.leavebot.notify.NotificationTexts;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * What LeaveBot says in chat about away periods and stand-ins ({@code away …}, {@code standin …}): a period saved
 * or refused, the list of one's periods, a cancellation, the standing stand-in. Every refusal says that nothing
 * was changed and gives a working example.
 */
public final class AwayReplies {
    private static final String NOTHING_CHANGED = "Nothing was changed.";

    private final String command;

    /** @param command how people start a command on this platform, e.g. {@code /leave} in Slack */
    public AwayReplies(String command) {
        this.command = command;
    }

    /** The lines {@link ChatReplies#help} adds about away periods. */
    List<String> help(LocalDate today) {
        return List.of(
                "• " + example(today) + " — you are away those days, and the colleague you name decides for you",
                "• " + command + " away — shows your away periods; " + command + " away cancel <first day> cancels one",
                "• " + command + " standin @colleague (or none) — who decides while you are on approved leave");
    }

    /** The period is saved: its days, who decides, and how to cancel it. */
    public ChatReply declared(AwayPeriod period) {
        return ChatReply.of("You are away " + days(period) + ". " + NotificationTexts.nameOf(period.standIn())
                        + " decides on leave requests for you then, including those already waiting for you.",
                "To cancel it, type " + command + " away cancel " + period.from() + ".");
    }

    /** The period was not saved: every problem, and a working example. */
    public ChatReply notDeclared(Collection<String> problems, LocalDate today) {
        return ChatReplies.pleaseCorrect("Your away period was not saved.", problems, example(today));
    }

    /** The stand-in as typed names nobody LeaveBot can find. */
    public ChatReply unknownStandIn(String typed, LocalDate today) {
        return ChatReply.of("LeaveBot cannot tell who \"" + typed + "\" is. " + NOTHING_CHANGED,
                "Please @mention your stand-in (pick them from the list that opens when you type @), or give their "
                        + "e-mail address. For example: " + example(today));
    }

    /** One's periods that have not ended, and the standing stand-in. */
    public ChatReply list(List<AwayPeriod> periods, Optional<Person> standing, LocalDate today) {
        List<String> paragraphs = new ArrayList<>();
        if (periods.isEmpty()) {
            paragraphs.add("You have no away periods coming up. To add one, type for example: " + example(today));
        } else {
            paragraphs.add("Your away periods:");
            periods.forEach(p -> paragraphs.add("• " + entry(p) + " (to cancel: " + command + " away cancel " + p.from() + ")"));
        }
        paragraphs.add(standing.map(p -> "While you are on approved leave, " + NotificationTexts.nameOf(p) + " decides for you.")
                .orElse("Nobody stands in for you while you are on approved leave; " + command + " standin @colleague names someone."));
        return ChatReply.of(paragraphs);
    }

    /** "Mon 10 Jan 2027 – Wed 20 Jan 2027: Alan Turing decides." */
    public String entry(AwayPeriod period) {
        String days = period.from().equals(period.to()) ? NotificationTexts.dayOf(period.from())
                : NotificationTexts.dayOf(period.from()) + " – " + NotificationTexts.dayOf(period.to());
        return days + ": " + NotificationTexts.nameOf(period.standIn()) + " decides";
    }

    /** The answer to {@code away cancel DAY}. */
    public ChatReply cancelled(LocalDate from, boolean removed) {
        return removed ? ChatReply.of("Your away period starting " + NotificationTexts.dayOf(from) + " is cancelled: "
                        + "leave requests come to you again on those days.")
                : ChatReply.of("You have no away period starting " + NotificationTexts.dayOf(from) + ". " + NOTHING_CHANGED,
                        "Type " + command + " away to see yours.");
    }

    /** The standing stand-in is named, or nobody is. */
    public ChatReply standInSet(Person standIn) {
        return ChatReply.of(standIn == null ? "Nobody stands in for you now while you are on approved leave."
                : NotificationTexts.nameOf(standIn) + " now decides on leave requests for you while you are on approved "
                        + "leave (unless you name someone else for an away period).");
    }

    /** The standing stand-in was not changed. */
    public ChatReply standInNotSet(Collection<String> problems) {
        List<String> paragraphs = new ArrayList<>();
        paragraphs.add("Your stand-in was not changed. " + String.join(" ", problems));
        paragraphs.add("For example: " + command + " standin @colleague, or " + command + " standin none.");
        return ChatReply.of(paragraphs);
    }

    private static String days(AwayPeriod period) {
        return period.from().equals(period.to()) ? "on " + NotificationTexts.dayOf(period.from())
                : "from " + NotificationTexts.dayOf(period.from()) + " to " + NotificationTexts.dayOf(period.to());
    }

    private String example(LocalDate today) {
        return command + " away " + today.plusDays(7) + " " + today.plusDays(11) + " @colleague";
    }
}
