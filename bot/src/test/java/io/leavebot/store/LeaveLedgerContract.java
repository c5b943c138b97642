package io.leavebot.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.leavebot.balance.Deduction;
import io.leavebot.balance.InsufficientBalanceException;
import io.leavebot.balance.LedgerEntry;
import io.leavebot.balance.LedgerEntry.Kind;
import io.leavebot.leave.Decision;
import io.leavebot.leave.LeaveRequest;
import io.leavebot.leave.LeaveStatus;
import io.leavebot.leave.Person;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * What every store promises about the leave ledger beside the requests ({@code LeaveStore.decide} with a
 * deduction, {@code cancel}, {@code LeaveLedger}); the rest of the contract is {@link LeaveStoreContract}'s. Amounts
 * read back with two decimals.
 */
abstract class LeaveLedgerContract extends LeaveStoreContract {
    static final BigDecimal TEN_ALLOWED = new BigDecimal("-10");
    static final Decision BY_BEA = new Decision(BEA, T0.plusSeconds(60), "enjoy");
    static final LocalDate BEFORE_MAY_4 = MAY_4.minusDays(1);

    /** Another store on the same data (file or table), as another process or function opens it; the test closes it. */
    abstract Store sameDataStore() throws Exception;

    static Deduction deduction(String days, BigDecimal floor) {
        return new Deduction(ANN, "annual", List.of(new Deduction.Part(2026, new BigDecimal(days), MAY_4, floor)));
    }

    static BigDecimal hundredths(String amount) {
        return new BigDecimal(amount).setScale(2);
    }

    LeaveRequest approve(String id, Deduction deduction) {
        return store.decide(id, LeaveStatus.APPROVED, BY_BEA, T0.plusSeconds(61), deduction);
    }

