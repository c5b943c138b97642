package io.leavebot.leave;

/**
 * One approver's place in a stage, and how it stands.
 *
 * @param approver   who the routing named (or, when {@code escalated}, who the stage was escalated to)
 * @param standIn    who decides for them while they are away, or null; they may still decide themselves
 * @param callbackId the approval callback that is open for this place, or the last one it had; null before asking
 * @param messageKey the idempotency key of the message that asked for it last: the one to update with the outcome
 * @param answer     APPROVED or REJECTED once this place has answered; EXPIRED when its time ran out and the stage
 *                   went to someone else (escalation); else null
 * @param decision   who answered, when and what they said; null while waiting
 * @param escalated  true for the place added when the stage got no answer in time
 */
public record StageApprover(Person approver, Person standIn, String callbackId, String messageKey, LeaveStatus answer,
        Decision decision, boolean escalated) {

    public StageApprover {
        if (approver == null) {
            throw new IllegalArgumentException("a stage approver needs a person");
        }
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

    public StageApprover asking(Person newStandIn, String newCallbackId, String newMessageKey) {
        return new StageApprover(approver, newStandIn, newCallbackId, newMessageKey, answer, decision, escalated);
    }

    public StageApprover answering(LeaveStatus newAnswer, Decision newDecision) {
        return new StageApprover(approver, standIn, callbackId, messageKey, newAnswer, newDecision, escalated);
    }
}
