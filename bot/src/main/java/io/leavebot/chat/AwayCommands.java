package io.leavebot.chat;

import io.leavebot.leave.EmailAddresses;
import io.leavebot.leave.Person;
import io.leavebot.workflow.AwayPeriods;
import java.time.LocalDate;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The away commands of every chat front end ({@code away …}, {@code standin …}), over {@link AwayPeriods}. Each
 * platform says only how a stand-in typed after the dates becomes a person (a Slack mention, an e-mail address).
 */
public final class AwayCommands {
    /** An address as typed, or as Slack escapes it: {@code <mailto:ann@example.com|ann@example.com>}. */
    private static final Pattern EMAIL = Pattern.compile("<mailto:([^|>]+)(?:\\|[^>]*)?>|([^\\s<>]+@[^\\s<>]+)");

    private final AwayPeriods away;
    private final AwayReplies replies;

    public AwayCommands(AwayPeriods away, AwayReplies replies) {
        this.away = away;
        this.replies = replies;
    }

    /** Whether {@code asked} is one of these commands. */
    public static boolean handles(LeaveCommand asked) {
        return switch (asked.kind()) {
            case AWAY, AWAY_LIST, AWAY_CANCEL, STAND_IN -> true;
            default -> false;
        };
    }

    /**
     * Does what {@code asked} says for {@code approver} and answers.
     *
     * @param standIns the person a stand-in as typed names, or empty when it names nobody LeaveBot can find
     */
    public ChatReply answer(LeaveCommand asked, Person approver, Function<String, Optional<Person>> standIns, LocalDate today) {
        return switch (asked.kind()) {
            case AWAY_LIST -> replies.list(away.list(approver), away.standIn(approver), today);
            case AWAY_CANCEL -> replies.cancelled(asked.start(), away.cancel(approver, asked.start()));
            case AWAY -> declare(asked, approver, standIns, today);
            case STAND_IN -> setStandIn(asked, approver, standIns, today);
            default -> throw new IllegalArgumentException("not an away command: " + asked.kind());
        };
    }

    /** A stand-in typed as an e-mail address (perhaps as Slack escapes one), as a person known by it. */
    public static Optional<Person> byEmail(String typed) {
        Matcher m = EMAIL.matcher(typed.strip());
        if (!m.matches()) {
            return Optional.empty();
        }
        String address = m.group(1) != null ? m.group(1) : m.group(2);
        return EmailAddresses.problem(address).isPresent() ? Optional.empty() : Optional.of(Person.ofEmail(address, null));
    }

    private ChatReply declare(LeaveCommand asked, Person approver, Function<String, Optional<Person>> standIns, LocalDate today) {
        Optional<Person> standIn = asked.standIn() == null ? Optional.empty() : standIns.apply(asked.standIn());
        if (asked.standIn() != null && standIn.isEmpty()) {
            return replies.unknownStandIn(asked.standIn(), today);
        }
        AwayPeriods.Result result = away.declare(approver, asked.start(), asked.end(), standIn.orElse(null));
        return result.saved() ? replies.declared(result.period()) : replies.notDeclared(result.errors().values(), today);
    }

    private ChatReply setStandIn(LeaveCommand asked, Person approver, Function<String, Optional<Person>> standIns, LocalDate today) {
        Optional<Person> standIn = asked.standIn() == null ? Optional.empty() : standIns.apply(asked.standIn());
        if (asked.standIn() != null && standIn.isEmpty()) {
            return replies.unknownStandIn(asked.standIn(), today);
        }
        AwayPeriods.Result result = away.setStandIn(approver, standIn.orElse(null));
        return result.saved() ? replies.standInSet(standIn.orElse(null)) : replies.standInNotSet(result.errors().values());
    }
}
