package io.leavebot.workflow;

import io.leavebot.balance.Balances;
import io.leavebot.leave.ApprovalStage;
import io.leavebot.leave.AuditEntry;
import io.leavebot.leave.Decision;
import io.leavebot.leave.LeaveRequest;
import io.leavebot.leave.LeaveStatus;
import io.leavebot.leave.LeaveStore;
import io.leavebot.leave.Person;
import io.leavebot.leave.StageApprover;
import io.leavebot.notify.Notification;
import io.leavebot.notify.Notification.Kind;
import io.leavebot.notify.Notifier;
import io.leavebot.notify.SentNotification;
import java.time.Clock;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * The bodies of the steps of a cancellation's own execution ({@link LeaveWorkflow}, input with
 * {@link io.leavebot.leave.NewLeave#cancellation}): record it with the refund, tell the approvers, tell the
 * employee. Safe to run again, as {@link LeaveSteps}' are: the store's cancel is conditional and the
 * {@link Notifier} sends once per key.
 */
final class CancellationSteps {
    private final LeaveStore store;
    private final Notifier notifier;
    private final Balances balances;
    private final BalanceNotes notes;
    private final Clock clock;

    CancellationSteps(LeaveStore store, Notifier notifier, Balances balances, Clock clock) {
        this.store = store;
        this.notifier = notifier;
        this.balances = balances;
        this.notes = new BalanceNotes(balances);
        this.clock = clock;
    }

    /**
     * Cancels approved leave that has not started, with the refund of its days in the same write; returns the
     * status it has then (still APPROVED if it started meanwhile, or another status if it was not approved).
     */
    LeaveStatus recordCancellation(String requestId, Decision cancellation) {
        LeaveRequest leave = store.cancel(requestId, cancellation, balances.today());
        if (leave.status() == LeaveStatus.CANCELLED) {
            store.recordAudit(new AuditEntry(requestId, 1, AuditEntry.CANCELLED, clock.instant(),
                    cancellation.by() == null ? null : cancellation.by().key(), "approved leave cancelled before it started; "
                    + "its days are refunded"));
        }
        return leave.status();
    }

    /**
     * Tells each approver who approved the request (one message per place, their stand-in if they decided for
     * them) that the leave was cancelled and its days are back; requests approved before chains kept their
     * approvals on the request only, so there those who were asked hear it.
     *
     * @return how many were told
     */
    int tellApprovers(String requestId, String key) {
        LeaveRequest leave = load(requestId);
        List<ApprovalStage> stages = leave.chain().stages();
        boolean onTheChain = stages.stream().flatMap(s -> s.approvers().stream()).anyMatch(p -> p.answer() == LeaveStatus.APPROVED);
        int told = 0;
        for (int n = 1; n <= stages.size(); n++) {
            List<StageApprover> places = stages.get(n - 1).approvers();
            for (int i = 0; i < places.size(); i++) {
                StageApprover place = places.get(i);
                if (onTheChain ? place.answer() != LeaveStatus.APPROVED : place.messageKey() == null) {
                    continue;
                }
                Person approver = place.decision() != null && place.decision().by() != null ? place.decision().by() : place.asked();
                notifier.notify(key + "/" + LeaveWorkflow.STAGE + n + "/" + (i + 1), approver,
                        notes.on(new Notification(Kind.CANCELLATION, leave, place.callbackId(), 0, List.of())));
                told++;
            }
        }
        return told;
    }

    SentNotification tellEmployee(String requestId, String key) {
        LeaveRequest leave = load(requestId);
        return notifier.notify(key, leave.employee(), notes.on(Notification.of(Kind.CANCELLED, leave)));
    }

    /** The leave started before {@link #recordCancellation} could record it: the employee hears it stays approved. */
    SentNotification tellTooLate(String requestId, String key) {
        LeaveRequest leave = load(requestId);
        return notifier.notify(key, leave.employee(), notes.on(Notification.of(Kind.CANCELLATION_TOO_LATE, leave)));
    }

    private LeaveRequest load(String requestId) {
        return store.get(requestId).orElseThrow(() -> new NoSuchElementException("no leave request with id " + requestId));
    }
}
