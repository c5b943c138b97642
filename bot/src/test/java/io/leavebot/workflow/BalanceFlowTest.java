package io.leavebot.workflow;

import static io.leavebot.testing.LeaveBotHarness.ADA;
import static io.leavebot.testing.LeaveBotHarness.ALAN;
import static io.leavebot.testing.LeaveBotHarness.GRACE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.leavebot.balance.BalancePolicies;
import io.leavebot.balance.BalancePolicies.PersonSettings;
import io.leavebot.balance.LeaveYear;
import io.leavebot.balance.LedgerEntry;
import io.leavebot.balance.TypePolicy;
import io.leavebot.balance.Unit;
import io.leavebot.balance.WorkingWeek;
import io.leavebot.leave.AuditEntry;
import io.leavebot.leave.LeaveStatus;
import io.leavebot.leave.LeaveSubmission;
import io.leavebot.leave.LeaveValidator;
import io.leavebot.testing.LeaveBotHarness;
import io.leavebot.workflow.LeaveRequests.Adjusted;
import io.leavebot.workflow.LeaveRequests.Submitted;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Balances through the workflow, on SQLite: what a request counts, what its approval takes (once, in the same
 * write), an approval the balance no longer allows, and the admin's adjustments. The clock starts on Mon 5 Jan
 * 2026; Ada has 25 days of annual leave a year.
 */
class BalanceFlowTest {
    @RegisterExtension
    final LeaveBotHarness bot = new LeaveBotHarness().withAdmins(ALAN);

    @Test
    void anApprovalTakesTheDaysOnceAndTheBalanceDrops() {
        bot.submitted("r1"); // Mon 12 – Fri 16 Jan: 5 days
        assertTrue(mailBody(GRACE, "Leave request from Ada Lovelace").contains("Ada Lovelace will have 20 of 25 days of annual leave left"));
        assertTrue(mailBody(ADA, "Leave request received").contains("You will have 20 of 25 days of annual leave left"));
        approve("r1");

        assertEquals(LeaveStatus.APPROVED, bot.leave("r1").status());
        assertEquals(List.of(new BigDecimal("-5.00")), taken());
        assertEquals(0, new BigDecimal(20).compareTo(annual().remaining()));
        assertTrue(mailBody(ADA, "Your leave is approved").contains("20 of 25 days of annual leave left in 2026"));
    }

    @Test
    void aReminderStatesTheBalanceAfterTheRequest() {
        bot.submitted("r1");
        bot.advance(java.time.Duration.ofSeconds(50));

        assertTrue(mailBody(GRACE, "Reminder: ").contains("Ada Lovelace will have 20 of 25 days of annual leave left in 2026"),
                mailBody(GRACE, "Reminder: "));
    }

    @Test
    void theSecondOfTwoApprovalsTheBalanceNoLongerAllowsEndsRejectedWithTheReason() {
        submit(new LeaveSubmission("r1", ADA, "annual", LocalDate.of(2026, 1, 12), LocalDate.of(2026, 1, 23), false, null));
        submit(new LeaveSubmission("r2", ADA, "annual", LocalDate.of(2026, 2, 2), LocalDate.of(2026, 2, 13), false, null));
        // both fitted when they were made; then an admin takes 10 days away
        assertEquals(Adjusted.Result.ACCEPTED, bot.leaves().adjust(ADA, "annual", new BigDecimal(-10), "sold back", ALAN, "k1").result());

        approve("r1");
        approve("r2");

        assertEquals(LeaveStatus.APPROVED, bot.leave("r1").status());
        assertEquals(LeaveStatus.REJECTED, bot.leave("r2").status());
        assertNull(bot.leave("r2").decision().by());
        assertEquals("not enough annual leave left: 10 days asked, 5 left", bot.leave("r2").decision().comment());
        assertEquals(List.of(new BigDecimal("-10.00")), taken());
        assertEquals(List.of(AuditEntry.BALANCE_REFUSED), bot.leaves().audit("r2").stream().map(AuditEntry::kind).toList());
        assertTrue(mailBody(ADA, "Your leave request was not approved").contains("was approved, but the approval could not be "
                + "booked: not enough annual leave left: 10 days asked, 5 left."), mailBody(ADA, "Your leave request was not approved"));
        assertEquals(1, bot.mailTo(GRACE, "Ada Lovelace's leave could not be booked: ").size());
    }

    @Test
    void aHalfDayTakesHalfADay() {
        submit(new LeaveSubmission("r1", ADA, "annual", LocalDate.of(2026, 1, 12), LocalDate.of(2026, 1, 12), true, null));
        approve("r1");

        assertEquals(0.5, bot.leave("r1").workingDays());
        assertEquals(List.of(new BigDecimal("-0.50")), taken());
    }

    @Test
    void aRequestOverAPublicHolidayCountsOneDayLess() {
        bot.withBalancePolicies(BalancePolicies.defaults("de", null, LeaveBotHarness.POLICY.types())).reopen();
        // Mon 6 Apr 2026 is Easter Monday in Germany
        submit(new LeaveSubmission("r1", ADA, "annual", LocalDate.of(2026, 4, 6), LocalDate.of(2026, 4, 10), false, null));
        approve("r1");

        assertEquals(4, bot.leave("r1").workingDays());
        assertEquals(List.of(new BigDecimal("-4.00")), taken());
    }

