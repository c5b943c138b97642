package io.leavebot.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.leavebot.balance.Balance;
import io.leavebot.balance.Unit;
import io.leavebot.leave.LeaveStatus;
import io.leavebot.notify.NotificationTexts;
import io.leavebot.testing.SampleLeaves;
import io.leavebot.workflow.LeaveRequests.Cancelled;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class BalanceRepliesTest {
    private final BalanceReplies replies = new BalanceReplies(new NotificationTexts(ZoneId.of("UTC")), "/leave");

    @Test
    void balancesNameCarryOverItsExpiryAndTheNextDaysOff() {
        Balance annual = new Balance("annual", Unit.DAYS, true, 2027, "2027", LocalDate.of(2027, 1, 1), LocalDate.of(2027, 12, 31),
                new BigDecimal("25"), new BigDecimal("25"), new BigDecimal("3"), LocalDate.of(2027, 3, 31), BigDecimal.ZERO,
                BigDecimal.ZERO, new BigDecimal("10"), BigDecimal.ZERO, BigDecimal.ZERO, List.of());
        Map<LocalDate, String> daysOff = new TreeMap<>(Map.of(LocalDate.of(2027, 3, 26), "Good Friday",
                LocalDate.of(2027, 3, 29), "Easter Monday", LocalDate.of(2027, 5, 3), "Early May bank holiday", LocalDate.of(2027, 5, 6), "Ascension"));

        assertEquals("Your leave, as of today:\n"
                + "• 18 of 28 days of annual leave left in 2027 (3 days carried over from the year before, to be used by Wed 31 Mar 2027)\n"
                + "Your next days off, which leave does not count: Fri 26 Mar 2027: Good Friday; Mon 29 Mar 2027: Easter Monday; "
                + "Mon 3 May 2027: Early May bank holiday.", replies.balances(List.of(annual), daysOff).plainText());
    }

    @Test
    void withoutTrackedTypesTheReplySaysSo() {
        assertEquals("LeaveBot keeps no balance for your leave types: you can ask for leave with /leave as before, and "
                + "your approver decides.", replies.balances(List.of(), Map.of()).plainText());
    }

    @Test
    void anAdminCancellingSomeonesApprovedLeaveIsToldWhoHears() {
        var approved = SampleLeaves.decided(LeaveStatus.APPROVED, SampleLeaves.GRACE, null);

        ChatReply reply = replies.cancelled(approved.id(), SampleLeaves.HANA, new Cancelled(Cancelled.Result.ACCEPTED, approved));

        assertEquals(List.of("Ada Lovelace's approved leave is being cancelled: Mon 12 Jan 2026 – Fri 16 Jan 2026",
                "The days go back to the balance, and Ada Lovelace and Grace Hopper are told. Type /leave balance to see it "
                        + "once LeaveBot has recorded the cancellation."), reply.paragraphs());
    }

    @Test
    void leaveThatStartedOrEndedCannotBeCancelledAndNothingChanges() {
        var approved = SampleLeaves.decided(LeaveStatus.APPROVED, SampleLeaves.GRACE, null);
        var rejected = SampleLeaves.decided(LeaveStatus.REJECTED, SampleLeaves.GRACE, "Busy");

        assertEquals("This leave has already started, so LeaveBot can no longer cancel it. Nothing was changed.\n"
                + "If your plans changed, please talk to Grace Hopper, who can ask an admin to adjust your balance.",
                replies.cancelled(approved.id(), SampleLeaves.ADA, new Cancelled(Cancelled.Result.STARTED, approved)).plainText());
        assertEquals("This request was rejected already, so there is nothing to cancel. Nothing was changed.\n"
                + "Status: Rejected by Grace Hopper on Tue 6 Jan 2026, 14:05 UTC",
                replies.cancelled(rejected.id(), SampleLeaves.ADA, new Cancelled(Cancelled.Result.ALREADY_DECIDED, rejected)).plainText());
    }
}
