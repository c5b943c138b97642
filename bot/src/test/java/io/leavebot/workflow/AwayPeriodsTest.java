package io.leavebot.workflow;

import io.leavebot.leave.ApprovalChain;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.leavebot.leave.AwayPeriod;
import io.leavebot.leave.Decision;
import io.leavebot.leave.LeaveRequest;
import io.leavebot.leave.LeaveStatus;
import io.leavebot.leave.Person;
import io.leavebot.store.SqliteLeaveStore;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link AwayPeriods}: what a declaration must say, what it changes, and who acts for an approver on a day. */
class AwayPeriodsTest {
    static final Person GRACE = Person.ofEmail("grace@example.org", "Grace Hopper");
    static final Person ALAN = Person.ofEmail("alan@example.org", "Alan Turing");
    static final Person ADA = Person.ofEmail("ada@example.org", "Ada Lovelace");
    static final Person KATE = Person.ofEmail("kate@example.org", "Kate");
    /** Monday 4 January 2027. */
    static final Instant NOW = Instant.parse("2027-01-04T10:30:00Z");
    static final LocalDate TODAY = LocalDate.of(2027, 1, 4);
    static final LocalDate JAN_10 = LocalDate.of(2027, 1, 10);
    static final LocalDate JAN_20 = LocalDate.of(2027, 1, 20);

    @TempDir
    Path dir;
    SqliteLeaveStore store;
    final List<Person> changed = new ArrayList<>();
    AwayPeriods away;

