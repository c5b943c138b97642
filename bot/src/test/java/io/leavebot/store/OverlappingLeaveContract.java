package io.leavebot.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.leavebot.leave.ApprovalChain;
import io.leavebot.leave.Decision;
import io.leavebot.leave.LeaveRequest;
import io.leavebot.leave.LeaveStatus;
import io.leavebot.leave.Person;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What {@link io.leavebot.leave.LeaveStore#forEachOverlapping} and {@code listOverlapping} promise, on every store:
 * everyone's PENDING and APPROVED leave sharing a day with the period, by employee key, start and id.
 */
abstract class OverlappingLeaveContract {
    static final Person ANN = Person.ofEmail("ann@example.com", "Ann");
    static final Person DAN = Person.ofEmail("dan@example.com", "Dan");
    static final Person BEA = Person.ofEmail("bea@example.com", "Bea Boss");
    static final Person CLEO = Person.ofChatUser("slack", "U0CLEO", "Cleo");
    static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");
    static final LocalDate MAY_4 = LocalDate.of(2026, 5, 4);

    Store store;

    abstract Store newStore() throws Exception;

    @BeforeEach
    void openStore() throws Exception {
        store = newStore();
    }

    @AfterEach
    void closeStore() throws Exception {
        if (store instanceof AutoCloseable closeable) {
            closeable.close();
        }
    }

    static LeaveRequest leave(String id, Person employee, LocalDate start, LocalDate end) {
        return new LeaveRequest(id, employee, ApprovalChain.single(BEA), "annual", start, end, false, "trip", LeaveStatus.PENDING,
                T0, T0, null, LeaveRequest.executionNameFor(id));
    }

    LeaveRequest approve(LeaveRequest request) {
        store.create(request);
        return store.decide(request.id(), LeaveStatus.APPROVED, new Decision(BEA, T0, null), T0);
    }

    private List<String> idsOverlapping(LocalDate from, LocalDate to) {
        return store.listOverlapping(from, to).stream().map(LeaveRequest::id).toList();
    }

    @Test
    void everyonesOpenLeaveComesByEmployeeThenStartThenIdWithTheEdgesIncluded() {
        store.create(leave("r-dan-2", DAN, MAY_4.plusDays(3), MAY_4.plusDays(8)));
        LeaveRequest annApproved = approve(leave("r-ann-b", ANN, MAY_4, MAY_4));
        store.create(leave("r-ann-a", ANN, MAY_4, MAY_4.plusDays(1)));
        store.create(leave("r-cleo", CLEO, MAY_4.minusDays(9), MAY_4));
        store.create(leave("r-dan-1", DAN, MAY_4.minusDays(2), MAY_4.plusDays(1)));
        store.create(leave("r-before", ANN, MAY_4.minusDays(9), MAY_4.minusDays(1)));
        store.create(leave("r-after", DAN, MAY_4.plusDays(5), MAY_4.plusDays(9)));

        assertEquals(List.of("r-ann-a", "r-ann-b", "r-dan-1", "r-dan-2", "r-cleo"), idsOverlapping(MAY_4, MAY_4.plusDays(4)));
        assertEquals(annApproved, store.listOverlapping(MAY_4, MAY_4).get(1));
    }

    @Test
    void rejectedExpiredWithdrawnAndCancelledLeaveIsLeftOut() {
        store.create(leave("r-pending", ANN, MAY_4, MAY_4));
        for (LeaveStatus closed : List.of(LeaveStatus.REJECTED, LeaveStatus.EXPIRED, LeaveStatus.CANCELLED)) {
            store.create(leave("r-" + closed, DAN, MAY_4, MAY_4.plusDays(1)));
            store.decide("r-" + closed, closed, new Decision(null, T0, null), T0);
        }
        approve(leave("r-cancelled-later", CLEO, MAY_4, MAY_4));
        store.cancel("r-cancelled-later", new Decision(CLEO, T0, null), MAY_4.minusDays(1));

        assertEquals(List.of("r-pending"), idsOverlapping(MAY_4, MAY_4.plusDays(1)));
    }

    @Test
    void leaveStartingMonthsOrAYearBeforeThePeriodIsFound() {
        store.create(leave("r-new-year", ANN, LocalDate.of(2026, 12, 21), LocalDate.of(2027, 1, 8)));
        approve(leave("r-sabbatical", DAN, LocalDate.of(2026, 9, 1), LocalDate.of(2027, 2, 26)));
        store.create(leave("r-december", CLEO, LocalDate.of(2026, 12, 1), LocalDate.of(2026, 12, 31)));

        assertEquals(List.of("r-new-year", "r-sabbatical"), idsOverlapping(LocalDate.of(2027, 1, 4), LocalDate.of(2027, 1, 10)));
        assertEquals(List.of("r-sabbatical"), idsOverlapping(LocalDate.of(2027, 2, 26), LocalDate.of(2027, 3, 31)));
        assertEquals(List.of(), idsOverlapping(LocalDate.of(2027, 2, 27), LocalDate.of(2027, 3, 31)));
    }

    @Test
    void manyRequestsAcrossMonthsAreHandedOverOneByOneInOrder() {
        List<String> expected = new ArrayList<>();
        for (Person person : List.of(ANN, DAN)) {
            IntStream.range(0, 130).forEach(i -> {
                String id = person.displayName() + "-" + String.format("%03d", i);
                store.create(leave(id, person, MAY_4.plusDays(i % 65), MAY_4.plusDays(i % 65)));
            });
        }
        store.listOverlapping(MAY_4, MAY_4.plusDays(64)).forEach(r -> expected.add(r.id()));
        List<String> streamed = new ArrayList<>();

        store.forEachOverlapping(MAY_4, MAY_4.plusDays(64), r -> streamed.add(r.id()));

        assertEquals(260, streamed.size());
        assertEquals(expected, streamed);
        assertEquals(List.of("Ann-000", "Ann-065", "Ann-001"), streamed.subList(0, 3), "by start, then id");
        assertEquals("Dan-000", streamed.get(130));
    }
}
