package io.leavebot.workflow;

import static io.leavebot.testing.LeaveBotHarness.ADA;
import static io.leavebot.testing.LeaveBotHarness.ALAN;
import static io.leavebot.testing.LeaveBotHarness.GRACE;
import static io.leavebot.testing.LeaveBotHarness.submission;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.leavebot.leave.ApprovalChain;
import io.leavebot.leave.AuditEntry;
import io.leavebot.leave.Decision;
import io.leavebot.leave.LeaveRequest;
import io.leavebot.leave.LeaveStatus;
import io.leavebot.leave.Person;
import io.leavebot.leave.StageApprover;
import io.leavebot.testing.LeaveBotHarness;
import io.leavebot.workflow.LeaveRequests.Answered;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Grace approves Ada's leave; Alan stands in for her while she is away. The clock starts on Mon 5 Jan 2026, so
 * "away this week" covers today.
 */
class StandInTest {
    private static final LocalDate TODAY = LocalDate.of(2026, 1, 5);
    private static final Person MALLORY = Person.ofEmail("mallory@example.org", "Mallory");

    @RegisterExtension
    final LeaveBotHarness bot = new LeaveBotHarness();

    @Test
    void aNewRequestGoesToTheStandInWhileTheApproverIsAwayAndTheyDecideIt() {
        assertTrue(bot.away().declare(GRACE, TODAY, TODAY.plusDays(4), ALAN).saved());

        bot.leaves().submit(submission("r1"));
        bot.settle();

        assertEquals(List.of(), bot.mailTo(GRACE, "Leave request from"), "Grace is away");
        assertEquals(1, bot.mailTo(ALAN, "Leave request from Ada Lovelace").size());
        StageApprover place = bot.leave("r1").chain().stage(1).approvers().get(0);
        assertTrue(GRACE.isSameAs(place.approver()));
        assertTrue(ALAN.isSameAs(place.standIn()), "the request shows who stands in");
        assertEquals(TODAY.plusDays(4), place.awayUntil());
        assertTrue(bot.mailTo(ALAN, "Leave request from Ada Lovelace").get(0).text()
                .contains("You decide for Grace Hopper, who is away until Fri 9 Jan 2026."));
        AuditEntry delegated = bot.leaves().audit("r1").get(0);
        assertEquals(AuditEntry.DELEGATED, delegated.kind());
        assertEquals(GRACE.key(), delegated.actor());
        assertEquals(List.of("r1"), bot.leaves().waitingFor(ALAN).stream().map(LeaveRequest::id).toList());
        assertEquals(Answered.Result.NOT_ALLOWED, bot.leaves().answer("r1", Answer.approve(MALLORY, null)).result());

        assertEquals(Answered.Result.ACCEPTED, bot.leaves().answer("r1", Answer.approve(ALAN, "enjoy")).result());
        bot.settle();

        LeaveRequest approved = bot.leave("r1");
        assertEquals(LeaveStatus.APPROVED, approved.status());
        assertTrue(ALAN.isSameAs(approved.decision().by()));
        assertEquals(1, bot.mailTo(ADA, "Your leave is approved").size());
    }

    @Test
    void aWaitingRequestMovesToTheStandInWhenTheApproverSaysTheyAreAwayAndTheOldLinksStopWorking() {
        bot.leaves().submit(submission("r1"));
        bot.settle();
        String gracesCallback = bot.leave("r1").callbackFor(GRACE).orElseThrow();

        bot.away().declare(GRACE, TODAY, TODAY.plusDays(4), ALAN);
        bot.settle();

        LeaveRequest moved = bot.leave("r1");
        String alansCallback = moved.callbackFor(ALAN).orElseThrow();
        assertNotEquals(gracesCallback, alansCallback, "a fresh callback");
        assertEquals(1, bot.mailTo(ALAN, "Leave request from Ada Lovelace").size());
        assertEquals(List.of(AuditEntry.REASSIGNED, AuditEntry.DELEGATED),
                bot.leaves().audit("r1").stream().map(AuditEntry::kind).toList());
        assertEquals(Answered.Result.REPLACED, bot.leaves().answer("r1", gracesCallback, Answer.approve(GRACE, null)).result());

        bot.leaves().answer("r1", alansCallback, Answer.reject(ALAN, "we are short that week"));
        bot.settle();
        assertEquals(LeaveStatus.REJECTED, bot.leave("r1").status());
        assertTrue(ALAN.isSameAs(bot.leave("r1").decision().by()));
    }

