package io.leavebot.http;

import io.leavebot.email.DecisionLinks;
import io.leavebot.email.Verified;
import io.leavebot.leave.LeaveRequest;
import io.leavebot.leave.LeaveStatus;
import io.leavebot.leave.Person;
import io.leavebot.workflow.Answer;
import io.leavebot.workflow.LeaveRequests;
import io.leavebot.workflow.LeaveRequests.Answered;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;

/**
 * Where the Approve / Reject links of approvers' e-mails and the Withdraw link of receipts lead, at {@value #PATH}.
 * <ul>
 *   <li>{@code GET /decide?token=…} checks the link and shows what it will do, with a form; it never changes
 *   anything, because mail scanners and link previews open links without anyone clicking.</li>
 *   <li>{@code POST /decide} (form fields {@code token}, optional {@code comment}) answers the request through
 *   {@link LeaveRequests#answer}: a decision as the request's approver, a withdrawal as its employee — the only
 *   person each link was sent to.</li>
 * </ul>
 * A link that is used (the request is decided: 410, saying by whom and when), expired (410), replaced by a newer
 * e-mail's (410: the approver was asked again), changed or incomplete (400), or for an unknown request (404) gets
 * a page that says so and changes nothing.
 *
 * <p><b>Why the form has no CSRF token.</b> CSRF tricks a browser into sending a request with the authority of
 * its cookies. This endpoint has no cookies or sessions: its only authority is the signed link token in the
 * form, which names the request and the decision and cannot be made or altered without LeaveBot's secret. A forged
 * cross-site POST therefore needs the token, and whoever has the token can open the link anyway; the forgery
 * gains nothing. It does not matter whose browser sends the form either: the answer is always recorded as the
 * request's approver, to whom alone the link was sent. Framing the page to trick a click is blocked by
 * {@code frame-ancestors 'none'}, and {@code Referrer-Policy: no-referrer} keeps the token out of other sites' logs.
 */
final class DecisionEndpoint {
    static final String PATH = "/decide";
    static final String COMMENT = "comment";
    private static final System.Logger LOG = System.getLogger(DecisionEndpoint.class.getName());
    private static final String HTML = "text/html; charset=utf-8";
    private static final Map<String, String> PAGE_HEADERS = Map.of(
            "Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; "
                    + "frame-ancestors 'none'; base-uri 'none'",
            "X-Frame-Options", "DENY");

    private final LeaveRequests leaves;
    private final DecisionLinks links;
    private final DecisionPages pages;
    private final WithdrawalPages withdrawalPages;
    private final Clock clock;

    DecisionEndpoint(LeaveRequests leaves, DecisionLinks links, DecisionPages pages, WithdrawalPages withdrawalPages,
            Clock clock) {
        this.leaves = leaves;
        this.links = links;
        this.pages = pages;
        this.withdrawalPages = withdrawalPages;
        this.clock = clock;
    }

