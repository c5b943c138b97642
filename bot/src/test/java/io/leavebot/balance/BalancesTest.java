package io.leavebot.balance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.leavebot.balance.Balance.Line;
import io.leavebot.balance.Balances.Preview;
import io.leavebot.balance.Balances.Preview.Verdict;
import io.leavebot.leave.ApprovalChain;
import io.leavebot.leave.LeaveRequest;
import io.leavebot.leave.LeavePolicy;
import io.leavebot.leave.LeaveStatus;
import io.leavebot.leave.Person;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * How balances are worked out from the policy, the stored ledger (a list here) and the pending requests. Policies are
 * written as the policy file says them; dates are checked against 2026's and 2027's calendars.
 */
class BalancesTest {
    private static final Person SAM = Person.ofEmail("sam@example.com", "Sam");
    private static final Person PRIYA = Person.ofEmail("priya@example.com", "Priya");
    private static final Instant AT = Instant.parse("2026-01-05T09:00:00Z");
    private static final Holidays HOLIDAYS = new Holidays();

    private final List<LedgerEntry> ledger = new ArrayList<>();
    private final List<LeaveRequest> requests = new ArrayList<>();
    private final LeaveLedger ledgerPort = new LeaveLedger() {
        @Override
        public List<LedgerEntry> entries(Person person) {
            return ledger.stream().filter(e -> e.person().isSameAs(person)).toList();
        }

        @Override
        public LedgerEntry adjust(LedgerEntry adjustment) {
            ledger.add(adjustment);
            return adjustment;
        }
    };

    /** Balances with the policy file's {@code "groups": {"staff": <staff>}}, Sam's {@code person} settings, on {@code today}. */
    private Balances balances(String staff, String person, LocalDate today, String more) {
        String json = "{\"groups\": {\"staff\": " + staff + "}, \"people\": {\"sam@example.com\": " + person + "}" + more + "}";
        return new Balances(PolicyFile.fromJson(json, "test policy"), HOLIDAYS, ledgerPort,
                p -> requests.stream().filter(r -> r.employee().isSameAs(p)).toList(),
                Clock.fixed(today.atStartOfDay().toInstant(ZoneOffset.UTC), ZoneOffset.UTC));
    }

    private Balances balances(String staff, String person, LocalDate today) {
        return balances(staff, person, today, "");
    }

    private static LocalDate d(int year, int month, int day) {
        return LocalDate.of(year, month, day);
    }

    private static void assertAmount(String expected, BigDecimal actual) {
        assertEquals(0, new BigDecimal(expected).compareTo(actual), () -> "expected " + expected + " but was " + actual);
    }

    private static LeaveRequest request(Balances balances, String id, String type, LocalDate start, LocalDate end) {
        double days = balances.calendarOf(SAM).length(start, end, false);
        return new LeaveRequest(id, SAM, ApprovalChain.single(PRIYA), type, start, end, false, null, LeaveStatus.PENDING, AT, AT,
                null, LeaveRequest.executionNameFor(id), days);
    }

    private static List<String> parts(Deduction deduction) {
        return deduction.parts().stream().map(p -> p.leaveYear() + ": " + p.amount().stripTrailingZeros().toPlainString() + " from "
                + p.leaveStart() + ", floor " + (p.floor() == null ? "none" : p.floor().stripTrailingZeros().toPlainString())).toList();
    }

