package io.leavebot.leave;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * A recorded leave request.
 *
 * @param chain         who approves it, stage by stage, and how each stage went
 * @param decision      what decided the request: the deciding answer (of the last stage, or the rejecting one), the
 *                      withdrawal, or for EXPIRED and automatic approval a decision by nobody
 * @param executionName the durable execution carrying it ({@code leave-<id>})
 * @param workingDays   how many of the employee's working days it covers (their working week, without public
 *                      holidays and company days off), as counted when it was made; a half day is 0.5
 */
public record LeaveRequest(
        String id,
        Person employee,
        ApprovalChain chain,
        String type,
        LocalDate start,
        LocalDate end,
        boolean halfDay,
        String reason,
        LeaveStatus status,
        Instant createdAt,
        Instant updatedAt,
        Decision decision,
        String executionName,
        double workingDays) {

    private static final String EXECUTION_PREFIX = "leave-";

    public LeaveRequest {
        reason = BidiControls.strip(reason); // also for requests stored before controls were stripped on the way in
    }

    /** A request stored before LeaveBot knew working weeks and holidays: its days counted Monday to Friday, as then. */
    public LeaveRequest(String id, Person employee, ApprovalChain chain, String type, LocalDate start, LocalDate end,
            boolean halfDay, String reason, LeaveStatus status, Instant createdAt, Instant updatedAt, Decision decision,
            String executionName) {
        this(id, employee, chain, type, start, end, halfDay, reason, status, createdAt, updatedAt, decision, executionName,
                halfDay ? 0.5 : WorkingDays.between(start, end));
    }

    /** The name of the durable execution for a request id: the one place it is built. */
    public static String executionNameFor(String requestId) {
        return EXECUTION_PREFIX + requestId;
    }

    /** The request id in a name {@link #executionNameFor} built; empty for any other name. */
    public static Optional<String> requestIdIn(String executionName) {
        boolean ours = executionName != null && executionName.startsWith(EXECUTION_PREFIX)
                && executionName.length() > EXECUTION_PREFIX.length();
        return ours ? Optional.of(executionName.substring(EXECUTION_PREFIX.length())) : Optional.empty();
    }

    /** Everyone who may approve or reject it now (the current stage's waiting approvers and stand-ins). */
    public List<Person> waitingOn() {
        return status == LeaveStatus.PENDING ? chain.waitingOn() : List.of();
    }

    /** Whether every stage approved it: a CANCELLED request was then cancelled after its approval, not withdrawn. */
    public boolean approvedByEveryStage() {
        return chain.stages().stream().allMatch(stage -> stage.status() == LeaveStatus.APPROVED);
    }

    /** The open approval callback {@code person} answers as approver or stand-in, if they may decide now. */
    public Optional<String> callbackFor(Person person) {
        return status == LeaveStatus.PENDING ? chain.placeOf(person).map(StageApprover::callbackId) : Optional.empty();
    }

    /** The open approval callbacks; a withdrawal may answer any of them. */
    public List<String> openCallbacks() {
        return status != LeaveStatus.PENDING ? List.of()
                : chain.current().map(n -> chain.stage(n).waiting().stream().map(StageApprover::callbackId).toList())
                        .orElse(List.of());
    }

    public LeaveRequest withStatus(LeaveStatus newStatus, Decision newDecision, Instant at) {
        return new LeaveRequest(id, employee, chain, type, start, end, halfDay, reason, newStatus, createdAt, at,
                newDecision, executionName, workingDays);
    }

    public LeaveRequest withWorkingDays(double value) {
        return new LeaveRequest(id, employee, chain, type, start, end, halfDay, reason, status, createdAt, updatedAt,
                decision, executionName, value);
    }

    public LeaveRequest withChain(ApprovalChain value) {
        return new LeaveRequest(id, employee, value, type, start, end, halfDay, reason, status, createdAt, updatedAt,
                decision, executionName, workingDays);
    }
}
