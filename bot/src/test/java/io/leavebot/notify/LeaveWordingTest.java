package io.leavebot.notify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.leavebot.leave.LeaveRequest;
import io.leavebot.leave.LeaveStatus;
import io.leavebot.leave.Person;
import io.leavebot.testing.SampleLeaves;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LeaveWordingTest {

    @Test
    void aHalfDayReadsAsHalfADay() {
        LeaveRequest halfDay = on(LocalDate.of(2026, 1, 13), LocalDate.of(2026, 1, 13), true);

        assertEquals("Tue 13 Jan 2026 (half day)", LeaveWording.dates(halfDay));
        assertEquals("half a day", LeaveWording.workingDays(halfDay));
    }

    @Test
    void aSingleDayShowsOneDateAndOneWorkingDay() {
        LeaveRequest oneDay = on(LocalDate.of(2026, 9, 7), LocalDate.of(2026, 9, 7), false);

        assertEquals("Mon 7 Sep 2026", LeaveWording.dates(oneDay));
        assertEquals("1 working day", LeaveWording.workingDays(oneDay));
    }

    @Test
    void weekendsAreNotWorkingDays() {
        assertEquals("no working days", LeaveWording.workingDays(on(LocalDate.of(2026, 1, 17), LocalDate.of(2026, 1, 18), false)));
        assertEquals("6 working days", LeaveWording.workingDays(on(LocalDate.of(2026, 1, 12), LocalDate.of(2026, 1, 19), false)));
    }

    @Test
    void leaveTypesReadAsPhrases() {
        assertEquals("5 working days of annual leave", LeaveWording.amount(SampleLeaves.pending()));
        LeaveRequest p = SampleLeaves.pending();
        LeaveRequest parental = new LeaveRequest(p.id(), p.employee(), p.chain(), "Parental leave", p.start(), p.end(),
                false, null, p.status(), p.createdAt(), p.updatedAt(), null, p.executionName());
        assertEquals("parental leave", LeaveWording.typePhrase(parental));
    }

    @Test
    void peopleWithoutADisplayNameAreNamedByEmailAndGreetedPolitely() {
        Person noName = Person.ofEmail("lin@example.org", null);
        Person slackOnly = Person.ofChatUser("slack", "U0SLACK", null);

        assertEquals("lin@example.org", LeaveWording.name(noName));
        assertEquals("Hello,", LeaveWording.greeting(noName));
        assertEquals("a colleague", LeaveWording.name(slackOnly));
        assertEquals("Chris' leave", LeaveWording.possessive("Chris") + " leave");
    }

    @Test
    void momentsAreShownInTheConfiguredZone() {
        Instant at = Instant.parse("2026-07-06T14:05:00Z");

        assertEquals("Mon 6 Jul 2026, 14:05 UTC", new LeaveWording(ZoneOffset.UTC).moment(at));
        assertEquals("Mon 6 Jul 2026, 16:05 CEST", new LeaveWording(ZoneId.of("Europe/Berlin")).moment(at));
    }

    @Test
    void atMostFivePeopleAwayAreNamed() {
        List<LeaveRequest> away = new ArrayList<>();
        for (int i = 1; i <= 7; i++) {
            away.add(SampleLeaves.request("r" + i, Person.ofEmail("p" + i + "@example.org", "Person " + i),
                    LocalDate.of(2026, 1, 12), LocalDate.of(2026, 1, 12), false, null));
        }

        String text = LeaveWording.alsoAway(away);

        assertTrue(text.startsWith("Person 1 (Mon 12 Jan 2026, not decided yet); Person 2"));
        assertTrue(text.endsWith("Person 5 (Mon 12 Jan 2026, not decided yet); and 2 others"));
    }

    @Test
    void remindersAreCountedInWords() {
        assertEquals("the first reminder", LeaveWording.reminder(1));
        assertEquals("the third reminder", LeaveWording.reminder(3));
        assertEquals("reminder number 4", LeaveWording.reminder(4));
        assertEquals("a reminder", LeaveWording.reminder(0));
    }

    private static LeaveRequest on(LocalDate start, LocalDate end, boolean halfDay) {
        return SampleLeaves.request("r", SampleLeaves.ADA, start, end, halfDay, null)
                .withStatus(LeaveStatus.PENDING, null, SampleLeaves.CREATED);
    }
}
