package io.leavebot.http;

import io.leavebot.notify.NotificationTexts;
import io.leavebot.calendar.TeamCalendar;
import io.leavebot.leave.LeaveRequest;
import io.leavebot.leave.LeaveStatus;
import io.leavebot.leave.LeaveSubmission;
import io.leavebot.leave.Person;
import io.leavebot.workflow.Answer;
import io.leavebot.workflow.LeaveRequests;
import io.leavebot.workflow.LeaveRequests.Answered;
import io.leavebot.workflow.LeaveRequests.Cancelled;
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
 *   <li>{@code GET /api/leaves/{id}} answers the request with its status, dates, working days, type, people,
 *   decision and audit (answers the workflow refused), or 404. Right after the 202, before the workflow has
 *   recorded the request, it answers from the running workflow (PENDING).</li>
 *   <li>{@code POST /api/decisions} with {@code {"callback_id", "decision": "approve" | "reject"}} and optionally
 *   {@code "comment"} and {@code "decider_email"} decides the request whose approval e-mail gave that callback id;
 *   {@code POST /api/leaves/{id}/decision} does the same by request id, without {@code callback_id}. The decider is
 *   the request's approver; a {@code decider_email} must be theirs (403 otherwise), and the workflow checks the
 *   answer again. 202 once the workflow has the answer; 404 for an unknown callback or request, 409 while the
 *   approver is not asked yet, 410 once the request is decided, withdrawn or expired, or the callback replaced.</li>
 *   <li>{@code POST /api/leaves/{id}/withdraw}, with no body or {@code {"employee_email"}}, withdraws a waiting
 *   request for its employee, with the same answers.</li>
 *   <li>{@code POST /api/leaves/{id}/cancel}, with no body or {@code {"by": email}} (the employee, the default, or
 *   an admin), withdraws a waiting request or cancels approved leave that has not started, whose days go back to
 *   the balance: 202, 403 for someone else, 404, 409 once the leave has started (or while the request is set up),
 *   410 once it is rejected, expired or cancelled.</li>
 *   <li>Balances and admins' adjustments under {@code /api/people/{email}/balances} and {@code …/adjustments}: see
 *   {@link BalanceApi}.</li>
 *   <li>Approvers' away periods and stand-ins under {@code /api/people/{email}}, when the app has them: see
 *   {@link AwayApi}.</li>
 *   <li>{@code GET /api/calendar?from=&to=}: the whole organisation's team calendar, {@link CalendarApi}.</li>
 * </ul>
 * Decision bodies are read strictly: an unknown field or value is a 400 that names it.
 * Every call needs {@code Authorization: Bearer <key>}. Following RFC 6750, a missing and a wrong key both get 401
 * with {@code WWW-Authenticate} (the wrong key with {@code error="invalid_token"}): neither caller has proven who it
 * is, and 403 would suggest that a right key lacks a permission, which no key here does. Errors are
 * {@code {"error": "...", "fields": {...}}}: 400 for bad JSON and bad fields (all of them at once), 405 for a wrong
 * method, 413 for a body over 64 KiB.
 */
final class LeaveApi {
    static final String PATH = "/api/leaves";
    static final String DECISIONS_PATH = "/api/decisions";
    private static final System.Logger LOG = System.getLogger(LeaveApi.class.getName());
    private static final String JSON = "application/json; charset=utf-8";

    private final LeaveRequests leaves;
    private final ApiKey key;
    private final String defaultType;
    private final Clock clock;
    private final ZoneId zone;
    private final AwayApi away;
    private final BalanceApi balances;
    private final CalendarApi calendar;

    /**
     * @param zone where "today" is, for the examples in date messages
     * @param away the away periods' part, or null when the app serves none
     */
    LeaveApi(LeaveRequests leaves, ApiKey key, String defaultType, Clock clock, ZoneId zone, AwayApi away) {
        this.leaves = leaves;
        this.away = away;
        this.balances = new BalanceApi(leaves);
        this.calendar = new CalendarApi(TeamCalendar.of(leaves), clock, zone);
        this.key = key;
        this.defaultType = defaultType;
        this.clock = clock;
        this.zone = zone;
    }

