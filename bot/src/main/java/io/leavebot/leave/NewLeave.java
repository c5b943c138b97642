package io.leavebot.leave;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A submission that passed validation and has its approval chain: the input of the leave workflow.
 *
 * @param approver     only in the input of requests made before chains (then {@code chain} is null): their one
 *                     approver; null in new input
 * @param chain        who approves, as the routing had it when the request was made
 * @param autoApproval when a rule approves the request as it is made, the rule in words ("sick leave of up to 1
 *                     day is approved automatically"); else null
 * @param workingDays  the employee's working days it covers, as counted when it was made; null in input made
 *                     before working weeks and holidays were known (then Monday to Friday counts)
 * @param cancellation only in the input of a cancellation's own execution ({@code leave-<id>-cancel}): who cancels
 *                     the approved leave, when and why; null in every request's input
 */
public record NewLeave(
        String requestId,
        Person employee,
        Person approver,
        String type,
        LocalDate start,
        LocalDate end,
        boolean halfDay,
        String reason,
        ApprovalChain chain,
        String autoApproval,
        Double workingDays,
        Decision cancellation) {

    public NewLeave {
        if ((approver == null) == (chain == null)) {
            throw new IllegalArgumentException("new leave has a chain, or (made before chains) one approver");
        }
    }


    /** Whether the request was made before chains: its workflow runs the single-approver flow of that time. */
    public boolean beforeChains() {
        return chain == null;
    }

    /** The chain, for input made before chains the one-approver chain. */
    public ApprovalChain approvalChain() {
        return chain != null ? chain : ApprovalChain.single(approver);
    }

    /** The request as its workflow records it when it starts: PENDING since {@code at}, nobody asked yet. */
    public LeaveRequest pending(Instant at) {
        LeaveRequest counted = new LeaveRequest(requestId, employee, approvalChain(), type, start, end, halfDay, reason,
                LeaveStatus.PENDING, at, at, null, LeaveRequest.executionNameFor(requestId));
        return workingDays == null ? counted : counted.withWorkingDays(workingDays);
    }
}
