package io.leavebot.calendar;

import static io.leavebot.testing.SampleLeaves.ADA;
import static io.leavebot.testing.SampleLeaves.ALAN;
import static io.leavebot.testing.SampleLeaves.BEA;
import static io.leavebot.testing.SampleLeaves.GRACE;
import static io.leavebot.testing.SampleLeaves.HANA;
import static io.leavebot.testing.SampleLeaves.IVAN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.leavebot.balance.Holidays;
import io.leavebot.balance.WorkingCalendar;
import io.leavebot.balance.WorkingWeek;
import io.leavebot.leave.ApprovalChain;
import io.leavebot.leave.ApproverRouting;
import io.leavebot.leave.Decision;
import io.leavebot.leave.LeaveRequest;
import io.leavebot.leave.LeaveStatus;
import io.leavebot.leave.Person;
import io.leavebot.store.SqliteLeaveStore;
import io.leavebot.testing.SampleLeaves;
import io.leavebot.workflow.Roles;
import io.leavebot.workflow.Roles.Sight;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The week of Mon 12 Jan 2026: Ada and Alan are in team "platform" (Grace approves), Hana in "support" (Ivan
 * approves), Bea is an admin. Wed 14 Jan is a company day off. Ada has approved leave Thu 15 – Mon 19 Jan (across a
 * weekend), Alan asks for Mon 12 – Wed 14 Jan (pending), Hana has Tue 13 Jan approved, and Ivan's rejected request
 * for the week shows nowhere.
 */
class TeamCalendarTest {
    static final LocalDate MON = LocalDate.of(2026, 1, 12);
    static final String ROUTING = """
            {"default": {"email": "grace@example.org"},
             "teams": {"platform": {"members": ["ada@example.org", "alan@example.org"], "approvers": {"email": "grace@example.org"}},
                       "support": {"members": ["hana@example.org", "ivan@example.org"], "approvers": {"email": "ivan@example.org"}}}}""";
    static final WorkingCalendar WORKING_DAYS = new WorkingCalendar(WorkingWeek.MONDAY_TO_FRIDAY, new Holidays(), null, null,
            Map.of(MON.plusDays(2), "Founders' day"));

    @TempDir
    Path dir;
    SqliteLeaveStore store;
    TeamCalendar calendar;

    @BeforeEach
    void recordTheWeek() {
        store = new SqliteLeaveStore(dir.resolve("leavebot.db"));
        approved(leave("ada-1", ADA, GRACE, MON.plusDays(3), MON.plusDays(7), "Wedding"));
        store.create(leave("alan-1", ALAN, GRACE, MON, MON.plusDays(2), "Moving house"));
        approved(leave("hana-1", HANA, IVAN, MON.plusDays(1), MON.plusDays(1), "Dentist"));
        store.create(leave("ivan-1", IVAN, GRACE, MON, MON.plusDays(4), null));
        store.decide("ivan-1", LeaveStatus.REJECTED, new Decision(GRACE, Instant.EPOCH, "no"), Instant.EPOCH);
        calendar = calendarWith(ROUTING);
    }

    @AfterEach
    void closeStore() {
        store.close();
    }

    @Test
    void anEmployeeSeesColleaguesOutWithoutTypesOrReasonsAndNotAnotherTeam() {
        CalendarView week = calendar.week(ALAN, MON.plusDays(2));

        assertEquals(1, week.teams().size());
        TeamGroup platform = week.teams().get(0);
        assertEquals("platform", platform.team());
        assertEquals(List.of(ADA, ALAN), platform.people().stream().map(PersonRow::person).toList());
        Absence adas = platform.people().get(0).absences().get(0);
        assertEquals(Sight.OUT_ONLY, adas.sight());
        assertNull(adas.type());
        assertNull(adas.reason());
        Absence own = platform.people().get(1).absences().get(0);
        assertEquals("Moving house", own.reason());
        assertEquals("annual", own.type());
    }

    @Test
    void anApproverSeesTheirTeamsLeaveInFullAndNotTheOtherTeams() {
        CalendarView week = calendar.week(GRACE, MON);

        assertEquals(List.of("platform"), week.teams().stream().map(TeamGroup::team).toList());
        List<Absence> seen = week.teams().get(0).people().stream().flatMap(row -> row.absences().stream()).toList();
        assertEquals(List.of("Wedding", "Moving house"), seen.stream().map(Absence::reason).toList());
        assertTrue(seen.stream().allMatch(a -> a.sight() == Sight.FULL));
    }

