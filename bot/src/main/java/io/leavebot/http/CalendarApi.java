package io.leavebot.http;

import io.leavebot.calendar.CalendarJson;
import io.leavebot.calendar.TeamCalendar;
import io.leavebot.leave.LeaveValidator;
import io.leavebot.leave.LeaveValidator.ParsedDate;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code GET /api/calendar?from=YYYY-MM-DD&to=YYYY-MM-DD}, part of the JSON API ({@link LeaveApi}, which
 * authenticates with the API key and answers errors): the whole organisation's team calendar for integrations,
 * everyone's pending and approved leave in full ({@link CalendarJson}), at most {@value TeamCalendar#MAX_DAYS} days.
 */
final class CalendarApi {
    static final String PATH = "/api/calendar";
    private static final String JSON = "application/json; charset=utf-8";

    private final TeamCalendar calendar;
    private final Clock clock;
    private final ZoneId zone;

    /** @param clock and {@code zone}: today, for the examples in messages */
    CalendarApi(TeamCalendar calendar, Clock clock, ZoneId zone) {
        this.calendar = calendar;
        this.clock = clock;
        this.zone = zone;
    }

    void handle(Exchange ex) {
        if (!ex.method().equals("GET")) {
            throw HttpProblem.methodNotAllowed("GET");
        }
        Map<String, String> query = ex.query();
        LocalDate today = LocalDate.ofInstant(clock.instant(), zone);
        ParsedDate from = LeaveValidator.parseDate("from", query.get("from"), today);
        ParsedDate to = LeaveValidator.parseDate("to", query.get("to"), today);
        Map<String, String> problems = new LinkedHashMap<>();
        if (!from.ok()) {
            problems.put("from", from.error());
        }
        if (!to.ok()) {
            problems.put("to", to.error());
        }
        if (problems.isEmpty()) {
            try {
                TeamCalendar.checkPeriod(from.date(), to.date());
            } catch (IllegalArgumentException tooLongOrBackwards) {
                problems.put("to", tooLongOrBackwards.getMessage());
            }
        }
        if (!problems.isEmpty()) {
            throw HttpProblem.badRequest("Please give the period as ?from=YYYY-MM-DD&to=YYYY-MM-DD, for example ?from="
                    + today + "&to=" + today.plusDays(27) + ".", problems);
        }
        ex.respond(200, JSON, CalendarJson.of(calendar.organisation(from.date(), to.date())).toString(), Map.of());
    }
}
