package io.leavebot.leave;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One approver's place in a stage, and how it stands.
 *
 * @param approver           who the routing named (or, when {@code escalated}, who the stage was escalated to)
 * @param standIn            who decides for them while they are away, or null; they may still decide themselves
 * @param callbackId         the approval callback that is open for this place, or the last one it had; null before asking
 * @param messageKey         the idempotency key of the message that asked for it last: the one to update with the outcome
 * @param answer             APPROVED or REJECTED once this place has answered; EXPIRED when its time ran out and
 *                           the stage went to someone else (escalation); else null
 * @param decision           who answered, when and what they said; null while waiting
 * @param escalated          true for the place added when the stage got no answer in time
 * @param answerBy           until when {@code callbackId} takes an answer (the stage's window, or what was left of it
 *                           when the place was asked again), so that e-mail links expire with it; null when not known
 *                           (asked before this was kept, or not yet asked)
 * @param previousCallbackId the callback the place had before it was last asked again, so that the message with its
 *                           buttons can say who has the request now; null before a second ask
 * @param awayUntil          while there is a stand-in, the last day of the approver's absence that made them one
 *                           (a declared away period, or approved leave); null when not known
 */
public record StageApprover(Person approver, Person standIn, String callbackId, String messageKey, LeaveStatus answer,
        Decision decision, boolean escalated, Instant answerBy, String previousCallbackId, LocalDate awayUntil) {

    public StageApprover {
        if (approver == null) {
            throw new IllegalArgumentException("a stage approver needs a person");
        }
    }

    /** A place as chains kept it before the answer time and the previous callback were kept. */
    public StageApprover(Person approver, Person standIn, String callbackId, String messageKey, LeaveStatus answer,
            Decision decision, boolean escalated) {
        this(approver, standIn, callbackId, messageKey, answer, decision, escalated, null, null, null);
    }

    public static StageApprover of(Person approver) {
        return new StageApprover(approver, null, null, null, null, null, false);
    }

    /** The place a stage gets when it is escalated to {@code person}. */
    public static StageApprover escalation(Person person) {
        return new StageApprover(person, null, null, null, null, null, true);
    }

    /** Who is asked now: the stand-in while there is one, else the approver. */
    public Person asked() {
        return standIn != null ? standIn : approver;
    }

    /** Whether {@code person} may decide for this place: the approver, or their stand-in. */
    public boolean isDecidedBy(Person person) {
        return person != null && (approver.isSameAs(person) || standIn != null && standIn.isSameAs(person));
    }

    public boolean answered() {
        return answer != null;
    }

    /** The place asked with a new callback, until an unknown time. */
    public StageApprover asking(Person newStandIn, String newCallbackId, String newMessageKey) {
        return asking(newStandIn, newCallbackId, newMessageKey, null);
    }

    /** The place asked with a new callback that takes an answer until {@code until}; the old callback is kept as previous. */
    public StageApprover asking(Person newStandIn, String newCallbackId, String newMessageKey, Instant until) {
        return asking(newStandIn, null, newCallbackId, newMessageKey, until);
    }

    /** As {@link #asking(Person, String, String, Instant)}, the approver away until {@code away} (with a stand-in). */
    public StageApprover asking(Person newStandIn, LocalDate away, String newCallbackId, String newMessageKey, Instant until) {
        String previous = callbackId != null && !callbackId.equals(newCallbackId) ? callbackId : previousCallbackId;
        return new StageApprover(approver, newStandIn, newCallbackId, newMessageKey, answer, decision, escalated, until, previous,
                newStandIn == null ? null : away);
    }

    public StageApprover answering(LeaveStatus newAnswer, Decision newDecision) {
        return new StageApprover(approver, standIn, callbackId, messageKey, newAnswer, newDecision, escalated, answerBy,
                previousCallbackId, awayUntil);
    }
}
