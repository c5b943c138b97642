package io.leavebot.chat;

import io.leavebot.balance.Balances;
import io.leavebot.leave.Person;
import io.leavebot.workflow.LeaveRequests;
import io.leavebot.workflow.LeaveRequests.Cancelled;
import java.time.LocalDate;
import java.util.Map;

/**
 * The balance commands of every chat front end: {@code balance} (every tracked type, and the next days off) and
 * {@code cancel <id>} (withdraws a waiting request, or cancels approved leave that has not started and refunds it),
 * over {@link LeaveRequests}.
 */
public final class BalanceCommands {
    /** How far ahead {@code balance} looks for days off to name. */
    private static final int DAYS_OFF_AHEAD_MONTHS = 6;

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
}
