package io.leavebot.chat;

import io.leavebot.exports.CalendarFeeds;
import io.leavebot.exports.CalendarFeeds.Links;
import io.leavebot.exports.LeaveReport;
import io.leavebot.exports.ReportLinks;
import io.leavebot.leave.Person;
import io.leavebot.workflow.Roles;
import java.time.Clock;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code calendar}, {@code calendar rotate} and {@code report …} in every chat front end: a person's calendar feed
 * links ({@link CalendarFeeds}), and for admins a signed download link to the leave report ({@link ReportLinks}).
 * Replies are private to the person (ephemeral in Slack, their one-to-one chat in Teams), as the links are secrets.
 */
public final class ExportCommands {
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEE d MMM yyyy, HH:mm", Locale.ENGLISH);

    private final CalendarFeeds feeds;
    private final ReportLinks reports;
    private final Roles roles;
    private final String command;
    private final Clock clock;

    /**
     * @param feeds   null where feeds are not served (then {@code calendar} says so)
     * @param reports null where reports are not served
     * @param command how the command is typed, e.g. {@code /leave}
     * @param clock   the zone times are told in
     */
    public ExportCommands(CalendarFeeds feeds, ReportLinks reports, Roles roles, String command, Clock clock) {
        this.feeds = feeds;
        this.reports = reports;
        this.roles = roles;
        this.command = command;
        this.clock = clock;
    }

    /** For a front end without exports: every command says they are not set up. */
    public static ExportCommands none(String command, Clock clock) {
        return new ExportCommands(null, null, null, command, clock);
    }

    /** The same commands, replying with the command as {@code typed} in another front end (Slack's /leave, Teams' leave). */
    public ExportCommands typedAs(String typed) {
        return new ExportCommands(feeds, reports, roles, typed, clock);
    }

    /** The answer to {@code calendar} or {@code calendar rotate} ({@code asked.kind()}). */
    public ChatReply calendar(LeaveCommand asked, Person person) {
        if (feeds == null) {
            return ChatReply.of("Calendar feeds are not set up in this LeaveBot. Nothing was changed.");
        }
        if (asked.kind() == LeaveCommand.Kind.CALENDAR_ROTATE) {
            return links("Here are your new calendar feed links. The old ones stopped working just now, so "
                    + "subscribe again with these:", feeds.rotate(person));
        }
        Links links = feeds.linksOf(person);
        if (!links.fresh()) {
            return ChatReply.of("You have calendar feed links since " + when(links.madeAt().get().atZone(clock.getZone()))
                            + ". LeaveBot showed them once, when it made them: it keeps only a fingerprint of each, so "
                            + "it cannot show them again.",
                    "If you need them again, or think someone else has them, type " + command + " calendar rotate "
                            + "for new links; the old ones then stop working.");
        }
        return links("Here are your calendar feed links. Subscribe to them by URL in Google Calendar, Outlook or "
                + "Apple Calendar:", links);
    }

    private ChatReply links(String intro, Links links) {
        List<String> lines = new ArrayList<>();
        lines.add(intro);
        lines.add("• Your own leave, with types and reasons: " + links.own().get());
        lines.add("• Who is out in your team (no types, no reasons): " + links.team().get());
        lines.add("They show approved leave; add ?pending=true to a link to see pending leave too, marked tentative.");
        lines.add("Anyone with a link sees that calendar, so keep them to yourself. LeaveBot shows them only now; "
                + command + " calendar rotate makes new ones.");
        return ChatReply.of(lines);
    }

    /** The answer to {@code report …}: the link for admins, a refusal for everyone else. */
    public ChatReply report(LeaveCommand asked, Person person) {
        if (reports == null) {
            return ChatReply.of("Leave reports are not set up in this LeaveBot.");
        }
        if (!roles.isAdmin(person)) {
            return ChatReply.of("Only LeaveBot's admins can download leave reports.",
                    "If you need one for payroll, please ask one of them, or whoever runs LeaveBot.");
        }
        String problem = LeaveReport.problemWith(asked.start(), asked.end());
        if (problem != null) {
            return ChatReply.of(problem + " For example: " + command + " report 2027-01.");
        }
        ReportLinks.Link link = reports.link(asked.start(), asked.end());
        return ChatReply.of("The leave report from " + asked.start() + " to " + asked.end() + " (CSV: days taken, "
                        + "pending and balances per person and type): " + link.url(),
                "The link works until " + when(link.expiresAt().atZone(clock.getZone()))
                        + ". Anyone with it can download the report, so keep it to yourself.");
    }

    private static String when(ZonedDateTime at) {
        return WHEN.format(at) + " (" + at.getZone().getId() + ")";
    }
}
