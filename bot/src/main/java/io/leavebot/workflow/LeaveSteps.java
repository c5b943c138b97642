package io.leavebot.workflow;

import io.leavebot.balance.Balances;
import io.leavebot.balance.InsufficientBalanceException;
import io.leavebot.balance.TypePolicy;
import io.leavebot.balance.Unit;
import io.leavebot.leave.ApprovalStage;
import io.leavebot.leave.AuditEntry;
import io.leavebot.leave.Decision;
import io.leavebot.leave.LeavePolicy;
import io.leavebot.leave.LeaveRequest;
import io.leavebot.leave.LeaveStatus;
import io.leavebot.leave.LeaveStore;
import io.leavebot.leave.NewLeave;
import io.leavebot.leave.Person;
import io.leavebot.leave.StageApprover;
import io.leavebot.notify.BalanceWording;
import io.leavebot.notify.SentNotification;
import io.leavebot.notify.Notification;
import io.leavebot.notify.Notification.Kind;
import io.leavebot.notify.Notifier;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
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
    private final StandIns standIns;
    private final Balances balances;
    private final BalanceNotes notes;
    private final Clock clock;

    /** Nothing tracked: no balance is shown or taken (as before LeaveBot knew balances). */
    LeaveSteps(LeaveStore store, Notifier notifier, LeavePolicy policy, StandIns standIns, Clock clock) {
        this(store, notifier, policy, standIns, BalanceNotes.untracked(store, clock), clock);
    }

    LeaveSteps(LeaveStore store, Notifier notifier, LeavePolicy policy, StandIns standIns, Balances balances, Clock clock) {
        this.store = store;
        this.notifier = notifier;
        this.policy = policy;
        this.standIns = standIns;
        this.balances = balances;
        this.notes = new BalanceNotes(balances);
        this.clock = clock;
    }

    /** Records the request as PENDING (nothing is written if it exists) and fixes its approval timing. */
    PendingLeave recordPending(NewLeave in) {
        LeaveRequest leave = store.create(in.pending(clock.instant()));
        return new PendingLeave(leave.id(), policy.approvalTimeout(), reminderWaits(policy));
    }

    /** A request a rule approves as it is made: approved now, by nobody, with the rule as the comment. */
    Outcome autoApprove(String rule) {
        return new Outcome(LeaveStatus.APPROVED, new Decision(null, clock.instant(), rule));
    }

    /** When a stage opened now closes. */
    Instant openStage(Duration timeout) {
        return clock.instant().plus(timeout);
    }

    /** As {@link #askPlace(String, int, int, String, Duration, String, int)}, with the stage's whole window (a first ask). */
    StageApproval.Asked askPlace(String requestId, int stage, int place, String callbackId, String key, int round) {
        return askPlace(requestId, stage, place, callbackId, policy.approvalTimeout(), key, round);
    }

    /**
     * Asks whoever decides for a place of a stage now — its approver, or their stand-in while they are away — with
     * the callback {@code callbackId}, stored on the request first so an answer can find it. A message that asked
     * for the place before loses its actions and says why. The place keeps until when the callback takes an answer
     * (now + {@code timeout}, the callback's own timeout), for links that expire with it.
     */
    StageApproval.Asked askPlace(String requestId, int stage, int place, String callbackId, Duration timeout, String key, int round) {
        LeaveRequest leave = load(requestId);
        StageApprover before = leave.chain().stage(stage).approvers().get(place);
        Person standIn = standIns.actingFor(before.approver(), LocalDate.now(clock))
                .filter(other -> !other.isSameAs(before.approver())).orElse(null);
        LocalDate away = standIn == null ? null : standIns.awayUntil(before.approver(), LocalDate.now(clock)).orElse(null);
        StageApprover now = before.asking(standIn, away, callbackId, key, clock.instant().plus(timeout));
        leave = store.updateChain(requestId, leave.chain().withStage(stage, s -> s.withApprover(place, p -> now)));
        // a step run again (after a crash) finds its own callback recorded: that is still the first ask of the round
        boolean samePerson = before.callbackId() != null && !before.callbackId().equals(callbackId)
                && before.asked().isSameAs(now.asked());
        if (standIn != null && (before.standIn() == null || !before.standIn().isSameAs(standIn))) {
            store.recordAudit(new AuditEntry(requestId, round, AuditEntry.at(AuditEntry.DELEGATED, stage, place), clock.instant(),
                    before.approver().key(), standIn.name() + " decides for " + before.approver().name() + ", who is away"));
        }
        if (before.messageKey() != null && !before.messageKey().equals(key)) {
            notifier.updateApprovalMessage(before.messageKey(), new Notification(Kind.APPROVAL_REPLACED, leave, before.callbackId(), 0, List.of()));
        }
        Kind kind = samePerson ? Kind.APPROVAL_REQUEST_AGAIN : Kind.APPROVAL_REQUEST;
        notifier.notify(key, now.asked(), notes.on(new Notification(kind, leave, callbackId, 0, alsoAway(leave))));
        return new StageApproval.Asked(standIn);
    }

    /**
     * Reminds every waiting place of a stage, except those whose approver is now away or back (their stand-in, or
     * they, are asked anew), and says how long the stage has left.
     */
    StageApproval.Reminded remindStage(String requestId, int stage, int number, List<Integer> waiting, Instant deadline) {
        LeaveRequest leave = load(requestId);
        List<Integer> moved = new ArrayList<>();
        for (int place : waiting) {
            StageApprover p = leave.chain().stage(stage).approvers().get(place);
            Person acting = standIns.actingFor(p.approver(), LocalDate.now(clock)).filter(o -> !o.isSameAs(p.approver())).orElse(null);
            if (acting == null ? p.standIn() != null : p.standIn() == null || !p.standIn().isSameAs(acting)) {
                moved.add(place);
                continue;
            }
            String key = reminderKey(leave, stage, number, place);
            notifier.followUp(key, p.messageKey(), p.asked(),
                    notes.on(new Notification(Kind.REMINDER, leave, p.callbackId(), number, alsoAway(leave))));
        }
        return new StageApproval.Reminded(moved, left(deadline));
    }

    /**
     * Records in the request's audit an answer the workflow did not take, or a reassignment (the approver's
     * availability changed), once per round, and says how long the stage has left (zero: its window has closed).
     */
    Duration refuseOrReassign(String requestId, int stage, int place, int round, String refusal, Person claimedBy, Instant deadline) {
        String event = AuditEntry.at(refusal != null ? AuditEntry.ANSWER_REFUSED : AuditEntry.REASSIGNED, stage, place);
        store.recordAudit(new AuditEntry(requestId, round, event, clock.instant(), claimedBy == null ? null : claimedBy.key(),
                refusal != null ? refusal : "asked again: the approver's availability changed"));
        return left(deadline);
    }

    /** Records one approval of a stage that needs every approver's. */
    Outcome recordApproval(String requestId, int stage, Outcome approval) {
        LeaveRequest leave = load(requestId);
        store.updateChain(requestId, leave.chain().withStage(stage,
                s -> s.withApprover(approval.place(), p -> p.answering(LeaveStatus.APPROVED, approval.decision()))));
        return approval;
    }

    /**
     * Adds the place a stage is escalated to (once, whatever the retries), the places that did not answer marked
     * EXPIRED; its window starts now.
     */
    StageApproval.Escalated escalate(String requestId, int stage, Person to, Duration timeout) {
        LeaveRequest leave = load(requestId);
        List<StageApprover> places = leave.chain().stage(stage).approvers();
        if (!places.get(places.size() - 1).escalated()) {
            // the places asked so far had their time: only the one escalated to decides now
            LeaveRequest escalated = store.updateChain(requestId, leave.chain().withStage(stage, s -> {
                ApprovalStage timedOut = s;
                for (int i = 0; i < s.approvers().size(); i++) {
                    if (!s.approvers().get(i).answered()) {
                        timedOut = timedOut.withApprover(i, p -> p.answering(LeaveStatus.EXPIRED, null));
                    }
                }
                return timedOut.plus(StageApprover.escalation(to));
            }));
            store.recordAudit(new AuditEntry(requestId, 1, AuditEntry.at(AuditEntry.ESCALATED, stage, places.size()), clock.instant(),
                    to.key(), "nobody answered in time: asked " + to.name()));
            places = escalated.chain().stage(stage).approvers();
        }
        return new StageApproval.Escalated(places.size() - 1, clock.instant().plus(timeout));
    }

    /** Records how a stage ended: its status and decision, and the deciding place's answer. */
    Outcome closeStage(String requestId, int stage, Outcome outcome) {
        LeaveRequest leave = load(requestId);
        boolean answered = outcome.place() >= 0
                && (outcome.status() == LeaveStatus.APPROVED || outcome.status() == LeaveStatus.REJECTED);
        store.updateChain(requestId, leave.chain().withStage(stage, s -> {
            ApprovalStage decided = s.decided(outcome.status(), outcome.decision());
            return answered ? decided.withApprover(outcome.place(), p -> p.answering(outcome.status(), outcome.decision())) : decided;
        }));
        return outcome;
    }

    /** Tells the employee the request moved on ("approved by Priya, now with HR"); the stage's approvers hear it closed. */
    SentNotification tellProgress(String requestId, int stage, String key) {
        LeaveRequest leave = load(requestId);
        tellApprovers(leave, stage, key, true, false);
        return notifier.notify(key, leave.employee(), new Notification(Kind.PROGRESS, leave, null, stage, List.of()));
    }

    /**
     * Shows the outcome in every approval message of the chain that went by chat. Whoever was asked in the stage
     * that ended the request is also sent it when their message could not be updated (it went by e-mail), and
     * when nobody decided (expired, withdrawn).
     *
     * @return how many messages were sent
     */
    int updateApprovers(String requestId, String key) {
        LeaveRequest leave = load(requestId);
        int last = leave.chain().lastReached();
        int sent = 0;
        for (int n = 1; n <= last; n++) {
            boolean decided = leave.status() == LeaveStatus.APPROVED || leave.status() == LeaveStatus.REJECTED;
            sent += tellApprovers(leave, n, key, n == last, n == last && !decided);
        }
        return sent;
    }

    /**
     * Replaces the actions of each approval message of the stage with how it stands; when {@code orSend} and the
     * message cannot be updated, or {@code andSend}, also sends the update (once per key).
     */
    private int tellApprovers(LeaveRequest leave, int stage, String key, boolean orSend, boolean andSend) {
        int sent = 0;
        List<StageApprover> places = leave.chain().stage(stage).approvers();
        int reminders = reminderWaits(policy).size();
        for (int i = 0; i < places.size(); i++) {
            StageApprover place = places.get(i);
            if (place.messageKey() == null) {
                continue;
            }
            Notification update = new Notification(Kind.APPROVER_UPDATE, leave, place.callbackId(), 0, List.of());
            boolean updated = notifier.updateApprovalMessage(place.messageKey(), update);
            for (int number = 1; number <= reminders; number++) {
                notifier.updateApprovalMessage(reminderKey(leave, stage, number, i), update); // their buttons go too
            }
            if (andSend || !updated && orSend) {
                notifier.notify(key + "/" + LeaveWorkflow.STAGE + stage + "/" + (i + 1), place.asked(), update);
                sent++;
            }
        }
        return sent;
    }

    /** Why the automatically approved stage was approved ("nobody answered within 3 days"), for {@link Decision#automatic}. */
    static String automaticApproval(Duration timeout) {
        long seconds = timeout.toSeconds();
        String within = seconds % 86_400 == 0 ? plural(seconds / 86_400, "day") : seconds % 3_600 == 0 ? plural(seconds / 3_600, "hour")
                : seconds % 60 == 0 ? plural(seconds / 60, "minute") : plural(seconds, "second");
        return "nobody answered within " + within;
    }

    private static String plural(long count, String unit) {
        return count + " " + unit + (count == 1 ? "" : "s");
    }

    SentNotification sendReceipt(String requestId, String key) {
        LeaveRequest leave = load(requestId);
        return notifier.notify(key, leave.employee(), notes.on(Notification.of(Kind.RECEIPT, leave)));
    }

    /**
     * Stores the callback id on the request first, so an answer can find it as soon as the approver is asked. When
     * the approver is asked again ({@code replacedKey} names the earlier request), the earlier chat message loses
     * its buttons first, and the new message says why it came.
     */
    SentNotification askApprover(String requestId, String callbackId, String key, String replacedKey) {
        LeaveRequest asking = load(requestId);
        LeaveRequest leave = store.updateChain(requestId,
                asking.chain().withStage(1, s -> s.withApprover(0, p -> p.asking(null, callbackId, key))));
        Person approver = leave.chain().firstApprover();
        if (replacedKey == null) {
            return notifier.notify(key, approver,
                    notes.on(new Notification(Kind.APPROVAL_REQUEST, leave, callbackId, 0, alsoAway(leave))));
        }
        notifier.updateApprovalMessage(replacedKey, Notification.of(Kind.APPROVAL_REPLACED, leave));
        return notifier.notify(key, approver,
                notes.on(new Notification(Kind.APPROVAL_REQUEST_AGAIN, leave, callbackId, 0, alsoAway(leave))));
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
        return notifier.followUp(key, approvalKey, leave.chain().firstApprover(),
                notes.on(new Notification(Kind.REMINDER, leave, leave.chain().stage(1).approvers().get(0).callbackId(), number,
                        alsoAway(leave))));
    }

    /**
     * Moves the request from PENDING to the outcome; a request decided before keeps its first decision. An approval
     * takes the request's days from the balance in the same write; when they are no longer there (another request
     * was approved meanwhile, or an admin adjusted), the request is rejected instead, by nobody, with the reason as
     * the comment and in the audit. The step's result is checkpointed, so a replay does not ask the balance again.
     */
    LeaveStatus recordDecision(String requestId, Outcome outcome) {
        Decision decision = outcome.decision();
        if (outcome.status() != LeaveStatus.APPROVED) {
            return store.decide(requestId, outcome.status(), decision, decision.at()).status();
        }
        LeaveRequest leave = load(requestId);
        if (leave.status() != LeaveStatus.PENDING) {
            return leave.status(); // decided before this step ran again: the first decision and its deduction stand
        }
        try {
            return store.decide(requestId, LeaveStatus.APPROVED, decision, decision.at(), balances.deductionFor(leave)).status();
        } catch (InsufficientBalanceException e) {
            Unit unit = balances.policyOf(leave.employee()).type(leave.type()).map(TypePolicy::unit).orElse(Unit.DAYS);
            String why = "not enough " + BalanceWording.typePhrase(leave.type()) + " left: " + BalanceWording.amount(e.needed(), unit)
                    + " asked, " + BalanceWording.number(e.available().max(BigDecimal.ZERO)) + " left";
            store.recordAudit(new AuditEntry(requestId, 1, AuditEntry.BALANCE_REFUSED, clock.instant(),
                    decision.by() == null ? null : decision.by().key(), "the approval could not be recorded: " + why));
            return store.decide(requestId, LeaveStatus.REJECTED, new Decision(null, decision.at(), why), decision.at()).status();
        }
    }

    SentNotification tellEmployee(String requestId, String key) {
        LeaveRequest leave = load(requestId);
        return notifier.notify(key, leave.employee(), notes.on(Notification.of(Kind.OUTCOME, leave)));
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
        for (int number = 1; number <= reminderWaits(policy).size(); number++) { // the reminders' buttons go too
            notifier.updateApprovalMessage(LeaveWorkflow.key(leave.executionName(), LeaveWorkflow.REMINDER + number), update);
        }
        boolean approverDecided = leave.status() == LeaveStatus.APPROVED || leave.status() == LeaveStatus.REJECTED;
        return updated && approverDecided ? null : notifier.notify(key, leave.chain().firstApprover(), update);
    }

    /**
     * Others with the same approver away on overlapping days, approved or still waiting, by start date: days they
     * would both work (by their own calendar), so two requests that meet only on a holiday are not listed.
     */
    private List<LeaveRequest> alsoAway(LeaveRequest leave) {
        return store.findTeamOverlaps(leave.chain().firstApprover(), leave.start(), leave.end()).stream()
                .filter(other -> !other.id().equals(leave.id()))
                .filter(other -> balances.calendarOf(other.employee()).sharesWorkingDay(other.start(), other.end(),
                        leave.start(), leave.end()))
                .toList();
    }

    /** How long until {@code deadline}, in whole seconds; zero when under a second (the shortest callback timeout). */
    private Duration left(Instant deadline) {
        long seconds = Duration.between(clock.instant(), deadline).toSeconds();
        return seconds < 1 ? Duration.ZERO : Duration.ofSeconds(seconds);
    }


    /** The idempotency key of reminder {@code number} to a place of a stage: the message to update once it is decided. */
    private static String reminderKey(LeaveRequest leave, int stage, int number, int place) {
        return leave.executionName() + "/" + LeaveWorkflow.STAGE + stage + "/" + StageApproval.REMINDER + number + "/" + (place + 1);
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