    @Test
    void theApproverMayStillDecideThemselvesWhileAway() {
        bot.away().declare(GRACE, TODAY, TODAY.plusDays(4), ALAN);
        bot.leaves().submit(submission("r1"));
        bot.settle();

        assertEquals(Answered.Result.ACCEPTED, bot.leaves().answer("r1", Answer.approve(GRACE, null)).result());
        bot.settle();

        assertEquals(LeaveStatus.APPROVED, bot.leave("r1").status());
        assertTrue(GRACE.isSameAs(bot.leave("r1").decision().by()));
    }

    @Test
    void backEarlyTheApproverIsAskedAgainAndTheStandInsButtonsStopWorking() {
        bot.away().declare(GRACE, TODAY, TODAY.plusDays(4), ALAN);
        bot.leaves().submit(submission("r1"));
        bot.settle();
        String alansCallback = bot.leave("r1").callbackFor(ALAN).orElseThrow();

        assertTrue(bot.away().cancel(GRACE, TODAY));
        bot.settle();

        LeaveRequest back = bot.leave("r1");
        assertEquals(null, back.chain().stage(1).approvers().get(0).standIn());
        assertEquals(1, bot.mailTo(GRACE, "Leave request from Ada Lovelace").size());
        assertEquals(Answered.Result.NOT_ALLOWED, bot.leaves().answer("r1", alansCallback, Answer.approve(ALAN, null)).result(),
                "Alan no longer decides for Grace");
        assertEquals(List.of(), bot.leaves().waitingFor(ALAN));
    }

    @Test
    void anApproverOnApprovedLeaveCountsAsAwayWhenTheyHaveAStandingStandIn() {
        assertTrue(bot.away().setStandIn(GRACE, ALAN).saved());
        Person dana = Person.ofEmail("dana@example.org", "Dana");
        LeaveRequest gracesLeave = new LeaveRequest("g1", GRACE, ApprovalChain.single(dana), "annual", TODAY, TODAY.plusDays(2),
                false, null, LeaveStatus.PENDING, bot.now(), bot.now(), null, LeaveRequest.executionNameFor("g1"));
        bot.store().create(gracesLeave);
        bot.store().decide("g1", LeaveStatus.APPROVED, new Decision(dana, bot.now(), null), bot.now());

        bot.leaves().submit(submission("r1"));
        bot.settle();

        assertEquals(List.of(), bot.mailTo(GRACE, "Leave request from"));
        assertEquals(1, bot.mailTo(ALAN, "Leave request from Ada Lovelace").size());
        assertTrue(ALAN.isSameAs(bot.leave("r1").chain().stage(1).approvers().get(0).standIn()));
        assertEquals(TODAY.plusDays(2), bot.leave("r1").chain().stage(1).approvers().get(0).awayUntil(), "the end of her leave");
    }

    @Test
    void withoutAStandingStandInApprovedLeaveChangesNothing() {
        Person dana = Person.ofEmail("dana@example.org", "Dana");
        bot.store().create(new LeaveRequest("g1", GRACE, ApprovalChain.single(dana), "annual", TODAY, TODAY.plusDays(2),
                false, null, LeaveStatus.PENDING, bot.now(), bot.now(), null, LeaveRequest.executionNameFor("g1")));
        bot.store().decide("g1", LeaveStatus.APPROVED, new Decision(dana, bot.now(), null), bot.now());

        bot.leaves().submit(submission("r1"));
        bot.settle();

        assertEquals(1, bot.mailTo(GRACE, "Leave request from Ada Lovelace").size());
    }
}