    /** Approves as a store does: each part only if {@code sum of stored amounts - amount >= floor}. */
    private void approve(Balances balances, LeaveRequest request) {
        Deduction deduction = balances.deductionFor(request);
        for (Deduction.Part part : deduction.parts()) {
            BigDecimal sum = ledger.stream().filter(e -> e.type().equals(deduction.type()) && e.leaveYear() == part.leaveYear())
                    .map(LedgerEntry::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
            if (part.floor() != null && sum.subtract(part.amount()).compareTo(part.floor()) < 0) {
                throw new InsufficientBalanceException(deduction.type(), part.leaveYear(), sum.subtract(part.floor()), part.amount());
            }
        }
        ledger.addAll(deduction.entries(request.id(), AT, PRIYA));
    }

    private void taken(String id, int year, String days, LocalDate start) {
        ledger.add(new LedgerEntry(LedgerEntry.takenId(id, year), SAM, "annual", year, LedgerEntry.Kind.TAKEN,
                new BigDecimal(days).negate(), id, start, AT, PRIYA, null));
    }

    @Test
    void aLeaveYearStartingInAprilCountsMarchInTheYearBeforeAndSplitsARequestOver31March() {
        Balances balances = balances("{\"annual\": {\"allowance\": 25, \"yearStarts\": \"April\"}}", "{\"country\": \"de\", \"region\": \"by\"}",
                d(2027, 3, 1));

        Balance march = balances.of(SAM, "annual", d(2027, 3, 15)).orElseThrow();
        assertEquals(2026, march.leaveYear());
        assertEquals("2026/27", march.yearName());
        assertEquals(d(2026, 4, 1), march.firstDay());
        assertEquals(d(2027, 3, 31), march.lastDay());
        // Monday 29 March 2027 is Easter Monday: 30 and 31 March in 2026/27, 1 and 2 April in 2027/28
        Preview over = balances.preview(SAM, "annual", d(2027, 3, 29), d(2027, 4, 2), false, null).orElseThrow();
        assertEquals(List.of(2026, 2027), over.parts().stream().map(p -> p.before().leaveYear()).toList());
        assertAmount("2", over.parts().get(0).amount());
        assertAmount("2", over.parts().get(1).amount());
        Deduction deduction = balances.deductionFor(request(balances, "r1", "annual", d(2027, 3, 29), d(2027, 4, 2)));
        assertEquals(List.of("2026: 2 from 2027-03-29, floor -25", "2027: 2 from 2027-04-01, floor -25"), parts(deduction));
    }

    private static final String CARRY_FIVE = "{\"annual\": {\"allowance\": 25, \"carryOver\": {\"cap\": 5, \"expires\": \"03-31\"}}}";

    @Test
    void carryOverIsCappedAndWhatIsNotUsedByLeaveStartingByItsExpiryIsGone() {
        taken("r2026", 2026, "18", d(2026, 8, 3));
        Balances balances = balances(CARRY_FIVE, "{}", d(2027, 2, 1), ", \"balancesFrom\": \"2026-01-01\"");

        Balance february = balances.of(SAM, "annual", d(2027, 2, 1)).orElseThrow();
        assertAmount("5", february.carriedOver()); // 7 left, 5 at most move
        assertAmount("30", february.remaining());
        assertEquals(d(2027, 3, 31), february.carryExpires());
        assertAmount("30", balances.of(SAM, "annual", d(2027, 3, 31)).orElseThrow().remaining());
        Balance april = balances.of(SAM, "annual", d(2027, 4, 1)).orElseThrow();
        assertAmount("5", april.carryExpired());
        assertAmount("25", april.remaining());
        assertTrue(april.lines().contains(new Line(d(2027, 4, 1), Line.Kind.CARRY_OVER_EXPIRED, new BigDecimal("-5"), null, null)),
                april.lines().toString());
        assertAmount("30", balances.preview(SAM, "annual", d(2027, 3, 31), d(2027, 3, 31), false, null).orElseThrow()
                .parts().get(0).before().available());
        assertAmount("25", balances.preview(SAM, "annual", d(2027, 4, 5), d(2027, 4, 5), false, null).orElseThrow()
                .parts().get(0).before().available());
    }

    @Test
    void leaveStartingBeforeTheExpiryUsesCarriedDaysFirst() {
        taken("r2026", 2026, "18", d(2026, 8, 3));
        taken("march", 2027, "3", d(2027, 3, 29));
        Balances balances = balances(CARRY_FIVE, "{}", d(2027, 5, 3), ", \"balancesFrom\": \"2026-01-01\"");

        Balance may = balances.of(SAM, "annual", d(2027, 5, 3)).orElseThrow();
        assertAmount("2", may.carryExpired()); // 3 of the 5 used in time
        assertAmount("25", may.remaining()); // 25 + 5 - 2 - 3
    }

    @Test
    void aBalanceBelowZeroMovesToTheNextYearInFull() {
        taken("r2026", 2026, "27", d(2026, 8, 3));
        Balances balances = balances("{\"annual\": {\"allowance\": 25, \"negativeLimit\": 3, \"carryOver\": {\"cap\": 5}}}", "{}",
                d(2027, 2, 1), ", \"balancesFrom\": \"2026-01-01\"");

        Balance b = balances.of(SAM, "annual", d(2027, 2, 1)).orElseThrow();
        assertAmount("-2", b.carriedOver());
        assertAmount("23", b.remaining());
        assertNull(b.carryExpires());
    }

    @Test
    void aJoinerOnTheFirstOfJulyGetsAboutHalfRoundedUpToHalfADay() {
        Balances joinedJuly = balances("{\"annual\": {\"allowance\": 25}}", "{\"startDate\": \"2026-07-01\"}", d(2026, 8, 3));
        assertAmount("13", joinedJuly.of(SAM, "annual", d(2026, 8, 3)).orElseThrow().entitlement()); // 184/365 × 25 = 12.6

        Balances joinedLater = balances("{\"annual\": {\"allowance\": 25}}", "{\"startDate\": \"2026-07-08\"}", d(2026, 8, 3));
        Balance b = joinedLater.of(SAM, "annual", d(2026, 8, 3)).orElseThrow();
        assertAmount("12.5", b.entitlement()); // 177/365 × 25 = 12.12
        assertEquals(new Line(d(2026, 7, 8), Line.Kind.GRANTED, new BigDecimal("12.50"), null, null), b.lines().get(0));
        assertAmount("25", joinedLater.of(SAM, "annual", d(2027, 1, 4)).orElseThrow().entitlement());

        Balances notProRated = balances("{\"annual\": {\"allowance\": 25, \"proRate\": false}}", "{\"startDate\": \"2026-07-08\"}",
                d(2026, 8, 3));
        assertAmount("25", notProRated.of(SAM, "annual", d(2026, 8, 3)).orElseThrow().entitlement());
    }

    @Test
    void aMonthlyAccrualAsOfMidMayHasFiveMonthsAndAJoinerOnlyTheMonthsFromTheirStart() {
        String toil = "{\"annual\": {\"allowance\": 25}, \"toil\": {\"accrues\": {\"amount\": 2.08, \"every\": \"month\"}}}";
        Balance may = balances(toil, "{}", d(2026, 5, 15)).of(SAM, "toil", d(2026, 5, 15)).orElseThrow();
        assertAmount("10.40", may.entitlement());
        assertAmount("24.96", may.yearTotal());
        assertEquals(List.of(d(2026, 1, 1), d(2026, 2, 1), d(2026, 3, 1), d(2026, 4, 1), d(2026, 5, 1)),
                may.lines().stream().map(Line::on).toList());

        Balance joiner = balances(toil, "{\"startDate\": \"2026-03-10\"}", d(2026, 5, 15)).of(SAM, "toil", d(2026, 5, 15)).orElseThrow();
        assertAmount("4.16", joiner.entitlement()); // 1 April and 1 May
    }

    @Test
    void anAccrualEveryFourteenDaysCountsFromItsAnchorInHours() {
        String pto = "{\"pto\": {\"accrues\": {\"amount\": 4.6, \"every\": \"2 weeks\", \"from\": \"2027-01-04\"}, \"unit\": \"hours\"}}";
        Balances balances = balances(pto, "{}", d(2027, 2, 1));

        Balance february = balances.of(SAM, "pto", d(2027, 2, 1)).orElseThrow();
        assertEquals(Unit.HOURS, february.unit());
        assertEquals(List.of(d(2027, 1, 4), d(2027, 1, 18), d(2027, 2, 1)), february.lines().stream().map(Line::on).toList());
        assertAmount("13.8", february.entitlement());
        assertAmount("119.6", february.yearTotal()); // 26 periods from 4 January to 20 December
        assertAmount("0", balances.of(SAM, "pto", d(2027, 1, 3)).orElseThrow().entitlement());
        assertAmount("0", balances.of(SAM, "pto", d(2026, 12, 1)).orElseThrow().yearTotal());
    }

    @Test
    void aTypeInHoursTakesTheirHoursPerDay() {
        Balances balances = balances("{\"annual\": {\"allowance\": 200, \"unit\": \"hours\"}}", "{\"hoursPerDay\": 7.5}", d(2026, 6, 1));

        Preview preview = balances.preview(SAM, "annual", d(2026, 6, 1), d(2026, 6, 2), false, null).orElseThrow();
        assertAmount("15", preview.amount());
        assertAmount("185", preview.parts().get(0).after());
        assertAmount("3.75", balances.preview(SAM, "annual", d(2026, 6, 3), d(2026, 6, 3), true, null).orElseThrow().amount());
    }

    @Test
    void belowZeroAsFarAsTheNegativeLimitIsAWarningAndBeyondItARefusal() {
        Balances balances = balances("{\"annual\": {\"allowance\": 5, \"negativeLimit\": 2}}", "{}", d(2026, 6, 1));

        // Monday 1 June 2026 on: 5, 6, 7 and 8 working days (no country, no holidays)
        assertEquals(Verdict.FITS, balances.preview(SAM, "annual", d(2026, 6, 1), d(2026, 6, 5), false, null).orElseThrow().verdict());
        assertEquals(Verdict.NEGATIVE, balances.preview(SAM, "annual", d(2026, 6, 1), d(2026, 6, 8), false, null).orElseThrow().verdict());
        assertEquals(Verdict.NEGATIVE, balances.preview(SAM, "annual", d(2026, 6, 1), d(2026, 6, 9), false, null).orElseThrow().verdict());
        assertEquals(Verdict.BEYOND, balances.preview(SAM, "annual", d(2026, 6, 1), d(2026, 6, 10), false, null).orElseThrow().verdict());
    }

    @Test
    void pendingRequestsCountInWhatIsAvailableButNotTheRequestItself() {
        Balances balances = balances("{\"annual\": {\"allowance\": 25}}", "{}", d(2026, 6, 1));
        requests.add(request(balances, "p1", "annual", d(2026, 6, 1), d(2026, 6, 3)));

        Balance b = balances.of(SAM, "annual", d(2026, 6, 1)).orElseThrow();
        assertAmount("3", b.pending());
        assertAmount("25", b.remaining());
        assertAmount("22", b.available());
        assertAmount("22", balances.preview(SAM, "annual", d(2026, 7, 1), d(2026, 7, 1), false, "other").orElseThrow()
                .parts().get(0).before().available());
        assertAmount("25", balances.preview(SAM, "annual", d(2026, 6, 1), d(2026, 6, 3), false, "p1").orElseThrow()
                .parts().get(0).before().available());
    }

    @Test
    void theFloorsOfDeductionsLetApprovalsTakeExactlyWhatThePolicyAllows() {
        Balances balances = balances("{\"annual\": {\"allowance\": 5, \"negativeLimit\": 1}}", "{}", d(2026, 6, 1));
        LeaveRequest first = request(balances, "a", "annual", d(2026, 6, 1), d(2026, 6, 3));
        LeaveRequest second = request(balances, "b", "annual", d(2026, 6, 8), d(2026, 6, 10));
        LeaveRequest third = request(balances, "c", "annual", d(2026, 6, 15), d(2026, 6, 15));

        Deduction ofSecond = balances.deductionFor(second); // worked out before the first is approved, as at the same time
        assertAmount("-6", ofSecond.parts().get(0).floor()); // 5 days, and 1 below zero
        approve(balances, first);
        approve(balances, second); // 3 + 3 = 6: one below zero, as far as allowed
        assertAmount("-1", balances.of(SAM, "annual", d(2026, 6, 1)).orElseThrow().remaining());
        assertThrows(InsufficientBalanceException.class, () -> approve(balances, third));
        assertEquals(2, ledger.size());
    }

    @Test
    void aRefundGivesTheDaysBackAndAnAdjustmentCountsInWhatApprovalsMayTake() {
        Balances balances = balances("{\"annual\": {\"allowance\": 5}}", "{}", d(2026, 6, 1));
        approve(balances, request(balances, "a", "annual", d(2026, 6, 1), d(2026, 6, 5)));
        ledger.add(new LedgerEntry(LedgerEntry.refundId("a", 2026), SAM, "annual", 2026, LedgerEntry.Kind.REFUND, new BigDecimal("5.00"),
                "a", d(2026, 6, 1), AT, SAM, null));
        ledgerPort.adjust(new LedgerEntry(LedgerEntry.adjustmentId("k1"), SAM, "annual", 2026, LedgerEntry.Kind.ADJUSTMENT,
                new BigDecimal("2"), null, null, AT, PRIYA, "overtime in May"));

        Balance b = balances.of(SAM, "annual", d(2026, 6, 1)).orElseThrow();
        assertAmount("0", b.taken());
        assertAmount("7", b.remaining());
        assertEquals(List.of(Line.Kind.GRANTED, Line.Kind.ADJUSTED, Line.Kind.TAKEN, Line.Kind.REFUNDED), // by date: adjusted on 5 January
                b.lines().stream().map(Line::kind).toList());
        approve(balances, request(balances, "b", "annual", d(2026, 6, 8), d(2026, 6, 16))); // 7 days: the 5 and the 2 adjusted
        assertThrows(InsufficientBalanceException.class,
                () -> approve(balances, request(balances, "c", "annual", d(2026, 6, 17), d(2026, 6, 17))));
    }

    @Test
    void twoApprovalsAtOnceCannotOverdrawTheBalance() {
        Balances balances = balances("{\"annual\": {\"allowance\": 5}}", "{}", d(2026, 6, 1));
        LeaveRequest first = request(balances, "a", "annual", d(2026, 6, 1), d(2026, 6, 3));
        LeaveRequest second = request(balances, "b", "annual", d(2026, 6, 8), d(2026, 6, 10));
        Deduction a = balances.deductionFor(first);
        Deduction b = balances.deductionFor(second);

        assertEquals(a.parts().get(0).floor(), b.parts().get(0).floor());
        ledger.addAll(a.entries("a", AT, PRIYA));
        BigDecimal sum = ledger.stream().map(LedgerEntry::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
        assertTrue(sum.subtract(b.parts().get(0).amount()).compareTo(b.parts().get(0).floor()) < 0, "the store refuses the second");
    }

    @Test
    void aRequestOverNewYearTakesFromBothYearsAndTheFirstPartLessensTheCarryOver() {
        taken("r2026", 2026, "20", d(2026, 8, 3));
        Balances balances = balances(CARRY_FIVE, "{\"country\": \"de\", \"region\": \"by\"}", d(2026, 12, 1),
                ", \"balancesFrom\": \"2026-01-01\"");
        // 28-31 December 2026 are 4 working days; 1 January (New Year) and 6 January (Epiphany) 2027 are holidays
        LeaveRequest overNewYear = request(balances, "ny", "annual", d(2026, 12, 28), d(2027, 1, 8));
        assertEquals(8, overNewYear.workingDays());

        Deduction deduction = balances.deductionFor(overNewYear);
        assertEquals(List.of("2026: 4 from 2026-12-28, floor -25", "2027: 4 from 2027-01-01, floor -26"), parts(deduction));
        Preview preview = balances.preview(SAM, "annual", d(2026, 12, 28), d(2027, 1, 8), false, null).orElseThrow();
        assertAmount("1", preview.parts().get(1).before().carriedOver()); // 5 left in 2026, of which the request takes 4
        assertAmount("8", preview.amount());
    }

    @Test
    void leaveBookedForNextYearShowsThatYearBesideThisOne() {
        Balances balances = balances("{\"annual\": {\"allowance\": 25, \"carryOver\": {\"cap\": 5}}}", "{\"startDate\": \"2025-01-01\"}",
                d(2026, 12, 2));
        approve(balances, request(balances, "jan", "annual", d(2027, 1, 11), d(2027, 1, 15)));
        requests.add(request(balances, "feb", "annual", d(2027, 2, 1), d(2027, 2, 2)));

        List<Balance> all = balances.all(SAM);
        assertEquals(List.of("2026", "2027"), all.stream().map(Balance::yearName).toList());
        Balance next = all.get(1);
        assertAmount("5", next.carriedOver()); // nothing taken in 2026, so the cap
        assertAmount("5", next.taken());
        assertAmount("2", next.pending());
        assertAmount("23", next.available());
    }

    @Test
    void unlimitedTypesAreTrackedAndUntrackedTypesHaveNoBalance() {
        Balances balances = balances("{\"annual\": {\"allowance\": 25}, \"sick\": \"unlimited\"}", "{}", d(2026, 6, 1));
        ledger.add(new LedgerEntry(LedgerEntry.takenId("s", 2026), SAM, "sick", 2026, LedgerEntry.Kind.TAKEN, new BigDecimal("-2"),
                "s", d(2026, 5, 4), AT, PRIYA, null));

        assertEquals(List.of("annual", "sick"), balances.all(SAM).stream().map(Balance::type).toList());
        Balance sick = balances.of(SAM, "sick", d(2026, 6, 1)).orElseThrow();
        assertAmount("2", sick.taken());
        assertEquals(Verdict.FITS, balances.preview(SAM, "sick", d(2026, 6, 1), d(2026, 8, 31), false, null).orElseThrow().verdict());
        assertNull(balances.deductionFor(request(balances, "s2", "sick", d(2026, 6, 1), d(2026, 6, 1))).parts().get(0).floor());
        assertEquals(Optional.empty(), balances.of(SAM, "unpaid", d(2026, 6, 1)));
        assertNull(balances.deductionFor(request(balances, "u", "unpaid", d(2026, 6, 1), d(2026, 6, 1))));
    }

    @Test
    void withoutAPolicyFileEveryoneHas25DaysAndTheRestIsTrackedOnly() {
        BalancePolicies defaults = BalancePolicies.defaults("de", "by", LeavePolicy.DEFAULT.types());
        PersonPolicy anyone = defaults.forPerson(PRIYA);

        assertAmount("25", anyone.type("annual").orElseThrow().allowance());
        assertEquals(TypePolicy.unlimited("sick"), anyone.type("sick").orElseThrow());
        assertEquals("by", anyone.region());
    }
}
