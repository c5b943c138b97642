package io.leavebot.workflow;

import io.leavebot.balance.BalanceNote;
import io.leavebot.balance.BalancePolicies;
import io.leavebot.balance.Balances;
import io.leavebot.balance.Holidays;
import io.leavebot.balance.LeaveLedger;
import io.leavebot.balance.LedgerEntry;
import io.leavebot.leave.LeaveRequest;
import io.leavebot.leave.LeaveStatus;
import io.leavebot.leave.LeaveStore;
import io.leavebot.leave.Person;
import io.leavebot.notify.Notification;
import java.time.Clock;
import java.util.List;

/**
 * The employee's balance of a request's type as notifications state it ({@link Notification#withBalance}), worked
 * out inside the step that sends them: a few reads of the store, nothing checkpointed.
 */
final class BalanceNotes {
    private final Balances balances;

    BalanceNotes(Balances balances) {
        this.balances = balances;
    }

    /**
     * The notification with the employee's balance of the request's type: what is left after this request while it
     * waits (other waiting requests counted too), what is left now once it is decided; as it is when none is tracked.
     */
    Notification on(Notification notification) {
        LeaveRequest leave = notification.leave();
        boolean waiting = leave.status() == LeaveStatus.PENDING;
        return balances.of(leave.employee(), leave.type(), leave.start())
                .map(b -> notification.withBalance(new BalanceNote(b.type(), b.unit(), b.yearName(), b.limited(),
                        waiting ? b.available() : b.remaining(), b.total(), b.taken())))
                .orElse(notification);
    }

    /** Balances of a policy that tracks no type: nothing is read from a ledger, none is written. */
    static Balances untracked(LeaveStore store, Clock clock) {
        LeaveLedger none = new LeaveLedger() {
            @Override
            public List<LedgerEntry> entries(Person person) {
                return List.of();
            }

            @Override
            public LedgerEntry adjust(LedgerEntry adjustment) {
                throw new IllegalStateException("no leave type is tracked here, so there is no balance to adjust");
            }
        };
        return new Balances(BalancePolicies.defaults(null, null, List.of()), new Holidays(), none, store::listByEmployee, clock);
    }
}
