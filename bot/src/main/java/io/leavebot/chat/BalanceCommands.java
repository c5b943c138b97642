package io.leavebot.chat;

import io.leavebot.balance.Balances;
import io.leavebot.balance.TypePolicy;
import io.leavebot.leave.Person;
import io.leavebot.workflow.LeaveRequests;
import io.leavebot.workflow.LeaveRequests.Adjusted;
import io.leavebot.workflow.LeaveRequests.Cancelled;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The balance commands of every chat front end: {@code balance} (every tracked type, and the next days off) and
 * {@code cancel <id>} (withdraws a waiting request, or cancels approved leave that has not started and refunds it)
 * and, for admins, {@code adjust PERSON TYPE AMOUNT WHY}, over {@link LeaveRequests}.
 */
public final class BalanceCommands {
    /** How far ahead {@code balance} looks for days off to name. */
    private static final int DAYS_OFF_AHEAD_MONTHS = 6;
    /** Chat's adjustment keys, apart from the JSON API's ({@code api-…}), so that neither can meet the other. */
    private static final String KEY_PREFIX = "chat-";

    private final LeaveRequests leaves;
    private final BalanceReplies replies;

    public BalanceCommands(LeaveRequests leaves, BalanceReplies replies) {
        this.leaves = leaves;
        this.replies = replies;
    }

    public ChatReply balance(Person person) {
        Balances balances = leaves.balances();
        LocalDate today = balances.today();
        Map<LocalDate, String> daysOff = balances.calendarOf(person).daysOff(today, today.plusMonths(DAYS_OFF_AHEAD_MONTHS));
        return replies.balances(balances.all(person), daysOff);
    }

    public ChatReply cancel(String requestId, Person by) {
        Cancelled cancelled = leaves.cancel(requestId, by);
        return replies.cancelled(requestId, by, cancelled);
    }

    /**
     * An admin's {@code adjust}: adds {@code asked.amount()} to the balance of the person typed, with the reason.
     * Anyone else is refused before the person is looked up, so a refusal says nothing about them.
     *
     * @param people      the person a mention or an e-mail address as typed names, or empty when LeaveBot can find nobody
     * @param interaction the platform's unique name for the command, as {@link RequestIds#from} takes it (Slack: the
     *                    trigger id): a retried command carries the same one, so it adjusts once
     */
    public ChatReply adjust(LeaveCommand asked, Person by, Function<String, Optional<Person>> people, String interaction) {
        if (!leaves.isAdmin(by)) {
            return replies.notAdmin();
        }
        Optional<Person> found = people.apply(asked.person());
        if (found.isEmpty() || found.get().email() == null) {
            return replies.unknownPerson(asked);
        }
        Person employee = found.get();
        Adjusted adjusted = leaves.adjust(employee, asked.type(), asked.amount(), asked.reason(), by,
                KEY_PREFIX + RequestIds.from(interaction));
        Balances balances = leaves.balances();
        return switch (adjusted.result()) {
            case ACCEPTED -> replies.adjusted(employee, adjusted.entry(),
                    balances.of(employee, adjusted.entry().type(), balances.today()));
            case NOT_ALLOWED -> replies.notAdmin();
            case UNKNOWN_TYPE -> replies.untracked(employee, asked, trackedTypes(balances, employee));
        };
    }

    /** The types {@code employee} has a balance of, which an admin can adjust, alphabetically. */
    private static List<String> trackedTypes(Balances balances, Person employee) {
        return balances.policyOf(employee).types().values().stream().filter(TypePolicy::limited).map(TypePolicy::type)
                .sorted().toList();
    }
}
