package io.leavebot.workflow;

import static io.leavebot.testing.LeaveBotHarness.ADA;
import static io.leavebot.testing.LeaveBotHarness.ALAN;
import static io.leavebot.testing.LeaveBotHarness.GRACE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.leavebot.balance.LedgerEntry;
import io.leavebot.durable.JacksonSerDes;
import io.leavebot.durable.model.ExecutionQuery;
import io.leavebot.leave.Decision;
import io.leavebot.leave.LeaveRequest;
import io.leavebot.leave.LeaveStatus;
import io.leavebot.leave.NewLeave;
import io.leavebot.testing.LeaveBotHarness;
import io.leavebot.workflow.LeaveRequests.Cancelled;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Cancelling approved leave that has not started: its own execution records it with the refund, tells the
 * approver who approved it and the employee; once only, by the employee or an admin, before the first day. Ada's
 * sample request is Mon 12 – Fri 16 Jan 2026; the clock starts on Mon 5 Jan.
 */
class CancellationTest {
    @RegisterExtension
    final LeaveBotHarness bot = new LeaveBotHarness().withAdmins(ALAN);

    @Test
    void cancellingApprovedLeaveRefundsTheDaysAndTellsTheApproverAndTheEmployee() {
        approved("r1");

        Cancelled cancelled = bot.leaves().cancel("r1", ADA);
        bot.settle();

        assertEquals(Cancelled.Result.ACCEPTED, cancelled.result());
        assertEquals(LeaveStatus.CANCELLED, bot.leave("r1").status());
        assertEquals(Map.of(LedgerEntry.Kind.TAKEN, new BigDecimal("-5.00"), LedgerEntry.Kind.REFUND, new BigDecimal("5.00")),
                bot.store().entries(ADA).stream().collect(Collectors.toMap(LedgerEntry::kind, LedgerEntry::amount)));
        assertEquals(0, new BigDecimal(25).compareTo(bot.balances().of(ADA, "annual", LocalDate.of(2026, 1, 5)).orElseThrow().remaining()));
        var toGrace = bot.mailTo(GRACE, "Ada Lovelace cancelled their approved leave: ");
        assertEquals(1, toGrace.size());
        assertTrue(toGrace.get(0).text().contains("Ada Lovelace has 25 of 25 days of annual leave left in 2026"), toGrace.get(0).text());
        assertEquals(1, bot.mailTo(ADA, "Your approved leave is cancelled: ").size());
    }

    @Test
    void aSecondCancellationChangesNothing() {
        approved("r1");
        bot.leaves().cancel("r1", ADA);
        // while the first runs (accepted again, nothing new started) or once it has ended (nothing left to cancel)
        Cancelled.Result again = bot.leaves().cancel("r1", ADA).result();
        assertTrue(again == Cancelled.Result.ACCEPTED || again == Cancelled.Result.ALREADY_DECIDED, again::name);
        bot.settle();

        assertEquals(Cancelled.Result.ALREADY_DECIDED, bot.leaves().cancel("r1", ADA).result());
        bot.settle();

        assertEquals(0, bot.engine().listExecutions(LeaveRequests.FUNCTION,
                ExecutionQuery.named(LeaveRequests.cancellationExecutionName("r1"))).executions().size(),
                "the leave's own execution, watching it, took the cancellation");
        assertEquals(2, bot.store().entries(ADA).size());
        assertEquals(1, bot.mailTo(GRACE, "Ada Lovelace cancelled their approved leave: ").size());
        assertEquals(1, bot.mailTo(ADA, "Your approved leave is cancelled: ").size());
    }

    @Test
    void leaveThatHasStartedCannotBeCancelled() {
        approved("r1");
        bot.advance(Duration.ofDays(7)); // Mon 12 Jan, its first day

        assertEquals(Cancelled.Result.STARTED, bot.leaves().cancel("r1", ADA).result());
        bot.settle();
        assertEquals(LeaveStatus.APPROVED, bot.leave("r1").status());
        assertEquals(1, bot.store().entries(ADA).size());
    }

    @Test
    void leaveThatStartsBeforeTheCancellationIsRecordedStaysApprovedAndTheEmployeeHearsIt() {
        approved("r1");
        bot.advance(Duration.ofDays(7)); // Mon 12 Jan: as if the day began between the cancel and its execution
        LeaveRequest leave = bot.leave("r1");
        NewLeave cancellation = new NewLeave(leave.id(), leave.employee(), null, leave.type(), leave.start(), leave.end(),
                leave.halfDay(), leave.reason(), leave.chain(), null, leave.workingDays(), new Decision(ADA, Instant.now(), null));

        bot.engine().start(LeaveRequests.FUNCTION, LeaveRequests.cancellationExecutionName("r1"),
                new JacksonSerDes().serialize(cancellation));
        bot.settle();

        assertEquals(LeaveStatus.APPROVED, bot.leave("r1").status());
        assertEquals(1, bot.store().entries(ADA).size());
        assertEquals(1, bot.mailTo(ADA, "Your leave could not be cancelled: ").size());
        assertEquals(0, bot.mailTo(GRACE, "Ada Lovelace cancelled their approved leave: ").size());
    }

    @Test
    void onlyTheEmployeeOrAnAdminCancels() {
        approved("r1");

        assertEquals(Cancelled.Result.NOT_ALLOWED, bot.leaves().cancel("r1", GRACE).result());
        assertEquals(Cancelled.Result.NOT_FOUND, bot.leaves().cancel("nope", ADA).result());
        bot.settle();
        assertEquals(LeaveStatus.APPROVED, bot.leave("r1").status());

        assertEquals(Cancelled.Result.ACCEPTED, bot.leaves().cancel("r1", ALAN).result());
        bot.settle();
        assertEquals(ALAN, bot.leave("r1").decision().by());
        assertTrue(bot.mailTo(ADA, "Your approved leave is cancelled: ").get(0).text().contains("cancelled by Alan Turing"));
        assertEquals(1, bot.mailTo(GRACE, "Alan Turing cancelled Ada Lovelace's approved leave: ").size());
    }

    @Test
    void cancellingAWaitingRequestWithdrawsIt() {
        bot.submitted("r1");

        assertEquals(Cancelled.Result.ACCEPTED, bot.leaves().cancel("r1", ADA).result());
        bot.settle();

        assertEquals(LeaveStatus.CANCELLED, bot.leave("r1").status());
        assertTrue(bot.store().entries(ADA).isEmpty());
    }

    @Test
    void theCancellationsExecutionNameFitsForTheLongestRequestIds() {
        String longest = "x".repeat(58);
        String name = LeaveRequests.cancellationExecutionName(longest);
        assertEquals(64, name.length());
        assertTrue(name.startsWith("cancel_" + "x".repeat(40) + "_"));
        assertEquals("cancel-r1", LeaveRequests.cancellationExecutionName("r1"));
        assertEquals(name, LeaveRequests.cancellationExecutionName(longest));
    }

    private void approved(String requestId) {
        bot.submitted(requestId);
        bot.leaves().answer(requestId, Answer.approve(GRACE, null));
        bot.settle();
        assertEquals(LeaveStatus.APPROVED, bot.leave(requestId).status());
    }
}
