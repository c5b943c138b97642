package io.leavebot.workflow;

import static io.leavebot.testing.LeaveBotHarness.ADA;
import static io.leavebot.testing.LeaveBotHarness.ALAN;
import static io.leavebot.testing.LeaveBotHarness.GRACE;
import static io.leavebot.testing.LeaveBotHarness.TIMEOUT;
import static io.leavebot.testing.LeaveBotHarness.submission;
import static io.leavebot.testing.SampleLeaves.slackIdOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.leavebot.durable.model.ExecutionQuery;
import io.leavebot.leave.LeaveStatus;
import io.leavebot.leave.LeaveSubmission;
import io.leavebot.notify.ChatAddress;
import io.leavebot.leave.LeaveValidator;
import io.leavebot.leave.Person;
import io.leavebot.testing.LeaveBotHarness;
import io.leavebot.workflow.LeaveRequests.Answered;
import io.leavebot.workflow.LeaveRequests.Submitted;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** What front ends ask of {@link LeaveRequests}: submissions and answers, good, repeated, late and refused. */
class LeaveRequestsTest {
    @RegisterExtension
    final LeaveBotHarness bot = new LeaveBotHarness();

    @Test
    void aRepeatedSubmissionStartsNothingNew() {
        assertTrue(bot.leaves().submit(submission("r1")).accepted());
        assertTrue(bot.leaves().submit(submission("r1")).accepted()); // before the workflow has recorded it
        bot.settle();
        assertTrue(bot.leaves().submit(submission("r1")).accepted()); // after

        bot.settle();
        assertEquals(1, executions());
        assertEquals(1, bot.leaves().requestsOf(ADA).size());
        assertEquals(1, bot.mailTo(ADA, "Leave request received: ").size());
        assertEquals(1, bot.mailTo(GRACE, "Leave request from Ada Lovelace: ").size());
    }

    @Test
    void anInvalidSubmissionStartsNothingAndNamesEveryField() {
        var bad = new LeaveSubmission("r1", ADA, "holiday", LocalDate.of(2026, 1, 16), LocalDate.of(2026, 1, 12), false, null);

        Submitted submitted = bot.leaves().submit(bad);

        assertFalse(submitted.accepted());
        assertEquals(List.of(LeaveValidator.TYPE, LeaveValidator.END), List.copyOf(submitted.errors().keySet()));
        bot.settle();
        assertEquals(0, executions());
        assertTrue(bot.leaves().get("r1").isEmpty());
        assertTrue(bot.mail().isEmpty());
    }

    @Test
    void aSubmissionOverlappingAWaitingRequestIsRefused() {
        bot.leaves().submit(submission("r1"));
        bot.settle();

        var overlapping = new LeaveSubmission("r2", ADA, "Sick", LocalDate.of(2026, 1, 15), LocalDate.of(2026, 1, 19), false, null);
        Submitted submitted = bot.leaves().submit(overlapping);

        assertEquals(List.of(LeaveValidator.START), List.copyOf(submitted.errors().keySet()));
        bot.settle();
        assertEquals(1, executions());
    }

    @Test
    void theLeaveTypeIsRecordedInThePolicysSpelling() {
        var shouting = new LeaveSubmission("r1", ADA, "ANNUAL", LocalDate.of(2026, 1, 12), LocalDate.of(2026, 1, 12), true, null);

        bot.leaves().submit(shouting);
        bot.settle();

        assertEquals("annual", bot.leave("r1").type());
        assertEquals(List.of(bot.leave("r1")), bot.leaves().waitingFor(GRACE));
    }

    @Test
    void aRequestIdThatCannotNameAnExecutionIsAProgrammingError() {
        assertThrows(IllegalArgumentException.class, () -> bot.leaves().submit(submission("no spaces/allowed")));
    }

    @Test
    void onlyTheApproverDecidesAndOnlyTheEmployeeWithdraws() {
        bot.leaves().submit(submission("r1"));
        bot.settle();

        assertEquals(Answered.Result.NOT_ALLOWED, bot.leaves().answer("r1", Answer.approve(ALAN, null)).result());
        assertEquals(Answered.Result.NOT_ALLOWED, bot.leaves().answer("r1", Answer.approve(ADA, null)).result());
        assertEquals(Answered.Result.NOT_ALLOWED, bot.leaves().answer("r1", Answer.cancel(GRACE)).result());
        assertEquals(Answered.Result.NOT_ALLOWED, bot.leaves().answer("r1", Answer.reject(null, "who am I")).result());
        bot.settle();

        assertEquals(LeaveStatus.PENDING, bot.leave("r1").status());
        assertTrue(bot.mailTo(ADA, "Your leave").isEmpty());
    }

    @Test
    void theApproverIsRecognisedByChatIdWhenTheClickCarriesNoEmail() {
        bot.leaves().submit(submission("r1"));
        bot.settle();

        // her Slack id, as the address book has it once she used LeaveBot in Slack or the routing file gives it
        bot.store().saveAddress(new ChatAddress("slack", GRACE.key(), slackIdOf(GRACE), bot.now()));
        var click = Person.ofChatUser("slack", slackIdOf(GRACE), null);
        assertEquals(Answered.Result.ACCEPTED, bot.leaves().answer("r1", Answer.approve(click, null)).result());
        bot.settle();

        assertEquals(LeaveStatus.APPROVED, bot.leave("r1").status());
    }

    @Test
    void lateAnswerAfterExpiryChangesNothing() {
        bot.leaves().submit(submission("r1"));
        bot.settle();
        bot.advance(TIMEOUT);

        Answered late = bot.leaves().answer("r1", Answer.approve(GRACE, "Sorry, I was away"));
        bot.settle();

        assertEquals(Answered.Result.ALREADY_DECIDED, late.result());
        assertEquals(LeaveStatus.EXPIRED, late.leave().status());
        assertEquals(LeaveStatus.EXPIRED, bot.leave("r1").status());
        assertTrue(bot.mailTo(ADA, "Your leave is approved").isEmpty());
    }

    @Test
    void aSecondAnswerChangesNothing() {
        bot.leaves().submit(submission("r1"));
        bot.settle();

        assertEquals(Answered.Result.ACCEPTED, bot.leaves().answer("r1", Answer.approve(GRACE, null)).result());
        Answered second = bot.leaves().answer("r1", Answer.reject(GRACE, "changed my mind")); // callback closed, maybe not recorded yet
        bot.settle();

        assertEquals(Answered.Result.ALREADY_DECIDED, second.result());
        assertEquals(LeaveStatus.APPROVED, bot.leave("r1").status());
        assertNull(bot.leave("r1").decision().comment());
        assertEquals(1, bot.mailTo(ADA, "Your leave").size());
    }

    @Test
    void anAnswerToAnUnknownRequestIsNotFound() {
        Answered answered = bot.leaves().answer("nope", Answer.approve(GRACE, null));

        assertEquals(Answered.Result.NOT_FOUND, answered.result());
        assertNull(answered.leave());
    }

    private int executions() {
        return bot.engine().listExecutions(LeaveRequests.FUNCTION, ExecutionQuery.all()).executions().size();
    }
}
