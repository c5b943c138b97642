package io.leavebot.workflow;

import io.leavebot.leave.AuditEntry;
import io.leavebot.leave.LeavePolicy;
import io.leavebot.leave.LeaveRequest;
import io.leavebot.leave.LeaveStatus;
import io.leavebot.leave.LeaveStore;
import io.leavebot.leave.NewLeave;
import io.leavebot.leave.Person;
import io.leavebot.notify.SentNotification;
import io.leavebot.notify.Notification;
import io.leavebot.notify.Notification.Kind;
import io.leavebot.notify.Notifier;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * The bodies of {@link LeaveWorkflow}'s steps: each is one call from the workflow, reads what it needs from the
 * store and returns a small record. All are safe to run again: the store's writes are conditional and the
 * {@link Notifier} sends once per idempotency key.
 */
final class LeaveSteps {
    private final LeaveStore store;
    private final Notifier notifier;
    private final LeavePolicy policy;
    private final Clock clock;

    LeaveSteps(LeaveStore store, Notifier notifier, LeavePolicy policy, Clock clock) {
        this.store = store;
        this.notifier = notifier;
        this.policy = policy;
        this.clock = clock;
    }

    /** Records the request as PENDING (nothing is written if it exists) and fixes its approval timing. */
    PendingLeave recordPending(NewLeave in) {
        Instant now = clock.instant();
        LeaveRequest leave = store.create(new LeaveRequest(in.requestId(), in.employee(), in.approver(), in.type(),
                in.start(), in.end(), in.halfDay(), in.reason(), LeaveStatus.PENDING, now, now, null,
                LeaveRequest.executionNameFor(in.requestId()), null));
        return new PendingLeave(leave.id(), policy.approvalTimeout(), reminderWaits(policy));
    }

    SentNotification sendReceipt(String requestId, String key) {
        LeaveRequest leave = load(requestId);
        return notifier.notify(key, leave.employee(), Notification.of(Kind.RECEIPT, leave));
    }

    /**
     * Stores the callback id on the request first, so an answer can find it as soon as the approver is asked. When
     * the approver is asked again ({@code replacedKey} names the earlier request), the earlier chat message loses
     * its buttons first, and the new message says why it came.
     */
    SentNotification askApprover(String requestId, String callbackId, String key, String replacedKey) {
        store.setCallbackId(requestId, callbackId);
        LeaveRequest leave = load(requestId);
        if (replacedKey == null) {
            return notifier.notify(key, leave.approver(),
                    new Notification(Kind.APPROVAL_REQUEST, leave, callbackId, 0, alsoAway(leave)));
        }
        notifier.updateApprovalMessage(replacedKey, Notification.of(Kind.APPROVAL_REPLACED, leave));
        return notifier.notify(key, leave.approver(),
                new Notification(Kind.APPROVAL_REQUEST_AGAIN, leave, callbackId, 0, alsoAway(leave)));
    }

    /**
     * Records an answer the workflow did not take in the request's audit (once per round, whatever the retries)
     * and says what is left of the approval window, counted from when the request was recorded.
     */
    ApprovalWindow refuseAnswer(PendingLeave pending, String reason, Person claimedBy, int round) {
        LeaveRequest leave = load(pending.requestId());
        Instant now = clock.instant();
        store.recordAudit(new AuditEntry(pending.requestId(), round, AuditEntry.ANSWER_REFUSED, now,
                claimedBy == null ? null : claimedBy.key(), reason));
        return ApprovalWindow.left(pending, Duration.between(leave.createdAt(), now));
    }

    /** In chat, the reminder is a reply under the approval request, which was sent under {@code approvalKey}. */
    SentNotification remind(String requestId, int number, String key, String approvalKey) {
        LeaveRequest leave = load(requestId);
        return notifier.followUp(key, approvalKey, leave.approver(),
                new Notification(Kind.REMINDER, leave, leave.callbackId(), number, alsoAway(leave)));
    }

    /** Moves the request from PENDING to the outcome; a request decided before keeps its first decision. */
    LeaveStatus recordDecision(String requestId, Outcome outcome) {
        return store.decide(requestId, outcome.status(), outcome.decision(), outcome.decision().at()).status();
    }

    SentNotification tellEmployee(String requestId, String key) {
        LeaveRequest leave = load(requestId);
        return notifier.notify(key, leave.employee(), Notification.of(Kind.OUTCOME, leave));
    }

    /**
     * Shows the outcome in the approver's chat message, if the approval request went by chat. The approver is also
     * sent a message when that is not possible, and when they did not decide themselves (expired, withdrawn).
     *
     * @return the message sent, or null when updating the chat message was enough
     */
    SentNotification updateApprover(String requestId, String approvalKey, String key) {
        LeaveRequest leave = load(requestId);
        Notification update = Notification.of(Kind.APPROVER_UPDATE, leave);
        boolean updated = notifier.updateApprovalMessage(approvalKey, update);
        boolean approverDecided = leave.status() == LeaveStatus.APPROVED || leave.status() == LeaveStatus.REJECTED;
        return updated && approverDecided ? null : notifier.notify(key, leave.approver(), update);
    }

    /** Others with the same approver away on overlapping days, approved or still waiting, by start date. */
    private List<LeaveRequest> alsoAway(LeaveRequest leave) {
        return store.findTeamOverlaps(leave.approver(), leave.start(), leave.end()).stream()
                .filter(other -> !other.id().equals(leave.id()))
                .toList();
    }

    private LeaveRequest load(String requestId) {
        return store.get(requestId).orElseThrow(() -> new NoSuchElementException("no leave request with id " + requestId));
    }

    /** The policy's reminder fractions as pauses in whole seconds; reminders that would not fit are left out. */
    static List<Duration> reminderWaits(LeavePolicy policy) {
        long total = policy.approvalTimeout().toSeconds();
        List<Duration> waits = new ArrayList<>();
        long previous = 0;
        for (double fraction : policy.reminderFractions().stream().sorted().toList()) {
            long at = Math.round(fraction * total);
            if (at > previous && at < total) {
                waits.add(Duration.ofSeconds(at - previous));
                previous = at;
            }
        }
        return waits;
    }
}