    @Test
    void anAdminSeesEveryoneByTeamAndRejectedLeaveNowhere() {
        CalendarView week = calendar.week(BEA, MON);

        assertEquals(List.of("platform", "support"), week.teams().stream().map(TeamGroup::team).toList());
        assertEquals(List.of(HANA), week.teams().get(1).people().stream().map(PersonRow::person).toList());
        assertEquals("Dentist", week.teams().get(1).people().get(0).absences().get(0).reason());
    }

    @Test
    void pendingIsMarkedAndDaysOffInsideALeaveAreNotOut() {
        CalendarView week = calendar.week(BEA, MON);
        PersonRow ada = week.teams().get(0).people().get(0);
        PersonRow alan = week.teams().get(0).people().get(1);

        assertEquals(List.of(DayMark.PENDING, DayMark.PENDING, DayMark.DAY_OFF, DayMark.IN, DayMark.IN, DayMark.IN, DayMark.IN),
                marks(alan, week));
        assertEquals(List.of(DayMark.IN, DayMark.IN, DayMark.IN, DayMark.OUT, DayMark.OUT, DayMark.DAY_OFF, DayMark.DAY_OFF),
                marks(ada, week));
        assertEquals(List.of(false, false, false, false, false, true, true),
                week.days().stream().map(CalendarDay::weekend).toList());
        assertEquals(List.of(ALAN, HANA), week.awayOn(MON.plusDays(1)).stream().map(a -> a.row().person()).toList());
        assertTrue(week.awayOn(MON.plusDays(2)).isEmpty(), "nobody is out on a company day off");
    }

    @Test
    void whosOutSaysWhoIsOutOnTheDayAndLaterThatWeekInAColleaguesWords() {
        WhosOut words = calendar.whosOut(ALAN, MON.plusDays(1));

        assertEquals(List.of(
                "Who is out on Tue 13 Jan 2026",
                "",
                "platform",
                "• Alan Turing — annual leave (pending), back Thu 15 Jan",
                "Also later this week:",
                "• Ada Lovelace — out from Thu 15 Jan, back Tue 20 Jan"), words.lines());
    }

    @Test
    void whosOutWithoutTeamsIsOneGroupAndSaysSoWhenNobodyIsOut() {
        TeamCalendar withoutTeams = calendarWith("{\"default\": {\"email\": \"grace@example.org\"}}");

        WhosOut friday = withoutTeams.whosOut(IVAN, MON.plusDays(4));
        WhosOut saturday = withoutTeams.whosOut(IVAN, MON.plusDays(5));
        WhosOut nextWeek = withoutTeams.whosOut(IVAN, MON.plusDays(14));

        assertEquals(List.of("Who is out on Fri 16 Jan 2026", "", "• Ada Lovelace — out, back Tue 20 Jan"), friday.lines());
        assertTrue(saturday.nobodyOut(), "a weekend inside a leave is not a day out");
        assertEquals(List.of("Who is out on Mon 26 Jan 2026", "Nobody you can see is out on Mon 26 Jan 2026 or later that week."),
                nextWeek.lines());
    }

    @Test
    void aPeriodTooLongOrBackwardsIsRefusedWithAClearMessage() {
        IllegalArgumentException tooLong = assertThrows(IllegalArgumentException.class,
                () -> calendar.view(BEA, MON, MON.plusYears(1)));
        IllegalArgumentException backwards = assertThrows(IllegalArgumentException.class,
                () -> calendar.view(BEA, MON, MON.minusDays(1)));

        assertEquals("A calendar covers at most 62 days; 2026-01-12 to 2027-01-12 is longer. Please ask for a shorter period.",
                tooLong.getMessage());
        assertEquals("The calendar's last day (2026-01-11) is before its first day (2026-01-12).", backwards.getMessage());
    }

    private TeamCalendar calendarWith(String routing) {
        Roles roles = new Roles(Set.of(BEA.key()), ApproverRouting.fromJson(routing, "routing.json"));
        return new TeamCalendar(store::forEachOverlapping, roles, person -> WORKING_DAYS);
    }

    private static List<DayMark> marks(PersonRow row, CalendarView view) {
        return view.days().stream().map(day -> row.markOn(day.date())).toList();
    }

    private void approved(LeaveRequest leave) {
        store.create(leave);
        store.decide(leave.id(), LeaveStatus.APPROVED, new Decision(leave.chain().stages().get(0).approvers().get(0).approver(),
                Instant.EPOCH, null), Instant.EPOCH);
    }

    private static LeaveRequest leave(String id, Person employee, Person approver, LocalDate start, LocalDate end, String reason) {
        LeaveRequest sample = SampleLeaves.request(id, employee, start, end, false, reason);
        return sample.withChain(ApprovalChain.single(approver));
    }
}