    void handle(Exchange ex) {
        Page page;
        Map<String, String> headers = Map.of();
        try {
            page = switch (ex.method()) {
                case "GET" -> show(ex.query().get(DecisionLinks.TOKEN_PARAMETER));
                case "POST" -> decide(ex.form());
                default -> throw HttpProblem.methodNotAllowed("GET, POST");
            };
        } catch (Refused refused) {
            page = refused.page;
        } catch (HttpProblem problem) {
            log(ex.method(), problem.status, "refused", null);
            page = pages.problem(problem);
            headers = problem.headers;
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.ERROR, "decide " + ex.method() + ": 500, a bug", e);
            page = pages.unexpected();
        }
        Map<String, String> all = new HashMap<>(PAGE_HEADERS);
        all.putAll(headers);
        ex.respond(page.status(), HTML, page.html(), all);
    }

    private Page show(String token) {
        Verified link = links.verify(token, clock.instant());
        LeaveRequest leave = waitingRequest(link, "GET");
        return link.isWithdrawal() ? withdrawalPages.confirm(leave, token) : pages.confirm(leave, link.decision(), token, null, null);
    }

    private Page decide(Map<String, String> form) {
        String token = form.get(DecisionLinks.TOKEN_PARAMETER);
        Verified link = links.verify(token, clock.instant());
        LeaveRequest leave = waitingRequest(link, "POST");
        return link.isWithdrawal() ? withdraw(leave) : decide(leave, link, token, form.getOrDefault(COMMENT, "").strip());
    }

    /** As the request's employee, the only person the receipt with the link was sent to. */
    private Page withdraw(LeaveRequest leave) {
        Answered answered = leaves.answer(leave.id(), Answer.cancel(leave.employee()));
        LeaveRequest now = answered.leave() != null ? answered.leave() : leave;
        return switch (answered.result()) {
            case ACCEPTED -> withdrawalPages.done(leave);
            case ALREADY_DECIDED, REPLACED -> refusal("POST", pages.alreadyDecided(now), "already decided", leave.id());
            case NOT_ALLOWED -> refusal("POST", pages.notAllowed(now), "not allowed", leave.id());
            case NOT_READY -> refusal("POST", pages.notReady(), "not ready", leave.id());
            case NOT_FOUND -> refusal("POST", pages.unknownRequest(), "unknown request", leave.id());
        };
    }

    /** As the person the approval e-mail with the link was sent to: the approver, or stand-in, of its callback's place. */
    private Page decide(LeaveRequest leave, Verified link, String token, String comment) {
        if (comment.codePointCount(0, comment.length()) > DecisionPages.MAX_COMMENT) {
            return refusal("POST", pages.confirm(leave, link.decision(), token, comment, "Your comment is longer than "
                    + DecisionPages.MAX_COMMENT + " characters. Please shorten it and send your decision again."),
                    "comment too long", leave.id());
        }
        String note = comment.isEmpty() ? null : comment;
        // the callback this link was made for: waitingRequest let it through only while it is open
        String callbackId = openCallbackOf(link, leave);
        Person asked = leave.chain().find(callbackId).map(place -> leave.chain().at(place).asked())
                .orElse(leave.chain().firstApprover());
        Answer answer = link.decision() == LeaveStatus.APPROVED ? Answer.approve(asked, note) : Answer.reject(asked, note);
        Answered answered = leaves.answer(leave.id(), callbackId, answer);
        LeaveRequest now = answered.leave() != null ? answered.leave() : leave;
        return switch (answered.result()) {
            case ACCEPTED -> pages.done(leave, asked, link.decision(), note, clock.instant());
            case ALREADY_DECIDED -> refusal("POST", pages.alreadyDecided(now), "already decided", leave.id());
            case REPLACED -> refusal("POST", pages.replaced(now), "replaced link", leave.id());
            case NOT_ALLOWED -> refusal("POST", pages.notAllowed(now), "not allowed", leave.id());
            case NOT_READY -> refusal("POST", pages.notReady(), "not ready", leave.id());
            case NOT_FOUND -> refusal("POST", pages.unknownRequest(), "unknown request", leave.id());
        };
    }

    /**
     * The request a link may still decide.
     *
     * @throws Refused with the page to show when the link cannot decide anything
     */
    private LeaveRequest waitingRequest(Verified link, String method) {
        switch (link.status()) {
            case MALFORMED:
                throw refuse(method, pages.malformed(), "malformed link", null);
            case TAMPERED:
                throw refuse(method, pages.tampered(), "tampered link", null);
            default:
                break;
        }
        LeaveRequest leave = leaves.get(link.requestId()).orElse(null);
        if (leave != null && leave.status().isFinal()) {
            throw refuse(method, pages.alreadyDecided(leave), "link used: request is " + leave.status(), leave.id());
        }
        if (link.status() == Verified.Status.EXPIRED) {
            throw refuse(method, pages.expired(leave, link.expiresAt()), "expired link", link.requestId());
        }
        if (leave == null) {
            throw refuse(method, pages.unknownRequest(), "unknown request", link.requestId());
        }
        if (!link.isWithdrawal() && !leave.openCallbacks().isEmpty() && openCallbackOf(link, leave) == null) {
            throw refuse(method, pages.replaced(leave), "replaced link", leave.id());
        }
        return leave;
    }

    /** The open callback a decision link was made for (links made before links named one: the first open), or null. */
    private static String openCallbackOf(Verified link, LeaveRequest leave) {
        return leave.openCallbacks().stream().filter(link::isFor).findFirst().orElse(null);
    }

    private static Refused refuse(String method, Page page, String why, String requestId) {
        return new Refused(refusal(method, page, why, requestId));
    }

    private static Page refusal(String method, Page page, String why, String requestId) {
        log(method, page.status(), why, requestId);
        return page;
    }

    /** One line per refusal: the request id (not a secret), never the token, which works like a password. */
    private static void log(String method, int status, String why, String requestId) {
        LOG.log(System.Logger.Level.INFO, "decide " + method + ": " + status + " " + why
                + (requestId == null ? "" : " (request " + requestId + ")"));
    }

    /** A link that cannot decide: carries the page that says why. */
    private static final class Refused extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final transient Page page;

        Refused(Page page) {
            super(null, null, false, false);
            this.page = page;
        }
    }
}
