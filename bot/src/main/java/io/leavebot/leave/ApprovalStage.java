package io.leavebot.leave;

import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * One step of a request's approval chain: its approvers, how they decide ({@link ApprovalRule}) and how it stands.
 *
 * @param name      what people call the stage ("HR"); null for a single approver, who names it
 * @param status    PENDING until the stage is decided (also before it is reached), then APPROVED, REJECTED,
 *                  EXPIRED or CANCELLED
 * @param decision  what decided the stage: the deciding answer, or for EXPIRED and automatic approval a decision by
 *                  nobody; null while PENDING
 */
public record ApprovalStage(String name, ApprovalRule rule, List<StageApprover> approvers, LeaveStatus status,
        Decision decision) {

    public ApprovalStage {
        approvers = List.copyOf(approvers);
        if (approvers.isEmpty()) {
            throw new IllegalArgumentException("a stage needs at least one approver");
        }
        if (rule == ApprovalRule.ONE && approvers.stream().filter(a -> !a.escalated()).count() != 1) {
            throw new IllegalArgumentException("a stage with rule ONE has exactly one approver");
        }
        name = name == null || name.isBlank() ? null : BidiControls.strip(name.trim());
    }

    /** A stage not reached yet. */
    public static ApprovalStage of(String name, ApprovalRule rule, List<Person> approvers) {
        return new ApprovalStage(name, rule, approvers.stream().map(StageApprover::of).toList(), LeaveStatus.PENDING, null);
    }

    /** What to call the stage in a message: its name, or its single approver's name. */
    public String label() {
        if (name != null) {
            return name;
        }
        return approvers.get(0).approver().name();
    }

    /** Whether someone has been asked in this stage: it has been reached. */
    public boolean reached() {
        return approvers.stream().anyMatch(a -> a.callbackId() != null);
    }

    /** The places still waiting for an answer in a reached, undecided stage. */
    public List<StageApprover> waiting() {
        return status == LeaveStatus.PENDING && reached()
                ? approvers.stream().filter(a -> a.callbackId() != null && !a.answered()).toList() : List.of();
    }

    /** The place {@code person} decides for (as approver or stand-in) among those waiting. */
    public Optional<StageApprover> placeOf(Person person) {
        return waiting().stream().filter(a -> a.isDecidedBy(person)).findFirst();
    }

    public ApprovalStage withApprover(int index, UnaryOperator<StageApprover> change) {
        List<StageApprover> changed = new java.util.ArrayList<>(approvers);
        changed.set(index, change.apply(changed.get(index)));
        return new ApprovalStage(name, rule, changed, status, decision);
    }

    public ApprovalStage plus(StageApprover added) {
        List<StageApprover> changed = new java.util.ArrayList<>(approvers);
        changed.add(added);
        return new ApprovalStage(name, rule, changed, status, decision);
    }

    public ApprovalStage decided(LeaveStatus newStatus, Decision newDecision) {
        return new ApprovalStage(name, rule, approvers, newStatus, newDecision);
    }
}
