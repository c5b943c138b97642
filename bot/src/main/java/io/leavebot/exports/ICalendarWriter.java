package io.leavebot.exports;

import io.leavebot.leave.LeaveRequest;
import io.leavebot.leave.LeaveStatus;
import io.leavebot.workflow.Roles.Sight;
import java.io.IOException;
import java.io.StringWriter;
import java.time.Instant;
import net.fortuna.ical4j.data.CalendarOutputter;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.DtStamp;
import net.fortuna.ical4j.model.property.LastModified;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.Sequence;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.XProperty;
import net.fortuna.ical4j.model.property.immutable.ImmutableCalScale;
import net.fortuna.ical4j.model.property.immutable.ImmutableMethod;
import net.fortuna.ical4j.model.property.immutable.ImmutableStatus;
import net.fortuna.ical4j.model.property.immutable.ImmutableTransp;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;
import net.fortuna.ical4j.validate.ValidationException;

/**
 * Leave as an iCalendar (RFC 5545) feed, with ical4j: one all-day event per request ({@code DTSTART;VALUE=DATE},
 * {@code DTEND} the day after the last, exclusive as RFC 5545 says), so no time zone is involved and no client shifts
 * a day. Clients subscribed to the feed update an event rather than add a second one because its {@code UID}
 * ({@code <request id>@leavebot}) never changes and its {@code SEQUENCE} rises with each change a reader can see
 * (pending 0, approved 1). {@code DTSTAMP} and {@code LAST-MODIFIED} are when the request last changed.
 * Cancelled, rejected and expired leave is simply absent: subscribed clients (Google, Apple, Outlook) drop events a
 * refreshed feed no longer has, while {@code STATUS:CANCELLED} shows up struck through in some and not at all in others.
 */
final class ICalendarWriter {
    private static final String PRODUCT = "-//LeaveBot//Leave calendar//EN";

    private final Calendar calendar = new Calendar();

    /** @param name what clients call the calendar ({@code X-WR-CALNAME}) */
    ICalendarWriter(String name) {
        calendar.add(new ProdId(PRODUCT));
        calendar.add(ImmutableVersion.VERSION_2_0);
        calendar.add(ImmutableCalScale.GREGORIAN);
        calendar.add(ImmutableMethod.PUBLISH);
        calendar.add(new XProperty("X-WR-CALNAME", name));
        // how often a client should fetch again: the same as RFC 7986's REFRESH-INTERVAL, which fewer clients read
        calendar.add(new XProperty("X-PUBLISHED-TTL", "PT1H"));
    }

    /**
     * Adds the request as {@code sight} allows: FULL names the type and carries the reason; OUT_ONLY says only that
     * the person is out, and whether it is approved or pending.
     *
     * @param busy whether the days show as busy in the subscriber's own free/busy (their own leave), not just as
     *             information (other people's)
     */
    void add(LeaveRequest leave, Sight sight, boolean busy) {
        boolean pending = leave.status() == LeaveStatus.PENDING;
        StringBuilder summary = new StringBuilder(leave.employee().name());
        summary.append(sight == Sight.FULL ? ": " + leave.type() + " leave" : " is out");
        if (leave.halfDay()) {
            summary.append(" (half day)");
        }
        if (pending) {
            summary.append(" (pending)");
        }
        VEvent event = new VEvent(leave.start(), leave.end().plusDays(1), summary.toString());
        Instant changed = leave.updatedAt() != null ? leave.updatedAt() : leave.createdAt() != null ? leave.createdAt() : Instant.EPOCH;
        event.add(new Uid(leave.id() + "@leavebot"));
        event.add(new Sequence(pending ? 0 : 1));
        event.replace(new DtStamp(changed)); // the constructor stamped it with now: a feed fetched twice would differ
        event.add(new LastModified(changed));
        event.add(pending ? ImmutableStatus.VEVENT_TENTATIVE : ImmutableStatus.VEVENT_CONFIRMED);
        event.add(busy ? ImmutableTransp.OPAQUE : ImmutableTransp.TRANSPARENT);
        // Outlook reads all-day events reliably only with this hint
        event.add(new XProperty("X-MICROSOFT-CDO-ALLDAYEVENT", "TRUE"));
        if (sight == Sight.FULL && leave.reason() != null && !leave.reason().isBlank()) {
            event.add(new Description(leave.reason()));
        }
        calendar.add(event);
    }

    /** The feed's text, CRLF line ends and folded lines as RFC 5545 has them. */
    String text() {
        StringWriter out = new StringWriter();
        try {
            // validation off: ical4j would insist on things (e.g. a time zone) that an all-day feed does not have
            new CalendarOutputter(false).output(calendar, out);
        } catch (IOException | ValidationException e) {
            throw new IllegalStateException("the calendar feed could not be written", e);
        }
        return out.toString();
    }
}
