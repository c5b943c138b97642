package io.leavebot.workflow;

import static io.leavebot.testing.LeaveBotHarness.ADA;
import static io.leavebot.testing.LeaveBotHarness.ALAN;
import static io.leavebot.testing.LeaveBotHarness.GRACE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.leavebot.balance.LedgerEntry;
import io.leavebot.durable.model.ExecutionQuery;
import io.leavebot.durable.model.ExecutionStatus;
import io.leavebot.leave.AuditEntry;
import io.leavebot.leave.LeaveStatus;
import io.leavebot.testing.LeaveBotHarness;
import io.leavebot.testing.RecordingChatStatus;
import io.leavebot.testing.RecordingChatStatus.Call;
import io.leavebot.workflow.LeaveRequests.Cancelled;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Approved leave's execution lives on until the leave is over ({@link LeaveDays}): it sets the employee's chat
 * status on the first day and clears it when the leave is over, and a cancellation before the first day ends it.
 * Ada's sample request is Mon 12 – Fri 16 Jan 2026 (UTC, as the tests run); the clock starts on Mon 5 Jan, 09:00.
 */
class LeaveDaysTest {
    private static final Instant FIRST_DAY = Instant.parse("2026-01-12T00:00:00Z");
    private static final Instant OVER = Instant.parse("2026-01-17T00:00:00Z");

    private final RecordingChatStatus status = new RecordingChatStatus();

    @RegisterExtension
    final LeaveBotHarness bot = new LeaveBotHarness().withAdmins(ALAN).withChatStatus(status);

    @Test
    void approvedLeaveSetsTheStatusOnItsFirstDayAndClearsItWhenItIsOver() {
        approved("r1");
        assertTrue(bot.openWaits("r1").contains(LeaveWorkflow.UNTIL_LEAVE_STARTS), bot.openWaits("r1").toString());
        assertTrue(bot.store().watchCallback("r1").isPresent(), "a cancellation finds the watch");

        bot.advance(Duration.between(bot.now(), FIRST_DAY).minusSeconds(1));
        assertEquals(List.of(), status.set, "not before its first day");
        bot.advance(Duration.ofSeconds(1));
        assertEquals(List.of(new Call("r1", OVER)), status.set, "set at midnight, expiring when the leave is over");
        assertTrue(bot.openWaits("r1").contains(LeaveWorkflow.UNTIL_LEAVE_ENDS));
        assertEquals(List.of(), status.cleared);

        bot.advance(Duration.between(bot.now(), OVER));
        assertEquals(List.of(new Call("r1", null)), status.cleared);
        assertEquals(1, status.set.size(), "set once");
        assertEquals(ExecutionStatus.SUCCEEDED, bot.execution("r1").status());
        assertEquals("\"APPROVED\"", bot.execution("r1").result());
    }

    @Test
    void aCancellationWhileItWaitsEndsItCancelledWithOneRefundAndNoStatus() {
        approved("r1");

        assertEquals(Cancelled.Result.ACCEPTED, bot.leaves().cancel("r1", ADA).result());
        bot.settle();

        assertEquals(ExecutionStatus.SUCCEEDED, bot.execution("r1").status(), "at once, not at the first day");
        assertEquals("\"CANCELLED\"", bot.execution("r1").result());
        assertEquals(LeaveStatus.CANCELLED, bot.leave("r1").status());
        assertTrue(ADA.isSameAs(bot.leave("r1").decision().by()));
        assertCancelledOnce();
        bot.advanceTo(LeaveBotHarness.AFTER_THE_SAMPLE);
        assertEquals(List.of(), status.set, "no status for cancelled leave");
    }

    @Test
    void aRepeatedCancellationDoesNothingTwice() {
        approved("r1");
        bot.leaves().cancel("r1", ADA);
        Cancelled.Result again = bot.leaves().cancel("r1", ALAN).result(); // before or after the execution took the first
        assertTrue(again == Cancelled.Result.ACCEPTED || again == Cancelled.Result.ALREADY_DECIDED, again::name);
        bot.settle();
        assertEquals(Cancelled.Result.ALREADY_DECIDED, bot.leaves().cancel("r1", ADA).result());
        bot.settle();

        assertCancelledOnce();
        assertTrue(ADA.isSameAs(bot.leave("r1").decision().by()), "the first cancellation stands");
    }