    @Test
    void aRequestOnlyOverHolidaysNamesThem() {
        bot.withBalancePolicies(BalancePolicies.defaults("de", null, LeaveBotHarness.POLICY.types())).reopen();

        // Good Friday, the weekend, Easter Monday
        Submitted refused = bot.leaves().submit(new LeaveSubmission("r1", ADA, "annual", LocalDate.of(2026, 4, 3),
                LocalDate.of(2026, 4, 6), false, null));

        assertEquals("3 and 6 April 2026 are holidays (Good Friday, Easter Monday), and the other days are not working "
                + "days for you. Please pick dates that include a working day (Monday to Friday).", refused.errors().get(LeaveValidator.END));
    }

    @Test
    void aRequestBeyondTheBalanceIsRefusedWithTheNumbers() {
        Submitted refused = bot.leaves().submit(new LeaveSubmission("r1", ADA, "annual", LocalDate.of(2026, 2, 2),
                LocalDate.of(2026, 3, 6), false, null)); // 25 working days fit exactly; one more does not
        assertTrue(refused.accepted(), () -> refused.errors().toString());
        bot.settle();

        Submitted beyond = bot.leaves().submit(new LeaveSubmission("r2", ADA, "annual", LocalDate.of(2026, 3, 9),
                LocalDate.of(2026, 3, 9), false, null));

        assertEquals(List.of(LeaveValidator.END), List.copyOf(beyond.errors().keySet()));
        assertEquals("This takes 1 day of annual leave, but you have none left in 2026 (25 days are waiting for approval). Please choose fewer days, or ask your admin "
                + "about your allowance.", beyond.errors().get(LeaveValidator.END));
    }

    @Test
    void theRefusalCountsTheRequestsWaitingForApproval() {
        submit(new LeaveSubmission("r1", ADA, "annual", LocalDate.of(2026, 2, 2), LocalDate.of(2026, 2, 27), false, null));

        Submitted beyond = bot.leaves().submit(new LeaveSubmission("r2", ADA, "annual", LocalDate.of(2026, 3, 2),
                LocalDate.of(2026, 3, 13), false, null));

        assertEquals("This takes 10 days of annual leave, but you have 5 days left in 2026 (20 days are waiting for approval). "
                + "Please choose fewer days, or ask your admin about your allowance.", beyond.errors().get(LeaveValidator.END));
    }

    @Test
    void aRequestBelowZeroAsThePolicyAllowsComesWithAWarning() {
        TypePolicy fiveAndThreeInAdvance = new TypePolicy("annual", TypePolicy.Kind.ANNUAL, Unit.DAYS, new BigDecimal(5), null,
                LeaveYear.CALENDAR, TypePolicy.CarryOver.NONE, new BigDecimal(3), false);
        bot.withBalancePolicies(new BalancePolicies(new PersonSettings(null, null, WorkingWeek.MONDAY_TO_FRIDAY, BigDecimal.valueOf(8),
                null, BalancePolicies.DEFAULT_GROUP, Map.of()), Map.of(BalancePolicies.DEFAULT_GROUP, Map.of("annual", fiveAndThreeInAdvance)),
                Map.of(), Map.of(), null)).reopen();

        Submitted submitted = bot.leaves().submit(new LeaveSubmission("r1", ADA, "annual", LocalDate.of(2026, 1, 12),
                LocalDate.of(2026, 1, 20), false, null)); // 7 days of 5

        assertTrue(submitted.accepted());
        assertEquals(1, submitted.warnings().size());
        assertEquals("This takes 7 days of annual leave and leaves you 2 days below zero in 2026 (the policy allows up to 3 days); "
                + "they will come off next year's allowance.", submitted.warnings().get(0));
        bot.settle();
        approve("r1");
        assertEquals(List.of(new BigDecimal("-7.00")), taken());
    }

    @Test
    void onlyAnAdminAdjustsAndARepeatedAdjustmentCountsOnce() {
        assertEquals(Adjusted.Result.NOT_ALLOWED, bot.leaves().adjust(ADA, "annual", BigDecimal.ONE, "gift", ADA, "k1").result());
        assertEquals(Adjusted.Result.UNKNOWN_TYPE, bot.leaves().adjust(ADA, "sick", BigDecimal.ONE, "gift", ALAN, "k1").result());

        bot.leaves().adjust(ADA, "annual", new BigDecimal(2), "overtime in December", ALAN, "k1");
        bot.leaves().adjust(ADA, "annual", new BigDecimal(2), "overtime in December", ALAN, "k1");

        List<LedgerEntry> entries = bot.store().entries(ADA);
        assertEquals(1, entries.size());
        assertEquals(ALAN, entries.get(0).by());
        assertEquals("overtime in December", entries.get(0).reason());
        assertEquals(0, new BigDecimal(27).compareTo(annual().remaining()));
        assertFalse(bot.leaves().isAdmin(GRACE));
    }

    private void submit(LeaveSubmission submission) {
        Submitted submitted = bot.leaves().submit(submission);
        assertTrue(submitted.accepted(), () -> submitted.errors().toString());
        bot.settle();
    }

    private void approve(String requestId) {
        assertEquals(LeaveRequests.Answered.Result.ACCEPTED, bot.leaves().answer(requestId, Answer.approve(GRACE, null)).result());
        bot.settle();
    }

    /** The amounts of Ada's TAKEN entries, oldest first. */
    private List<BigDecimal> taken() {
        return bot.store().entries(ADA).stream().filter(e -> e.kind() == LedgerEntry.Kind.TAKEN).map(LedgerEntry::amount).toList();
    }

    private io.leavebot.balance.Balance annual() {
        return bot.balances().of(ADA, "annual", LocalDate.of(2026, 1, 5)).orElseThrow();
    }

    private String mailBody(io.leavebot.leave.Person to, String subjectStart) {
        return bot.mailTo(to, subjectStart).get(0).text();
    }
}
