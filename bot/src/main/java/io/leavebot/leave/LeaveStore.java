package io.leavebot.leave;

import io.leavebot.balance.Deduction;
import io.leavebot.balance.InsufficientBalanceException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Where leave requests are kept: SQLite locally ({@code SqliteLeaveStore}), DynamoDB on AWS
 * ({@code DynamoDbLeaveStore}). Every write is conditional, so a retried workflow step can never create a second
 * request or change a decided one. People are matched by {@link Person#key()}, so someone known by e-mail is the
 * same person on every channel. Implementations are thread-safe. The adapters in {@code io.leavebot.store} also
 * keep the notification log and the chat address book ({@code io.leavebot.notify}) beside the requests.
 */
public interface LeaveStore {

    /**
     * Records a new PENDING request. Idempotent by id: if a request with this id exists, it is returned unchanged
     * and nothing is written.
     *
     * @throws IllegalArgumentException if the request is not PENDING or lacks a required part
     */
    LeaveRequest create(LeaveRequest request);

    Optional<LeaveRequest> get(String id);

    /**
     * Records how a PENDING request's approval chain stands now (who is asked, with which callback, who answered),
     * and that each of its callbacks belongs to the request ({@link #requestIdForCallback}); the request is then
     * listed for everyone it waits on ({@link #listPendingByApprover}). On a decided request nothing changes.
     *
     * @return the request as stored afterwards (with {@code chain}, or as it was when decided), so a step need not
     *         read it back
     * @throws java.util.NoSuchElementException if there is no such request
     */
    LeaveRequest updateChain(String id, ApprovalChain chain);

    /**
     * Moves a request from PENDING to {@code to}. Returns the request as stored afterwards; if it was not PENDING,
     * nothing changes and the request is returned as it is (so a repeated step sees the first outcome).
     *
     * @throws java.util.NoSuchElementException if there is no such request
     * @throws IllegalArgumentException         if {@code to} is PENDING
     */
    default LeaveRequest decide(String id, LeaveStatus to, Decision decision, Instant at) {
        return decide(id, to, decision, at, null);
    }

    /**
     * As {@link #decide(String, LeaveStatus, Decision, Instant)}, and an approval takes {@code deduction} from the
     * employee's balance in the same conditional write: the request's TAKEN ledger entries
     * ({@link Deduction#entries}) are written with the status or not at all, so a crash can never record one
     * without the other. If the request was decided before, nothing is written (the first decision's entries stand).
     *
     * @param deduction with APPROVED, what it takes (null: nothing, e.g. for an untracked type); else null
     * @throws InsufficientBalanceException if a part would leave its year's stored sum below its floor; nothing is
     *                                      written
     */
    LeaveRequest decide(String id, LeaveStatus to, Decision decision, Instant at, Deduction deduction);

    /**
     * Cancels approved leave that has not started: APPROVED becomes CANCELLED with {@code cancellation} as the
     * decision (the approval stays in the audit), and every TAKEN entry of the request is refunded (a REFUND entry
     * of the same amount, {@code LedgerEntry.refundId}), in one conditional write. If the request is not APPROVED,
     * or starts on or before {@code today}, nothing changes and it is returned as it is (so a repeated step sees the
     * first outcome).
     *
     * @throws java.util.NoSuchElementException if there is no such request
     */
    LeaveRequest cancel(String id, Decision cancellation, LocalDate today);

    /**
     * The request an approval callback was created for: any callback it ever had, the current one or one replaced
     * since (an integration deciding by callback id is then told what became of it).
     */
    Optional<String> requestIdForCallback(String callbackId);

    /** Adds to the request's audit; an entry for the same request, round and event is kept once, the first wins. */
    void recordAudit(AuditEntry entry);

    /** The request's audit, oldest first. */
    List<AuditEntry> audit(String requestId);

    /** The person's requests in every status, newest first (by creation time). */
    List<LeaveRequest> listByEmployee(Person employee);

    /** PENDING requests waiting for this person's decision, as approver or stand-in in the current stage, oldest first. */
    List<LeaveRequest> listPendingByApprover(Person approver);

    /** The employee's PENDING or APPROVED requests that share at least one day with [start, end]. */
    List<LeaveRequest> findOverlaps(Person employee, LocalDate start, LocalDate end);

    /**
     * PENDING or APPROVED requests whose chain starts with this approver ({@link ApprovalChain#firstApprover}: the
     * employee's team) that share at least one day with [start, end], by start date, then id.
     */
    List<LeaveRequest> findTeamOverlaps(Person approver, LocalDate start, LocalDate end);

    /**
     * Every PENDING or APPROVED request, of anyone, that shares at least one day with [from, to], by employee key,
     * then start date, then id, handed to {@code each} as it is read: a year of a large company's leave never sits
     * in memory (calendars, feeds, the digest and reports read with it).
     */
    void forEachOverlapping(LocalDate from, LocalDate to, Consumer<LeaveRequest> each);

    /** {@link #forEachOverlapping} into a list, for the short periods of calendars and the digest. */
    default List<LeaveRequest> listOverlapping(LocalDate from, LocalDate to) {
        List<LeaveRequest> found = new ArrayList<>();
        forEachOverlapping(from, to, found::add);
        return found;
    }

    /**
     * Records the callback an approved request's execution waits on until its leave is over; completing it (with a
     * cancellation) ends the waits. The latest callback recorded replaces the one before (after a refused answer the
     * execution watches with a fresh one); recording the same one again changes nothing.
     */
    void recordWatch(String requestId, String callbackId);

    /** The callback {@link #recordWatch} recorded for the request, if its execution watches it. */
    Optional<String> watchCallback(String requestId);
}