    @Test
    void whatTheWatchCannotTakeIsRefusedAuditedAndTheWaitGoesOn() {
        approved("r1");
        String first = bot.store().watchCallback("r1").orElseThrow();
        Answers.send(bot.engine(), first, new Answer(LeaveStatus.CANCELLED, GRACE, null, "r1"));
        bot.settle();
        String second = bot.store().watchCallback("r1").orElseThrow();
        assertNotEquals(first, second, "a fresh callback watches on");
        Answers.send(bot.engine(), second, new Answer(LeaveStatus.CANCELLED, ADA, null, "r2"));
        bot.settle();
        bot.engine().succeedCallback(bot.store().watchCallback("r1").orElseThrow(), "{\"outcome\": \"CANCELLED\"}");
        bot.settle();

        assertEquals(LeaveStatus.APPROVED, bot.leave("r1").status());
        assertEquals(1, bot.store().entries(ADA).size(), "nothing refunded");
        assertTrue(bot.openWaits("r1").contains(LeaveWorkflow.UNTIL_LEAVE_STARTS));
        List<AuditEntry> refused = bot.store().audit("r1").stream().filter(e -> e.kind().equals(AuditEntry.CHANGE_REFUSED)).toList();
        assertEquals(List.of(1, 2, 3), refused.stream().map(AuditEntry::round).toList());
        assertTrue(refused.get(0).details().contains("who neither asked for this leave nor is an admin"), refused.get(0).details());
        assertEquals(GRACE.key(), refused.get(0).actor());
        assertTrue(refused.get(1).details().contains("for request \"r2\", not this one"), refused.get(1).details());
        assertTrue(refused.get(2).details().startsWith("not a cancellation: "), refused.get(2).details());

        assertEquals(Cancelled.Result.ACCEPTED, bot.leaves().cancel("r1", ADA).result(), "the real one is still taken");
        bot.settle();
        assertCancelledOnce();
    }

    @Test
    void whileChatIsDownTheStatusIsSetOnceItIsBack() {
        approved("r1");
        status.down();
        bot.advance(Duration.between(bot.now(), FIRST_DAY));
        assertEquals(List.of(), status.set);

        status.up();
        bot.advance(Duration.ofMinutes(20)); // past the next retry, whatever its jitter
        assertEquals(List.of(new Call("r1", OVER)), status.set);
    }

    @Test
    void aCancellationReachingTheWatchAfterTheFirstDayBeganIsTooLateAndTheLeaveRunsItsCourse() {
        approved("r1");
        String watch = bot.store().watchCallback("r1").orElseThrow();
        bot.advance(Duration.between(bot.now(), FIRST_DAY.plusSeconds(1)));

        Answers.send(bot.engine(), watch, new Answer(LeaveStatus.CANCELLED, ADA, null, "r1")); // sent just before midnight
        bot.settle();

        assertEquals(LeaveStatus.APPROVED, bot.leave("r1").status());
        assertEquals(1, bot.mailTo(ADA, "Your leave could not be cancelled: ").size());
        assertEquals(1, bot.store().entries(ADA).size(), "nothing refunded");
        bot.advance(Duration.between(bot.now(), OVER));
        assertEquals(1, status.cleared.size());
        assertEquals("\"APPROVED\"", bot.execution("r1").result());
    }

    @Test
    void aProcessDownAtTheFirstDaySetsTheStatusOnceItIsBack() {
        approved("r1");
        bot.crash();
        bot.advanceWhileDown(Duration.between(bot.now(), FIRST_DAY.plus(Duration.ofHours(3))));
        bot.reopen();

        assertEquals(List.of(new Call("r1", OVER)), status.set);
        bot.crash();
        bot.reopen();
        bot.advance(Duration.between(bot.now(), OVER));
        assertEquals(1, status.set.size(), "set once across the restarts");
        assertEquals(1, status.cleared.size());
        assertEquals(ExecutionStatus.SUCCEEDED, bot.execution("r1").status());
    }

    @Test
    void leaveWhoseExecutionNoLongerWatchesIsCancelledByAnExecutionOfItsOwn() {
        approved("r1");
        bot.engine().stopExecution(bot.execution("r1").durableExecutionArn(), null); // as if it had ended (older data)
        bot.settle();

        assertEquals(Cancelled.Result.ACCEPTED, bot.leaves().cancel("r1", ADA).result());
        bot.settle();

        assertEquals(LeaveStatus.CANCELLED, bot.leave("r1").status());
        assertEquals(1, cancellationExecutions());
        assertEquals(1, bot.mailTo(ADA, "Your approved leave is cancelled: ").size());
    }

    private void assertCancelledOnce() {
        assertEquals(LeaveStatus.CANCELLED, bot.leave("r1").status());
        assertEquals(List.of(LedgerEntry.Kind.TAKEN, LedgerEntry.Kind.REFUND),
                bot.store().entries(ADA).stream().map(LedgerEntry::kind).sorted().toList());
        assertEquals(1, bot.mailTo(GRACE, "Ada Lovelace cancelled their approved leave: ").size());
        assertEquals(1, bot.mailTo(ADA, "Your approved leave is cancelled: ").size());
        assertEquals(0, cancellationExecutions(), "the leave's own execution took it");
    }

    private int cancellationExecutions() {
        return bot.engine().listExecutions(LeaveRequests.FUNCTION,
                ExecutionQuery.named(LeaveRequests.cancellationExecutionName("r1"))).executions().size();
    }

    private void approved(String requestId) {
        bot.submitted(requestId);
        bot.leaves().answer(requestId, Answer.approve(GRACE, null));
        bot.settle();
        assertEquals(LeaveStatus.APPROVED, bot.leave(requestId).status());
        assertEquals(ExecutionStatus.RUNNING, bot.execution(requestId).status(), "it lives on until the leave is over");
    }
}