    void handle(Exchange ex) {
        try {
            key.authenticate(ex.header("Authorization"));
            String path = ex.path();
            String[] under = path.startsWith(PATH + "/") ? path.substring(PATH.length() + 1).split("/", -1) : new String[0];
            String[] person = path.startsWith(AwayApi.PATH + "/") ? path.substring(AwayApi.PATH.length() + 1).split("/", -1) : null;
            if (person != null && BalanceApi.handles(person)) {
                balances.handle(ex, person, jsonBody(ex));
            } else if (away != null && person != null) {
                away.handle(ex, path.substring(AwayApi.PATH.length() + 1).split("/", -1), jsonBody(ex));
            } else if (path.equals(CalendarApi.PATH)) {
                calendar.handle(ex);
            } else if (path.equals(PATH) || path.equals(PATH + "/")) {
                requireMethod(ex, "POST");
                create(ex);
            } else if (path.equals(DECISIONS_PATH)) {
                requireMethod(ex, "POST");
                decideByCallback(ex);
            } else if (under.length == 1 && !under[0].isEmpty()) {
                requireMethod(ex, "GET");
                show(ex, under[0]);
            } else if (under.length == 2 && !under[0].isEmpty() && under[1].equals("decision")) {
                requireMethod(ex, "POST");
                decide(ex, under[0], DecisionJson.byRequestId(jsonBody(ex)));
            } else if (under.length == 2 && !under[0].isEmpty() && under[1].equals("withdraw")) {
                requireMethod(ex, "POST");
                withdraw(ex, under[0]);
            } else if (under.length == 2 && !under[0].isEmpty() && under[1].equals("cancel")) {
                requireMethod(ex, "POST");
                cancel(ex, under[0]);
            } else {
                throw HttpProblem.notFound("There is nothing at this address. The API offers POST " + PATH + ", GET "
                        + PATH + "/{id}, POST " + PATH + "/{id}/decision, POST " + PATH + "/{id}/withdraw, POST " + PATH + "/{id}/cancel, POST "
                        + DECISIONS_PATH + " and GET " + AwayApi.PATH + "/{email}/balances.");
            }
        } catch (HttpProblem problem) {
            LOG.log(System.Logger.Level.INFO, "api " + ex.method() + " " + route(ex.path()) + ": " + problem.status
                    + (problem.fields.isEmpty() ? "" : " fields=" + problem.fields.keySet()));
            ex.respond(problem.status, JSON, ApiAnswers.error(problem.getMessage(), problem.fields), problem.headers);
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.ERROR, "api " + ex.method() + " " + route(ex.path()) + ": 500, a bug", e);
            ex.respond(500, JSON, ApiAnswers.error("Something went wrong on our side and the request was not completed. "
                    + "Please try again in a minute.", Map.of()), Map.of());
        }
    }

    private void create(Exchange ex) {
        LocalDate today = LocalDate.ofInstant(clock.instant(), zone);
        LeaveSubmission submission = SubmissionJson.read(jsonBody(ex), defaultType, today);
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
        LeaveRequest leave = leaves.get(id).orElseThrow(LeaveApi::unknownRequest);
        ex.respond(200, JSON, ApiAnswers.leave(leave, leaves.audit(id)), Map.of());
    }

    /** The seed's call: the callback id from the approval e-mail names the request (and the round it answers). */
    private void decideByCallback(Exchange ex) {
        DecisionJson.Decided decided = DecisionJson.byCallback(jsonBody(ex));
        String id = leaves.requestFor(decided.callbackId()).orElseThrow(() -> HttpProblem.notFound(
                "No leave request has this callback id. Please check the callback id in the approval e-mail."));
        decide(ex, id, decided);
    }

    /**
     * As the approver (or stand-in) of the callback's place, or of the only place waiting; or as {@code decider_email}
     * when given (which must be one the request waits on).
     */
    private void decide(Exchange ex, String id, DecisionJson.Decided decided) {
        LeaveRequest leave = leaves.get(id).orElseThrow(LeaveApi::unknownRequest);
        Person by = decided.deciderEmail() != null ? Person.ofEmail(decided.deciderEmail(), null)
                : leave.chain().find(decided.callbackId()).map(place -> leave.chain().at(place).asked())
                        .or(() -> leave.waitingOn().size() == 1 ? Optional.of(leave.waitingOn().get(0)) : Optional.empty())
                        .orElse(leave.chain().firstApprover());
        Answer answer = decided.outcome() == LeaveStatus.APPROVED
                ? Answer.approve(by, decided.comment()) : Answer.reject(by, decided.comment());
        answered(ex, id, leaves.answer(id, decided.callbackId(), answer), answer);
    }

    /** As the request's employee, or as {@code employee_email} when given (which must be the employee). */
    private void withdraw(Exchange ex, String id) {
        String email = DecisionJson.withdrawal(jsonBody(ex));
        LeaveRequest leave = leaves.get(id).orElseThrow(LeaveApi::unknownRequest);
        Answer answer = Answer.cancel(email == null ? leave.employee() : Person.ofEmail(email, null));
        answered(ex, id, leaves.answer(id, answer), answer);
    }

    /** As the request's employee, or as {@code by} when given (the employee or an admin). */
    private void cancel(Exchange ex, String id) {
        String email = DecisionJson.cancellation(jsonBody(ex));
        LeaveRequest leave = leaves.get(id).orElseThrow(LeaveApi::unknownRequest);
        Cancelled cancelled = leaves.cancel(id, email == null ? leave.employee() : Person.ofEmail(email, null));
        switch (cancelled.result()) {
            // a waiting request is withdrawn, approved leave cancelled: either way it is as it was until the workflow has it
            case ACCEPTED -> ex.respond(202, JSON, ApiAnswers.answered(id, cancelled.leave().status(), LeaveStatus.CANCELLED),
                    Map.of("Location", PATH + "/" + id));
            case NOT_ALLOWED -> throw new HttpProblem(403, "Only the employee who asked for this leave, or an admin, can "
                    + "cancel it. Nothing was changed.");
            case NOT_FOUND -> throw unknownRequest();
            case STARTED -> throw new HttpProblem(409, "This leave has started, so it can no longer be cancelled. Nothing "
                    + "was changed; an admin can adjust the balance with POST " + AwayApi.PATH + "/{email}/adjustments.");
            case NOT_READY -> throw new HttpProblem(409, "LeaveBot is still setting this request up. Nothing was changed; "
                    + "please try again in a minute.");
            case ALREADY_DECIDED -> throw new HttpProblem(410, "This request is " + cancelled.leave().status()
                    + ", so there is nothing to cancel. Nothing was changed.");
        }
    }

    /** 202 once the answer is with the workflow; otherwise why nothing changed. */
    private static void answered(Exchange ex, String id, Answered answered, Answer answer) {
        LeaveRequest leave = answered.leave();
        switch (answered.result()) {
            case ACCEPTED -> ex.respond(202, JSON, ApiAnswers.answered(id, answer.outcome()), Map.of("Location", PATH + "/" + id));
            case NOT_ALLOWED -> throw new HttpProblem(403, answer.outcome() == LeaveStatus.CANCELLED
                    ? "Only the employee who asked for this leave can withdraw it. Nothing was changed."
                    : "Only this request's approvers (or their stand-ins) can decide it, and decider_email is none of them. "
                            + "Nothing was changed.");
            case NOT_FOUND -> throw unknownRequest();
            case NOT_READY -> throw new HttpProblem(409, "This request is not waiting for a decision yet: LeaveBot is still "
                    + "asking its approver. Nothing was changed; please try again in a minute.");
            case ALREADY_DECIDED -> throw new HttpProblem(410, leave.status().isFinal()
                    ? "This request is no longer waiting: it is " + leave.status() + ". Nothing was changed."
                    : "This approval was answered already (a moment ago, or at an earlier step of the request, which now "
                            + "waits for " + NotificationTexts.withWhom(leave) + "). Nothing was changed.");
            case REPLACED -> throw new HttpProblem(410, "This callback id was replaced: the approver was asked again, "
                    + "with a new callback id in the newest approval e-mail. Nothing was changed.");
        }
    }

    private static HttpProblem unknownRequest() {
        return HttpProblem.notFound("There is no leave request with this id. Please check the id that POST " + PATH + " answered.");
    }

    /** The body, which must be JSON when there is one. */
    private static byte[] jsonBody(Exchange ex) {
        byte[] body = ex.body();
        String contentType = ex.header("Content-Type");
        if (body.length > 0 && contentType != null && !contentType.toLowerCase(Locale.ROOT).startsWith("application/json")) {
            throw new HttpProblem(415, "Please send the request as JSON, with Content-Type: application/json.");
        }
        return body;
    }

    private static void accepted(Exchange ex, String id) {
        ex.respond(202, JSON, ApiAnswers.accepted(id), Map.of("Location", PATH + "/" + id));
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

    /** The path as a route, for logs: ids and addresses are left out. */
    private static String route(String path) {
        if (path.startsWith(AwayApi.PATH + "/")) {
            return AwayApi.PATH + "/{email}" + path.substring(AwayApi.PATH.length() + 1).replaceFirst("^[^/]*", "")
                    .replaceFirst("^/away/.+", "/away/{from}");
        }
        if (!path.startsWith(PATH + "/") || path.length() == PATH.length() + 1) {
            return path;
        }
        int slash = path.indexOf('/', PATH.length() + 1);
        return PATH + "/{id}" + (slash < 0 ? "" : path.substring(slash));
    }
}
