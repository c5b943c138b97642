package io.leavebot.workflow;

import io.leavebot.testing.SampleLeaves;
import static io.leavebot.testing.LeaveBotHarness.ADA;
import static io.leavebot.testing.LeaveBotHarness.ALAN;
import static io.leavebot.testing.LeaveBotHarness.GRACE;
import static io.leavebot.testing.LeaveBotHarness.LINKS;
import static io.leavebot.testing.LeaveBotHarness.TIMEOUT;
import static io.leavebot.testing.LeaveBotHarness.submission;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.leavebot.balance.LedgerEntry;
import io.leavebot.durable.model.ExecutionStatus;
import io.leavebot.email.Verified;
import io.leavebot.leave.LeaveRequest;
import io.leavebot.leave.LeaveStatus;
import io.leavebot.leave.LeaveSubmission;
import io.leavebot.testing.LeaveBotHarness;
import io.leavebot.workflow.LeaveRequests.Answered;
import io.leavebot.testing.ReceivedMail;
import io.leavebot.testing.StoreAndMail;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The whole leave workflow on the embedded engine with a test clock, run by each shape of LeaveBot's store and mail
 * ({@link LeaveWorkflowTest}: SQLite and SMTP; {@link LeaveWorkflowOnAwsTest}: DynamoDB and SES).
 */
abstract class LeaveWorkflowContract {
    private static final Pattern APPROVE_LINK = Pattern.compile("http://127\\.0\\.0\\.1:3000/decide\\?token=([A-Za-z0-9._-]+)");

    @RegisterExtension
    final LeaveBotHarness bot = new LeaveBotHarness(storeAndMail());

    abstract StoreAndMail storeAndMail();

    @Test
    void approvedRequestIsRecordedAndTheEmployeeToldOnce() {
        submitAndSettle("r1");
        LeaveRequest waiting = bot.leave("r1");
        assertEquals(LeaveStatus.PENDING, waiting.status());
        assertEquals(ExecutionStatus.RUNNING, bot.execution("r1").status());
        assertEquals(callbackIdInHistory("r1"), SampleLeaves.callbackOf(waiting));
        assertEquals(1, bot.mailTo(ADA, "Leave request received: ").size());
        assertApproveLinkFor("r1", only(bot.mailTo(GRACE, "Leave request from Ada Lovelace: ")));

        assertEquals(Answered.Result.ACCEPTED, bot.leaves().answer("r1", Answer.approve(GRACE, "Enjoy!")).result());
        bot.settle();

        LeaveRequest approved = bot.leave("r1");
        assertEquals(LeaveStatus.APPROVED, approved.status());
        assertTrue(GRACE.isSameAs(approved.decision().by()));
        assertDecidedNow(approved);
        assertEquals(ExecutionStatus.RUNNING, bot.execution("r1").status(), "it lives on until the leave is over");
        assertTrue(bot.openWaits("r1").contains(LeaveWorkflow.UNTIL_LEAVE_STARTS), bot.openWaits("r1").toString());
        assertEquals(1, bot.mailTo(ADA, "Your leave").size());
        assertEquals(1, bot.mailTo(ADA, "Your leave is approved: ").size());
        assertEquals(1, bot.mailTo(GRACE, "You approved").size());

        bot.advanceTo(LeaveBotHarness.AFTER_THE_SAMPLE);
        assertEquals(ExecutionStatus.SUCCEEDED, bot.execution("r1").status());
        assertEquals("\"APPROVED\"", bot.execution("r1").result());
        assertEquals(1, bot.mailTo(ADA, "Your leave").size(), "nothing more to say after the leave");
    }

    @Test
    void rejectedRequestTellsTheEmployeeTheComment() {
        submitAndSettle("r1");

        bot.leaves().answer("r1", Answer.reject(GRACE, "We ship the release that week."));
        bot.settle();

        LeaveRequest rejected = bot.leave("r1");
        assertEquals(LeaveStatus.REJECTED, rejected.status());
        assertEquals("We ship the release that week.", rejected.decision().comment());
        ReceivedMail told = only(bot.mailTo(ADA, "Your leave"));
        assertTrue(told.subject().startsWith("Your leave request was not approved: "), told.subject());
        assertTrue(told.text().contains("We ship the release that week."), told.text());
        assertEquals(1, bot.mailTo(GRACE, "You rejected").size());
    }

    @Test
    void unansweredRequestExpiresAfterTheTimeoutAndBothAreTold() {
        submitAndSettle("r1");

        bot.advance(TIMEOUT.minusSeconds(1));
        assertEquals(LeaveStatus.PENDING, bot.leave("r1").status());
        bot.advance(Duration.ofSeconds(1));

        LeaveRequest expired = bot.leave("r1");
        assertEquals(LeaveStatus.EXPIRED, expired.status());
        assertNull(expired.decision().by());
        assertDecidedNow(expired);
        assertEquals(1, bot.mailTo(ADA, "Your leave request expired: ").size());
        assertEquals(1, bot.mailTo(GRACE, "Ada Lovelace's leave request expired: ").size());
        assertEquals(ExecutionStatus.SUCCEEDED, bot.execution("r1").status());
    }

    @Test
    void employeeWithdrawsAndTheApproverIsTold() {
        submitAndSettle("r1");

        assertEquals(Answered.Result.ACCEPTED, bot.leaves().answer("r1", Answer.cancel(ADA)).result());
        bot.settle();

        assertEquals(LeaveStatus.CANCELLED, bot.leave("r1").status());
        assertEquals(1, bot.mailTo(GRACE, "Ada Lovelace withdrew the leave request: ").size());
        assertEquals(1, bot.mailTo(ADA, "Your leave request is withdrawn: ").size());
    }

