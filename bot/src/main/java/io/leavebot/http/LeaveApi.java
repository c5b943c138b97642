package io.leavebot.http;

import io.leavebot.leave.LeaveRequest;
import io.leavebot.leave.LeaveSubmission;
import io.leavebot.workflow.LeaveRequests;
import io.leavebot.workflow.LeaveRequests.Submitted;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The JSON API for integrations, under {@value #PATH}:
 * <ul>
 *   <li>{@code POST /api/leaves} with {@code {"start_date", "end_date", "employee_email"}} and optionally
 *   {@code "type"}, {@code "reason"}, {@code "half_day"} and {@code "request_id"} starts a request and answers
 *   {@code 202 {"id": ..., "status": "PENDING"}}. The same {@code request_id} sent again answers the same id and
 *   starts nothing; sent with a different request, it answers 409. Fields it does not know are ignored.</li>
 *   <li>{@code GET /api/leaves/{id}} answers the request with its status, dates, working days, type, people and
 *   decision, or 404. Right after the 202, before the workflow has recorded the request, it answers from the
 *   running workflow (PENDING).</li>
 * </ul>
 * Every call needs {@code Authorization: Bearer <key>}. Following RFC 6750, a missing and a wrong key both get 401
 * with {@code WWW-Authenticate} (the wrong key with {@code error="invalid_token"}): neither caller has proven who it
 * is, and 403 would suggest that a right key lacks a permission, which no key here does. Errors are
 * {@code {"error": "...", "fields": {...}}}: 400 for bad JSON and bad fields (all of them at once), 405 for a wrong
 * method, 413 for a body over 64 KiB.
 */
final class LeaveApi {
    static final String PATH = "/api/leaves";
    private static final System.Logger LOG = System.getLogger(LeaveApi.class.getName());
    private static final String JSON = "application/json; charset=utf-8";

    private final LeaveRequests leaves;
    private final ApiKey key;
    private final String defaultType;
    private final Clock clock;
    private final ZoneId zone;

    /** @param zone where "today" is, for the examples in date messages */
    LeaveApi(LeaveRequests leaves, ApiKey key, String defaultType, Clock clock, ZoneId zone) {
        this.leaves = leaves;
        this.key = key;
        this.defaultType = defaultType;
        this.clock = clock;
        this.zone = zone;
    }

    void handle(Exchange ex) {
        try {
            authenticate(ex.header("Authorization"));
            String path = ex.path();
            if (path.equals(PATH) || path.equals(PATH + "/")) {
                requireMethod(ex, "POST");
                create(ex);
            } else if (path.startsWith(PATH + "/") && path.indexOf('/', PATH.length() + 1) < 0) {
                requireMethod(ex, "GET");
                show(ex, path.substring(PATH.length() + 1));
            } else {
                throw HttpProblem.notFound("There is nothing at this address. The API offers POST " + PATH
                        + " and GET " + PATH + "/{id}.");
            }
        } catch (HttpProblem problem) {
            LOG.log(System.Logger.Level.INFO, "api " + ex.method() + " " + route(ex.path()) + ": " + problem.status
                    + (problem.fields.isEmpty() ? "" : " fields=" + problem.fields.keySet()));
            ex.respond(problem.status, JSON, ApiAnswers.error(problem.getMessage(), problem.fields), problem.headers);
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.ERROR, "api " + ex.method() + " " + route(ex.path()) + ": 500 " + Failures.describe(e));
            ex.respond(500, JSON, ApiAnswers.error("Something went wrong on our side and the request was not completed. "
                    + "Please try again in a minute.", Map.of()), Map.of());
        }
    }

    private void create(Exchange ex) {
        String contentType = ex.header("Content-Type");
        if (contentType != null && !contentType.toLowerCase(Locale.ROOT).startsWith("application/json")) {
            throw new HttpProblem(415, "Please send the request as JSON, with Content-Type: application/json.");
        }
        LocalDate today = LocalDate.ofInstant(clock.instant(), zone);
        LeaveSubmission submission = SubmissionJson.read(ex.body(), defaultType, today);
        Optional<LeaveRequest> earlier = leaves.get(submission.requestId());
        if (earlier.isPresent()) {
            requireSameRequest(earlier.get(), submission);
            accepted(ex, earlier.get().id());
            return;
        }
        Submitted submitted = leaves.submit(submission);
        if (!submitted.accepted()) {
            Map<String, String> fields = ApiAnswers.inJsonFields(submitted.errors());
            throw HttpProblem.badRequest(ApiAnswers.fieldsNeedAttention(fields), fields);
        }
        accepted(ex, submitted.requestId());
    }

    private void show(Exchange ex, String id) {
        LeaveRequest leave = leaves.get(id).orElseThrow(() -> HttpProblem.notFound(
                "There is no leave request with this id. Please check the id that POST " + PATH + " answered."));
        ex.respond(200, JSON, ApiAnswers.leave(leave), Map.of());
    }

    private static void accepted(Exchange ex, String id) {
        ex.respond(202, JSON, ApiAnswers.accepted(id), Map.of("Location", PATH + "/" + id));
    }

    private void authenticate(String authorization) {
        switch (key.check(authorization)) {
            case OK:
                return;
            case MISSING:
                throw new HttpProblem(401, "Please authenticate with the header Authorization: Bearer <your API key>.",
                        Map.of(), Map.of("WWW-Authenticate", "Bearer realm=\"leavebot\""));
            default:
                throw new HttpProblem(401, "The API key is not valid. Please check the key LeaveBot was configured with.",
                        Map.of(), Map.of("WWW-Authenticate", "Bearer realm=\"leavebot\", error=\"invalid_token\""));
        }
    }

    /** A repeated {@code request_id} must describe the same leave; otherwise the client reused a key by mistake. */
    private static void requireSameRequest(LeaveRequest earlier, LeaveSubmission now) {
        boolean same = earlier.employee().isSameAs(now.employee()) && earlier.start().equals(now.start())
                && earlier.end().equals(now.end()) && earlier.halfDay() == now.halfDay()
                && earlier.type().equalsIgnoreCase(now.type().trim());
        if (!same) {
            throw new HttpProblem(409, "This request_id was already used for a different leave request. "
                    + "Please use a new request_id for a new request.", Map.of(SubmissionJson.REQUEST_ID,
                    "already used for another request"), Map.of());
        }
    }

    private static void requireMethod(Exchange ex, String allowed) {
        if (!ex.method().equals(allowed)) {
            throw HttpProblem.methodNotAllowed(allowed);
        }
    }

    /** The path as a route, for logs: ids are left out. */
    private static String route(String path) {
        return path.startsWith(PATH + "/") && path.length() > PATH.length() + 1 ? PATH + "/{id}" : path;
    }
}
