package io.leavebot.exports;

import static io.leavebot.testing.SampleLeaves.ADA;
import static io.leavebot.testing.SampleLeaves.ALAN;
import static io.leavebot.testing.SampleLeaves.BEA;
import static io.leavebot.testing.SampleLeaves.GRACE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.leavebot.leave.ApproverRouting;
import io.leavebot.leave.Decision;
import io.leavebot.leave.LeaveRequest;
import io.leavebot.leave.LeaveStatus;
import io.leavebot.store.SqliteLeaveStore;
import io.leavebot.testing.SampleLeaves;
import io.leavebot.workflow.Roles;
import java.io.StringReader;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.DateProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The feeds as a calendar client reads them: each parsed back with ical4j. Ada and Alan are in team "research",
 * Bea in "support"; today is Mon 5 Jan 2026.
 */
class CalendarFeedsTest {
    private static final Instant NOW = Instant.parse("2026-01-05T09:00:00Z");
    private static final String ROUTING = """
            {"default": {"email": "grace@example.org"},
             "teams": {"research": {"members": ["ada@example.org", "alan@example.org"], "approvers": {"email": "grace@example.org"}},
                       "support": {"members": ["bea@example.org"], "approvers": {"email": "grace@example.org"}}}}""";

    @TempDir
    java.nio.file.Path dir;
    private SqliteLeaveStore store;
    private CalendarFeeds feeds;