    @BeforeEach
    void open() {
        store = new SqliteLeaveStore(dir.resolve("leaves.db"));
        away = new AwayPeriods(store, store, Clock.fixed(NOW, ZoneId.of("UTC")), changed::add);
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void aDeclarationIsSavedListedAndHeardOf() {
        AwayPeriods.Result result = away.declare(GRACE, JAN_10, JAN_20, ALAN);

        assertTrue(result.saved());
        assertEquals(new AwayPeriod(GRACE, JAN_10, JAN_20, ALAN, NOW), result.period());
        assertEquals(List.of(result.period()), away.list(GRACE));
        assertEquals(List.of(GRACE), changed);
    }

    @Test
    void everyFieldErrorIsNamedAtOnceAndNothingIsSaved() {
        AwayPeriods.Result result = away.declare(GRACE, TODAY.minusDays(1), TODAY.minusDays(2), null);

        assertFalse(result.saved());
        assertEquals(Set.of(AwayPeriods.FROM, AwayPeriods.TO, AwayPeriods.STAND_IN), result.errors().keySet());
        assertTrue(result.errors().get(AwayPeriods.FROM).contains("in the past"), result.errors().toString());
        assertTrue(result.errors().get(AwayPeriods.TO).contains("before the first"), result.errors().toString());
        assertEquals(List.of(), away.list(GRACE));
        assertEquals(List.of(), changed);
    }

    @Test
    void todayIsNotInThePastButAPeriodLongerThanAYearIsRefused() {
        assertTrue(away.declare(GRACE, TODAY, TODAY, ALAN).saved());

        AwayPeriods.Result tooLong = away.declare(GRACE, JAN_10, JAN_10.plusDays(AwayPeriods.LONGEST), ALAN);

        assertEquals(Set.of(AwayPeriods.TO), tooLong.errors().keySet());
        assertTrue(tooLong.errors().get(AwayPeriods.TO).contains("367 days"), tooLong.errors().toString());
        assertTrue(away.declare(GRACE, JAN_10, JAN_10.plusDays(AwayPeriods.LONGEST - 1), ALAN).saved());
    }

    @Test
    void nobodyStandsInForThemselvesOrWithoutAnEmailAddress() {
        var self = away.declare(GRACE, JAN_10, JAN_20, Person.ofEmail("GRACE@example.org", null));
        var noAddress = away.declare(GRACE, JAN_10, JAN_20, Person.ofChatUser("slack", "U0NOMAIL", "Nomail"));
        var standingSelf = away.setStandIn(GRACE, GRACE);

        assertTrue(self.errors().get(AwayPeriods.STAND_IN).contains("yourself"));
        assertTrue(noAddress.errors().get(AwayPeriods.STAND_IN).contains("e-mail address for Nomail"));
        assertEquals(Set.of(AwayPeriods.STAND_IN), standingSelf.errors().keySet());
        assertEquals(List.of(), changed);
    }

    @Test
    void cancelRemovesThePeriodAndSaysWhenThereWasNone() {
        away.declare(GRACE, JAN_10, JAN_20, ALAN);

        assertFalse(away.cancel(GRACE, JAN_20));
        assertTrue(away.cancel(GRACE, JAN_10));

        assertEquals(List.of(), away.list(GRACE));
        assertEquals(List.of(GRACE, GRACE), changed);
    }

    @Test
    void theDeclaredStandInActsOnTheDaysOfThePeriodOnly() {
        away.declare(GRACE, JAN_10, JAN_20, ALAN);

        assertEquals(Optional.of(ALAN), away.actingFor(GRACE, JAN_10));
        assertEquals(Optional.of(ALAN), away.actingFor(GRACE, JAN_20));
        assertEquals(Optional.empty(), away.actingFor(GRACE, JAN_20.plusDays(1)));
        assertEquals(Optional.empty(), away.actingFor(ALAN, JAN_10));
    }

    @Test
    void onApprovedLeaveTheStandingStandInActsButNotWhileTheLeaveOnlyWaits() {
        away.setStandIn(GRACE, KATE);
        leave("r-approved", JAN_10, JAN_20, LeaveStatus.APPROVED);
        leave("r-waiting", JAN_20.plusDays(5), JAN_20.plusDays(6), null);

        assertEquals(Optional.of(KATE), away.actingFor(GRACE, JAN_10));
        assertEquals(Optional.empty(), away.actingFor(GRACE, JAN_20.plusDays(5)));
        assertEquals(Optional.empty(), away.actingFor(GRACE, JAN_20.plusDays(1)));
        away.setStandIn(GRACE, null);
        assertEquals(Optional.empty(), away.actingFor(GRACE, JAN_10));
    }

    @Test
    void aDeclaredPeriodWinsOverTheStandingStandIn() {
        away.setStandIn(GRACE, KATE);
        leave("r-approved", JAN_10, JAN_20, LeaveStatus.APPROVED);
        away.declare(GRACE, JAN_10, JAN_10, ALAN);

        assertEquals(Optional.of(ALAN), away.actingFor(GRACE, JAN_10));
        assertEquals(Optional.of(KATE), away.actingFor(GRACE, JAN_10.plusDays(1)));
    }

    @Test
    void aStandInWhoIsAwayTooHandsOnToTheirOwn() {
        away.declare(GRACE, JAN_10, JAN_20, ALAN);
        away.declare(ALAN, JAN_10, JAN_10.plusDays(2), KATE);

        assertEquals(Optional.of(KATE), away.actingFor(GRACE, JAN_10));
        assertEquals(Optional.of(ALAN), away.actingFor(GRACE, JAN_20));
    }

    @Test
    void aChainThatComesBackStopsBeforeTheLoopAndALongOneAfterAFewHops() {
        away.declare(GRACE, JAN_10, JAN_20, ALAN);
        away.declare(ALAN, JAN_10, JAN_20, GRACE);
        assertEquals(Optional.of(ALAN), away.actingFor(GRACE, JAN_10));

        Person ed = Person.ofEmail("ed@example.org", "Ed");
        away.declare(ALAN, JAN_10, JAN_20, KATE);
        away.declare(KATE, JAN_10, JAN_20, ADA);
        away.declare(ADA, JAN_10, JAN_20, ed);
        assertEquals(Optional.of(ADA), away.actingFor(GRACE, JAN_10), "three hops: Alan, Kate, Ada");
    }

    private void leave(String id, LocalDate start, LocalDate end, LeaveStatus decided) {
        store.create(new LeaveRequest(id, GRACE, ApprovalChain.single(ADA), "annual", start, end, false, null, LeaveStatus.PENDING, NOW, NOW,
                null, LeaveRequest.executionNameFor(id)));
        if (decided != null) {
            store.decide(id, decided, new Decision(ADA, NOW, null), NOW);
        }
    }
}