    @Test
    void approverIsRemindedAtHalfAndNineTenthsOfTheTimeout() {
        submitAndSettle("r1");

        bot.advance(Duration.ofSeconds(49));
        assertEquals(0, reminders());
        bot.advance(Duration.ofSeconds(1));
        assertEquals(1, reminders());
        assertTrue(only(bot.mailTo(GRACE, "Reminder: ")).text().contains("the first reminder"));
        bot.advance(Duration.ofSeconds(39));
        assertEquals(1, reminders());
        bot.advance(Duration.ofSeconds(1));
        assertEquals(2, reminders());
        assertTrue(bot.mailTo(GRACE, "Reminder: ").get(1).text().contains("the second reminder"));
        bot.advance(Duration.ofSeconds(10));
        assertEquals(LeaveStatus.EXPIRED, bot.leave("r1").status());
        assertEquals(2, reminders());
    }

    @Test
    void noReminderFollowsADecision() {
        submitAndSettle("r1");
        bot.advance(Duration.ofSeconds(60));
        assertEquals(1, reminders());

        bot.leaves().answer("r1", Answer.approve(GRACE, null));
        bot.settle();
        bot.advance(TIMEOUT);

        assertEquals(1, reminders());
        assertEquals(LeaveStatus.APPROVED, bot.leave("r1").status());
        assertEquals(1, bot.mailTo(ADA, "Your leave").size());
    }

    @Test
    void decisionBeforeTheFirstReminderMeansNoReminderAtAll() {
        submitAndSettle("r1");
        bot.advance(Duration.ofSeconds(10));

        bot.leaves().answer("r1", Answer.approve(GRACE, null));
        bot.settle();
        bot.advance(TIMEOUT);

        assertEquals(0, reminders());
        assertEquals(LeaveStatus.APPROVED, bot.leave("r1").status());
    }

    @Test
    void approvalRequestNamesAColleagueWhoseOverlappingLeaveIsAlreadyApproved() {
        assertTrue(bot.leaves().submit(new LeaveSubmission("alan-1", ALAN, "annual", LocalDate.of(2026, 1, 15),
                LocalDate.of(2026, 1, 20), false, "Conference")).accepted());
        bot.settle();
        bot.leaves().answer("alan-1", Answer.approve(GRACE, null));
        bot.settle();
        assertEquals(LeaveStatus.APPROVED, bot.leave("alan-1").status());

        submitAndSettle("r1");

        String request = only(bot.mailTo(GRACE, "Leave request from Ada Lovelace: ")).text();
        assertTrue(request.contains("Alan Turing (Thu 15 Jan 2026 – Tue 20 Jan 2026, approved)"), request);
    }

    @Test
    void anApprovalTakesTheDaysOnceAndACancellationRefundsThem() {
        submitAndSettle("r1");
        bot.leaves().answer("r1", Answer.approve(GRACE, null));
        bot.settle();
        assertEquals(List.of(new BigDecimal("-5.00")), amountsOf(LedgerEntry.Kind.TAKEN));

        assertEquals(LeaveRequests.Cancelled.Result.ACCEPTED, bot.leaves().cancel("r1", ADA).result());
        bot.settle();

        assertEquals(LeaveStatus.CANCELLED, bot.leave("r1").status());
        assertEquals(List.of(new BigDecimal("5.00")), amountsOf(LedgerEntry.Kind.REFUND));
        assertEquals(0, new BigDecimal(25).compareTo(bot.balances().of(ADA, "annual", LocalDate.of(2026, 1, 5)).orElseThrow().remaining()));
        assertEquals(1, bot.mailTo(GRACE, "Ada Lovelace cancelled their approved leave: ").size());
        assertEquals(1, bot.mailTo(ADA, "Your approved leave is cancelled: ").size());
    }

    private List<BigDecimal> amountsOf(LedgerEntry.Kind kind) {
        return bot.store().entries(ADA).stream().filter(e -> e.kind() == kind).map(LedgerEntry::amount).toList();
    }

    private void submitAndSettle(String requestId) {
        assertTrue(bot.leaves().submit(submission(requestId)).accepted());
        bot.settle();
    }

    private int reminders() {
        return bot.mailTo(GRACE, "Reminder: ").size();
    }

    private String callbackIdInHistory(String requestId) {
        return bot.history(requestId).stream()
                .filter(e -> e.eventType().equals("CallbackStarted") && (StageApproval.APPROVAL + 1).equals(e.name()))
                .map(e -> (String) e.details().get("CallbackId")).findFirst().orElseThrow();
    }

    /** The service's completion time: now, give or take the milliseconds it adds to keep them strictly increasing. */
    private void assertDecidedNow(LeaveRequest leave) {
        Duration after = Duration.between(bot.now(), leave.decision().at());
        assertTrue(!after.isNegative() && after.compareTo(Duration.ofSeconds(1)) < 0, "decided at " + leave.decision().at());
        assertEquals(leave.decision().at(), leave.updatedAt());
    }

    private void assertApproveLinkFor(String requestId, ReceivedMail request) {
        Matcher link = APPROVE_LINK.matcher(request.text());
        assertTrue(link.find(), request.text());
        Verified verified = LINKS.verify(link.group(1), bot.now());
        assertEquals(Verified.Status.VALID, verified.status());
        assertEquals(requestId, verified.requestId());
        assertEquals(LeaveStatus.APPROVED, verified.decision());
    }

    static <T> T only(List<T> items) {
        assertEquals(1, items.size(), "expected exactly one: " + items);
        return items.get(0);
    }
}