    @BeforeEach
    void open() {
        store = new SqliteLeaveStore(dir.resolve("leaves.db"));
        var roles = new Roles(Set.of(), ApproverRouting.fromJson(ROUTING, "routing.json"));
        feeds = new CalendarFeeds(store, store, roles, Clock.fixed(NOW, ZoneOffset.UTC), "https://leave.example.org/");
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void anOwnFeedHasAllDayEventsWithAnExclusiveEndAndKeepsItsUidWhenTheLeaveIsApproved() throws Exception {
        store.create(SampleLeaves.request("req-1", ADA, LocalDate.of(2026, 1, 12), LocalDate.of(2026, 1, 16), false, "Family visit"));
        String token = tokenOf(feeds.linksOf(ADA).own().orElseThrow());

        String pendingText = feeds.feed(token, true).orElseThrow();
        VEvent pending = onlyEvent(pendingText);
        assertEquals(0, events(feeds.feed(token, false).orElseThrow()).size(), "pending leave only when asked for");
        assertTrue(pendingText.contains("DTSTART;VALUE=DATE:20260112\r\n"), pendingText);
        assertTrue(pendingText.contains("DTEND;VALUE=DATE:20260117\r\n"), "the day after the last: " + pendingText);
        assertEquals(LocalDate.of(2026, 1, 12), date(pending, Property.DTSTART), "a date, no time and so no zone");
        assertEquals(LocalDate.of(2026, 1, 17), date(pending, Property.DTEND));
        assertEquals("req-1@leavebot", value(pending, Property.UID));
        assertEquals("0", value(pending, Property.SEQUENCE));
        assertEquals("TENTATIVE", value(pending, Property.STATUS));
        assertEquals("Ada Lovelace: annual leave (pending)", value(pending, Property.SUMMARY));
        assertEquals("Family visit", value(pending, Property.DESCRIPTION));
        assertEquals("My leave (LeaveBot)", parse(pendingText).getProperty("X-WR-CALNAME").map(Property::getValue).orElseThrow());

        Instant approvedAt = Instant.parse("2026-01-06T14:05:00Z");
        store.decide("req-1", LeaveStatus.APPROVED, new Decision(GRACE, approvedAt, null), approvedAt, null);
        VEvent approved = onlyEvent(feeds.feed(token, false).orElseThrow());
        assertEquals("req-1@leavebot", value(approved, Property.UID), "the same event, updated");
        assertEquals("1", value(approved, Property.SEQUENCE), "a higher SEQUENCE, so clients take the change");
        assertEquals("CONFIRMED", value(approved, Property.STATUS));
        assertEquals("20260105T090000Z", value(pending, Property.LAST_MODIFIED), "when the request was made");
        assertEquals("20260106T140500Z", value(approved, Property.LAST_MODIFIED), "when it was approved");
        assertEquals("20260106T140500Z", value(approved, Property.DTSTAMP));
        assertEquals(1, approved.getProperties(Property.DTSTAMP).size());
    }

    @Test
    void aTeamFeedShowsWhoOfTheTeamIsOutWithoutTypesOrReasonsAndNoOtherTeam() throws Exception {
        approved(SampleLeaves.request("req-ada", ADA, LocalDate.of(2026, 1, 12), LocalDate.of(2026, 1, 16), false, "Surgery"));
        approved(SampleLeaves.request("req-bea", BEA, LocalDate.of(2026, 1, 12), LocalDate.of(2026, 1, 12), false, "Moving house"));
        approved(SampleLeaves.request("req-alan", ALAN, LocalDate.of(2026, 2, 2), LocalDate.of(2026, 2, 2), true, null));

        String text = feeds.feed(tokenOf(feeds.linksOf(ALAN).team().orElseThrow()), false).orElseThrow();

        List<VEvent> events = events(text);
        assertEquals(List.of("Ada Lovelace is out", "Alan Turing is out (half day)"),
                events.stream().map(e -> value(e, Property.SUMMARY)).toList());
        assertFalse(text.contains("Surgery") || text.contains("annual") || text.contains("DESCRIPTION"), text);
        assertFalse(text.contains("Bea"), "another team's leave: " + text);
        assertEquals("TRANSPARENT", value(events.get(0), Property.TRANSP), "others' leave does not make the subscriber busy");
        assertTrue(text.contains("X-WR-CALNAME:Who's out: research"), text);
    }

    @Test
    void aRotatedTokenOpensNothingAndTheNewOneDoes() throws Exception {
        approved(SampleLeaves.request("req-1", ADA, LocalDate.of(2026, 1, 12), LocalDate.of(2026, 1, 16), false, null));
        CalendarFeeds.Links first = feeds.linksOf(ADA);
        CalendarFeeds.Links again = feeds.linksOf(ADA);
        CalendarFeeds.Links rotated = feeds.rotate(ADA);

        assertTrue(first.fresh());
        assertFalse(again.fresh(), "links are shown once: only their hashes are kept");
        assertEquals(first.madeAt(), again.madeAt());
        assertEquals(Optional.empty(), feeds.feed(tokenOf(first.own().orElseThrow()), false));
        assertEquals(Optional.empty(), feeds.feed(tokenOf(first.team().orElseThrow()), false));
        assertEquals(1, events(feeds.feed(tokenOf(rotated.own().orElseThrow()), false).orElseThrow()).size());
        assertTrue(feeds.feed(tokenOf(rotated.team().orElseThrow()), false).isPresent());
    }

    @Test
    void unknownAndMalformedTokensOpenNothing() {
        feeds.linksOf(ADA);
        assertEquals(Optional.empty(), feeds.feed(FeedToken.random(), false));
        assertEquals(Optional.empty(), feeds.feed("../../etc/passwd", false));
        assertEquals(Optional.empty(), feeds.feed("", false));
        assertEquals(Optional.empty(), feeds.feed(null, false));
    }

    @Test
    void cancelledLeaveAndLeaveOutsideTheWindowAreNotInTheFeed() throws Exception {
        approved(SampleLeaves.request("req-cancel", ADA, LocalDate.of(2026, 1, 12), LocalDate.of(2026, 1, 16), false, null));
        approved(SampleLeaves.request("req-far", ADA, LocalDate.of(2027, 3, 1), LocalDate.of(2027, 3, 5), false, null));
        approved(SampleLeaves.request("req-old", ADA, LocalDate.of(2025, 9, 1), LocalDate.of(2025, 9, 5), false, null));
        approved(SampleLeaves.request("req-kept", ADA, LocalDate.of(2026, 12, 21), LocalDate.of(2026, 12, 23), false, null));
        store.cancel("req-cancel", new Decision(ADA, NOW, null), LocalDate.of(2026, 1, 5));

        String text = feeds.feed(tokenOf(feeds.linksOf(ADA).own().orElseThrow()), true).orElseThrow();

        assertEquals(List.of("req-kept@leavebot"), events(text).stream().map(e -> value(e, Property.UID)).toList(),
                "3 months back, 12 ahead; cancelled leave gone, so subscribed clients drop it");
    }

    @Test
    void theOrganisationsFeedHasEveryonesLeaveInFull() throws Exception {
        approved(SampleLeaves.request("req-ada", ADA, LocalDate.of(2026, 1, 12), LocalDate.of(2026, 1, 16), false, "Surgery"));
        approved(SampleLeaves.request("req-bea", BEA, LocalDate.of(2026, 1, 12), LocalDate.of(2026, 1, 12), false, "Moving"));

        List<VEvent> events = events(feeds.organisation(false));

        assertEquals(List.of("Ada Lovelace: annual leave", "Bea Baker: annual leave"),
                events.stream().map(e -> value(e, Property.SUMMARY)).toList());
        assertEquals("Surgery", value(events.get(0), Property.DESCRIPTION));
    }

    private void approved(LeaveRequest request) {
        store.create(request);
        store.decide(request.id(), LeaveStatus.APPROVED, new Decision(GRACE, NOW, null), NOW, null);
    }

    static String tokenOf(String link) {
        assertTrue(link.startsWith("https://leave.example.org/calendar/") && link.endsWith(".ics"), link);
        return link.substring("https://leave.example.org/calendar/".length(), link.length() - ".ics".length());
    }

    static Calendar parse(String text) throws Exception {
        return new CalendarBuilder().build(new StringReader(text));
    }

    static List<VEvent> events(String text) throws Exception {
        return parse(text).getComponents(Component.VEVENT);
    }

    private static VEvent onlyEvent(String text) throws Exception {
        List<VEvent> events = events(text);
        assertEquals(1, events.size(), text);
        return events.get(0);
    }

    static String value(VEvent event, String property) {
        return event.getProperty(property).map(Property::getValue).orElse(null);
    }

    private static Object date(VEvent event, String property) {
        return event.<DateProperty<?>>getProperty(property).orElseThrow().getDate();
    }
}