    BigDecimal sum(Person person, String type, int year) {
        return store.entries(person).stream().filter(e -> e.type().equals(type) && e.leaveYear() == year)
                .map(LedgerEntry::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    @Test
    void anApprovalWithADeductionWritesItsTakenEntriesWithTheStatus() {
        store.create(leave("r-1"));

        LeaveRequest approved = approve("r-1", deduction("5", TEN_ALLOWED));

        assertEquals(LeaveStatus.APPROVED, approved.status());
        assertEquals(List.of(new LedgerEntry("taken/r-1/2026", ANN, "annual", 2026, Kind.TAKEN, hundredths("-5"), "r-1", MAY_4,
                T0.plusSeconds(61), BEA, null)), store.entries(ANN));
    }

    @Test
    void anApprovalBeyondTheFloorIsRefusedAndWritesNothing() {
        store.create(leave("r-1"));
        store.adjust(adjustment("a-1", "-7.5", T0));

        InsufficientBalanceException refused = assertThrows(InsufficientBalanceException.class,
                () -> approve("r-1", deduction("3", TEN_ALLOWED)));

        assertEquals(0, refused.available().compareTo(new BigDecimal("2.5")), refused.getMessage());
        assertEquals(0, refused.needed().compareTo(new BigDecimal("3")));
        assertEquals(2026, refused.leaveYear());
        assertEquals(LeaveStatus.PENDING, store.get("r-1").orElseThrow().status());
        assertEquals(List.of("adjustment/a-1"), store.entries(ANN).stream().map(LedgerEntry::id).toList());
        assertEquals(LeaveStatus.APPROVED, approve("r-1", deduction("2.5", TEN_ALLOWED)).status(), "exactly down to the floor");
    }

    @Test
    void aDeductionWithoutAFloorIsTakenHoweverLowItGoes() {
        store.create(leave("r-1"));

        approve("r-1", deduction("400", null));

        assertEquals(hundredths("-400"), sum(ANN, "annual", 2026));
    }

    @Test
    void leaveOverNewYearTakesFromEachYearOrFromNeither() {
        store.create(leave("r-1"));
        store.adjust(new LedgerEntry("adjustment/next-year", ANN, "annual", 2027, Kind.ADJUSTMENT, new BigDecimal("-9"),
                null, null, T0, BEA, "advance"));
        Deduction overNewYear = new Deduction(ANN, "annual", List.of(
                new Deduction.Part(2026, new BigDecimal("2"), LocalDate.of(2026, 12, 30), TEN_ALLOWED),
                new Deduction.Part(2027, new BigDecimal("2"), LocalDate.of(2027, 1, 1), TEN_ALLOWED)));

        assertThrows(InsufficientBalanceException.class, () -> approve("r-1", overNewYear));
        assertEquals(1, store.entries(ANN).size(), "the first year's part went with the refusal");

        store.adjust(new LedgerEntry("adjustment/back", ANN, "annual", 2027, Kind.ADJUSTMENT, new BigDecimal("1"),
                null, null, T0, BEA, "returned"));
        approve("r-1", overNewYear);
        assertEquals(hundredths("-2"), sum(ANN, "annual", 2026));
        assertEquals(hundredths("-10"), sum(ANN, "annual", 2027));
    }

    @Test
    void decidingTwiceWritesOneSetOfEntries() {
        store.create(leave("r-1"));
        LeaveRequest first = approve("r-1", deduction("5", TEN_ALLOWED));

        assertEquals(first, approve("r-1", deduction("5", TEN_ALLOWED)));
        assertEquals(first, store.decide("r-1", LeaveStatus.REJECTED, BY_BEA, T0.plusSeconds(90)));

        assertEquals(1, store.entries(ANN).size());
        assertEquals(hundredths("-5"), sum(ANN, "annual", 2026));
    }

    @Test
    void onlyAnApprovalOfTheEmployeesOwnBalanceTakesADeduction() {
        store.create(leave("r-1"));

        assertThrows(IllegalArgumentException.class,
                () -> store.decide("r-1", LeaveStatus.REJECTED, BY_BEA, T0, deduction("1", TEN_ALLOWED)));
        Deduction dans = new Deduction(DAN, "annual", deduction("1", TEN_ALLOWED).parts());
        assertThrows(IllegalArgumentException.class, () -> approve("r-1", dans));

        assertEquals(LeaveStatus.PENDING, store.get("r-1").orElseThrow().status());
        assertEquals(List.of(), store.entries(ANN));
        assertEquals(List.of(), store.entries(DAN));
    }

    @Test
    void cancellingApprovedLeaveThatHasNotStartedRefundsItOnce() {
        store.create(leave("r-1"));
        LeaveRequest approved = approve("r-1", deduction("5", TEN_ALLOWED));
        Decision byAnn = new Decision(ANN, T0.plusSeconds(600), "plans changed");

        LeaveRequest cancelled = store.cancel("r-1", byAnn, BEFORE_MAY_4);

        assertEquals(approved.withStatus(LeaveStatus.CANCELLED, byAnn, byAnn.at()), cancelled);
        assertEquals(cancelled, store.get("r-1").orElseThrow());
        assertEquals(cancelled, store.cancel("r-1", new Decision(BEA, T0.plusSeconds(700), null), BEFORE_MAY_4), "twice");
        LedgerEntry refund = new LedgerEntry("refund/r-1/2026", ANN, "annual", 2026, Kind.REFUND, hundredths("5"), "r-1", MAY_4,
                byAnn.at(), ANN, null);
        assertEquals(List.of("taken/r-1/2026", "refund/r-1/2026"), store.entries(ANN).stream().map(LedgerEntry::id).toList());
        assertEquals(refund, store.entries(ANN).get(1));
        assertEquals(hundredths("0"), sum(ANN, "annual", 2026));
    }

    @Test
    void leaveThatHasStartedOrIsNotApprovedIsNotCancelled() {
        store.create(leave("r-started"));
        LeaveRequest started = approve("r-started", deduction("5", TEN_ALLOWED));
        LeaveRequest pending = store.create(leave("r-pending", ANN, MAY_4.plusDays(10), MAY_4.plusDays(10), T0));
        store.create(leave("r-rejected", ANN, MAY_4.plusDays(20), MAY_4.plusDays(20), T0));
        LeaveRequest rejected = store.decide("r-rejected", LeaveStatus.REJECTED, BY_BEA, T0);
        Decision byAnn = new Decision(ANN, T0.plusSeconds(600), null);

        assertEquals(started, store.cancel("r-started", byAnn, MAY_4), "it starts today");
        assertEquals(started, store.cancel("r-started", byAnn, MAY_4.plusDays(1)));
        assertEquals(pending, store.cancel("r-pending", byAnn, BEFORE_MAY_4));
        assertEquals(rejected, store.cancel("r-rejected", byAnn, BEFORE_MAY_4));

        assertEquals(List.of("taken/r-started/2026"), store.entries(ANN).stream().map(LedgerEntry::id).toList());
        assertThrows(NoSuchElementException.class, () -> store.cancel("no-such-request", byAnn, BEFORE_MAY_4));
    }

    @Test
    void approvedLeaveWithoutEntriesIsCancelledWithoutRefunds() {
        store.create(leave("r-1"));
        store.decide("r-1", LeaveStatus.APPROVED, BY_BEA, T0);

        assertEquals(LeaveStatus.CANCELLED, store.cancel("r-1", new Decision(ANN, T0.plusSeconds(5), null), BEFORE_MAY_4).status());
        assertEquals(List.of(), store.entries(ANN));
    }

    @Test
    void anAdjustmentIsKeptOncePerIdAndOnlyAdjustmentsAreAdjusted() {
        LedgerEntry first = adjustment("a-1", "2.08", T0);

        assertEquals(first, store.adjust(first));
        assertEquals(first, store.adjust(adjustment("a-1", "-3", T0.plusSeconds(5))), "the first stands");
        LedgerEntry taken = new LedgerEntry("taken/r-9/2026", ANN, "annual", 2026, Kind.TAKEN, new BigDecimal("-1"), "r-9", MAY_4,
                T0, BEA, null);
        assertThrows(IllegalArgumentException.class, () -> store.adjust(taken));
        assertThrows(IllegalArgumentException.class, () -> store.adjust(adjustment("a-2", "0.125", T0)), "hundredths only");

        assertEquals(List.of(first), store.entries(ANN));
    }

    @Test
    void entriesComeBackOldestFirstWithExactAmountsAndOnlyThePersons() {
        store.create(leave("r-1", ANN, MAY_4, MAY_4, T0));
        LedgerEntry later = store.adjust(adjustment("b-later", "7.5", T0.plusSeconds(10)));
        LedgerEntry sameTimeB = store.adjust(adjustment("b-same", "2.08", T0.plusNanos(1)));
        LedgerEntry sameTimeA = store.adjust(adjustment("a-same", "-0.01", T0.plusNanos(1)));
        store.decide("r-1", LeaveStatus.APPROVED, new Decision(null, T0, null), T0, deduction("0.5", null));
        store.adjust(new LedgerEntry("adjustment/dan", DAN, "annual", 2026, Kind.ADJUSTMENT, BigDecimal.ONE, null, null, T0, null, null));

        List<LedgerEntry> entries = store.entries(Person.ofEmail("ANN@example.com", null));

        assertEquals(List.of("taken/r-1/2026", "adjustment/a-same", "adjustment/b-same", "adjustment/b-later"),
                entries.stream().map(LedgerEntry::id).toList());
        assertEquals(List.of(hundredths("-0.5"), hundredths("-0.01"), hundredths("2.08"), hundredths("7.5")),
                entries.stream().map(LedgerEntry::amount).toList());
        assertEquals(List.of(sameTimeA, sameTimeB, later), entries.subList(1, 4));
        assertEquals(null, entries.get(0).by(), "an automatic approval is by nobody");
        assertEquals(hundredths("9.07"), sum(ANN, "annual", 2026));
    }

    @Test
    void aRequestsWorkingDaysReadBackAsCounted() {
        LeaveRequest fourDayWeek = store.create(leave("r-1").withWorkingDays(3.5));

        assertEquals(3.5, fourDayWeek.workingDays());
        assertEquals(3.5, store.get("r-1").orElseThrow().workingDays());
        assertEquals(5.0, store.create(leave("r-2")).workingDays(), "Monday to Friday");
    }

    /**
     * Eight approvals of 3 days each at once, from three stores on the same data, where 10 days may be taken:
     * exactly three are taken, whichever, and the others are refused without a trace.
     */
    @Test
    void concurrentApprovalsNeverTakeMoreThanThePolicyAllows() throws Exception {
        int requests = 8;
        for (int i = 0; i < requests; i++) {
            store.create(leave("r-" + i, ANN, MAY_4.plusDays(7L * i), MAY_4.plusDays(7L * i + 2), T0));
        }
        List<Store> stores = List.of(store, sameDataStore(), sameDataStore());
        ExecutorService pool = Executors.newFixedThreadPool(requests);
        CountDownLatch go = new CountDownLatch(1);
        try {
            List<Future<LeaveRequest>> results = new ArrayList<>();
            for (int i = 0; i < requests; i++) {
                Store on = stores.get(i % stores.size());
                String id = "r-" + i;
                results.add(pool.submit(() -> {
                    go.await();
                    return on.decide(id, LeaveStatus.APPROVED, BY_BEA, T0.plusSeconds(61), deduction("3", TEN_ALLOWED));
                }));
            }
            go.countDown();
            int approved = 0;
            for (Future<LeaveRequest> result : results) {
                approved += outcome(result) ? 1 : 0;
            }

            assertEquals(3, approved);
            assertEquals(hundredths("-9"), sum(ANN, "annual", 2026));
            assertEquals(3, store.listByEmployee(ANN).stream().filter(r -> r.status() == LeaveStatus.APPROVED).count());
            assertEquals(5, store.listByEmployee(ANN).stream().filter(r -> r.status() == LeaveStatus.PENDING).count());
        } finally {
            pool.shutdownNow();
            for (Store other : stores.subList(1, stores.size())) {
                if (other instanceof AutoCloseable closeable) {
                    closeable.close();
                }
            }
        }
    }

    /** True if the approval was taken, false if refused for the balance; anything else fails the test. */
    private static boolean outcome(Future<LeaveRequest> result) throws InterruptedException {
        try {
            assertEquals(LeaveStatus.APPROVED, result.get().status());
            return true;
        } catch (ExecutionException e) {
            if (e.getCause() instanceof InsufficientBalanceException) {
                return false;
            }
            throw new AssertionError("an approval failed otherwise", e.getCause());
        }
    }

    static LedgerEntry adjustment(String key, String amount, java.time.Instant at) {
        return new LedgerEntry(LedgerEntry.adjustmentId(key), ANN, "annual", 2026, Kind.ADJUSTMENT, new BigDecimal(amount),
                null, null, at, BEA, "correction " + key);
    }
}
