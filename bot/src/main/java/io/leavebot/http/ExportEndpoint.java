package io.leavebot.http;

import io.leavebot.exports.CalendarFeeds;
import io.leavebot.exports.LeaveReport;
import io.leavebot.exports.ReportFormats;
import io.leavebot.exports.ReportLinks;
import java.io.IOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Calendar feeds and the leave report, each behind its own proof:
 * <ul>
 *   <li>{@code GET /calendar/<token>.ics[?pending=true]}: a person's feed, by its secret token alone; an unknown,
 *   malformed or rotated token is a 404 that says nothing more.</li>
 *   <li>{@code GET /api/calendar.ics[?pending=true]}: everyone's leave, with the API key.</li>
 *   <li>{@code GET /api/reports/leave.csv?from=YYYY-MM-DD&to=YYYY-MM-DD} and {@code .json}: the report, with the API
 *   key; a bad or missing day, or a period over {@value LeaveReport#MAX_DAYS} days, is a 400 naming the field.</li>
 *   <li>{@code GET /reports/leave.csv?from&to&expires&sig}: the report, by a link {@link ReportLinks} signed for an
 *   admin; a changed or expired link is a 403 page without detail.</li>
 * </ul>
 * Reports are streamed: rows go out as the store reads them.
 */
final class ExportEndpoint {
    static final String ORGANISATION_FEED = "/api/calendar.ics";
    static final String REPORT_PATH = "/api/reports/leave.";
    private static final System.Logger LOG = System.getLogger(ExportEndpoint.class.getName());
    private static final String JSON = "application/json; charset=utf-8";
    private static final String CALENDAR = "text/calendar; charset=utf-8";
    private static final String CSV = "text/csv; charset=utf-8; header=present";
    private static final String REFUSED_PAGE = Html.page("This link does not work", Html.paragraphs(List.of(
            "This download link is not valid any more, or was changed. Please ask LeaveBot for a new one.")));

    private final CalendarFeeds feeds;
    private final LeaveReport report;
    private final ReportLinks links;
    private final ApiKey key;

    /** Any of them may be null: what it serves is then not there (404). */
    ExportEndpoint(CalendarFeeds feeds, LeaveReport report, ReportLinks links, ApiKey key) {
        this.feeds = feeds;
        this.report = report;
        this.links = links;
        this.key = key;
    }

    /** Whether the path is one of these, served by this app. */
    boolean serves(String path) {
        boolean feed = feeds != null && (path.startsWith(CalendarFeeds.PATH) || (key != null && path.equals(ORGANISATION_FEED)));
        boolean reports = report != null && ((key != null && path.startsWith(REPORT_PATH))
                || (links != null && path.equals(ReportLinks.PATH)));
        return feed || reports;
    }

    void handle(Exchange ex) {
        String path = ex.path();
        try {
            if (!ex.method().equals("GET") && !ex.method().equals("HEAD")) {
                throw HttpProblem.methodNotAllowed("GET, HEAD");
            }
            if (path.startsWith(CalendarFeeds.PATH)) {
                personalFeed(ex, path.substring(CalendarFeeds.PATH.length()));
            } else if (path.equals(ReportLinks.PATH)) {
                signedReport(ex);
            } else {
                key.authenticate(ex.header("Authorization"));
                if (path.equals(ORGANISATION_FEED)) {
                    ex.respond(200, CALENDAR, feeds.organisation(pending(ex)), Map.of());
                } else if (path.equals(REPORT_PATH + "csv") || path.equals(REPORT_PATH + "json")) {
                    LocalDate[] period = period(ex.query());
                    stream(ex, period[0], period[1], path.endsWith("json"));
                } else {
                    throw HttpProblem.notFound("There is nothing at this address. Reports are at " + REPORT_PATH
                            + "csv and " + REPORT_PATH + "json, with ?from=YYYY-MM-DD&to=YYYY-MM-DD.");
                }
            }
        } catch (HttpProblem problem) {
            LOG.log(System.Logger.Level.INFO, "export " + ex.method() + " " + route(path) + ": " + problem.status);
            ex.respond(problem.status, JSON, ApiAnswers.error(problem.getMessage(), problem.fields), problem.headers);
        } catch (IOException | RuntimeException e) {
            LOG.log(System.Logger.Level.ERROR, "export " + ex.method() + " " + route(path) + ": 500, a bug", e);
            try {
                ex.respond(500, JSON, ApiAnswers.error("Something went wrong on our side. Please try again in a minute.",
                        Map.of()), Map.of());
            } catch (RuntimeException answeredAlready) {
                // the report's rows had started: the connection ends without the rest, and the log says why
            }
        }
    }

    private void personalFeed(Exchange ex, String file) {
        String token = file.endsWith(CalendarFeeds.SUFFIX) ? file.substring(0, file.length() - CalendarFeeds.SUFFIX.length()) : "";
        Optional<String> feed = feeds.feed(token, pending(ex));
        if (feed.isEmpty()) {
            // no detail: whether the token was never made, rotated or mistyped is nobody's business
            ex.respond(404, "text/plain; charset=utf-8", "Not found", Map.of());
            return;
        }
        ex.respond(200, CALENDAR, feed.get(), Map.of());
    }

    private void signedReport(Exchange ex) throws IOException {
        Map<String, String> query = ex.query();
        ReportLinks.Check check = links.check(query);
        if (check != ReportLinks.Check.VALID) {
            LOG.log(System.Logger.Level.INFO, "export signed report link refused: " + check);
            ex.respond(403, "text/html; charset=utf-8", REFUSED_PAGE, Map.of());
            return;
        }
        ReportLinks.Period period = ReportLinks.periodOf(query);
        stream(ex, period.from(), period.to(), false);
    }

    private void stream(Exchange ex, LocalDate from, LocalDate to, boolean json) throws IOException {
        String file = "leave-" + from + "-to-" + to + (json ? ".json" : ".csv");
        Map<String, String> headers = json ? Map.of() : Map.of("Content-Disposition", "attachment; filename=\"" + file + "\"");
        ex.stream(200, json ? JSON : CSV, headers, out -> {
            if (json) {
                ReportFormats.json(report, from, to, out);
            } else {
                ReportFormats.csv(report, from, to, out);
            }
        });
    }

    /** The API's {@code from} and {@code to}, every problem at once. */
    private static LocalDate[] period(Map<String, String> query) {
        Map<String, String> fields = new LinkedHashMap<>();
        LocalDate from = day(query, "from", fields);
        LocalDate to = day(query, "to", fields);
        if (fields.isEmpty()) {
            String problem = LeaveReport.problemWith(from, to);
            if (problem != null) {
                fields.put("to", problem);
            }
        }
        if (!fields.isEmpty()) {
            throw HttpProblem.badRequest(ApiAnswers.fieldsNeedAttention("The report request", fields), fields);
        }
        return new LocalDate[] {from, to};
    }

    private static LocalDate day(Map<String, String> query, String name, Map<String, String> fields) {
        String value = query.get(name);
        if (value == null || value.isBlank()) {
            fields.put(name, "missing: give the period's " + (name.equals("from") ? "first" : "last") + " day as YYYY-MM-DD");
            return null;
        }
        try {
            return LocalDate.parse(value.trim());
        } catch (DateTimeParseException e) {
            fields.put(name, "\"" + value + "\" is not a day; use YYYY-MM-DD, e.g. 2027-01-31");
            return null;
        }
    }

    private static boolean pending(Exchange ex) {
        return "true".equalsIgnoreCase(ex.query().get("pending"));
    }

    /** The path for logs: a feed's token never goes there. */
    private static String route(String path) {
        return path.startsWith(CalendarFeeds.PATH) ? CalendarFeeds.PATH + "{token}.ics" : path;
    }
}
