package io.leavebot.http;

import io.leavebot.email.DecisionLinks;
import io.leavebot.exports.CalendarFeeds;
import io.leavebot.exports.LeaveReport;
import io.leavebot.exports.ReportLinks;
import io.leavebot.ops.HealthChecks;
import io.leavebot.ops.Metrics;
import io.leavebot.ops.ScrapedMetrics;
import io.leavebot.workflow.AwayPeriods;
import io.leavebot.workflow.LeaveRequests;
import java.time.Clock;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/**
 * LeaveBot's web pages and JSON API, whoever brings the requests: the pages behind e-mail decision links at
 * {@code /decide} when {@link Builder#decisionLinks} is set, the JSON API at {@code /api/leaves} and
 * {@code /api/decisions} when
 * {@link Builder#apiKey} is set, and a polite 404 page for anything else. {@link WebServer} serves it on a port;
 * a host that receives requests whole (a Lambda Function URL) calls {@link #serve}:
 * <pre>{@code
 * WebApp web = WebApp.builder(leaveRequests).decisionLinks(links).apiKey(ApiKey.of(key)).build();
 * WebResponse answer = web.serve(new WebRequest("GET", "/decide", "token=...", Map.of(), null));
 * }</pre>
 */
public final class WebApp {
    private static final String NOT_FOUND_PAGE = Html.page("Nothing here", Html.paragraphs(List.of(
            "There is no page at this address. LeaveBot's pages are reached through the links it sends.")));

    private final DecisionEndpoint decisions;
    private final LeaveApi api;
    private final ExportEndpoint exports;
    private final Map<String, Function<WebRequest, WebResponse>> mounts;
    private final OpsEndpoint ops;
    private final Metrics metrics;

    /** An app for {@code leaves}; say what to serve with {@link Builder#decisionLinks} and {@link Builder#apiKey}. */
    public static Builder builder(LeaveRequests leaves) {
        return new Builder(leaves);
    }

    /** What to serve, and the clock and time zone pages and answers use. */
    public static final class Builder {
        private final LeaveRequests leaves;
        private Clock clock = Clock.systemUTC();
        private ZoneId zone = ZoneOffset.UTC;
        private DecisionLinks links;
        private ApiKey apiKey;
        private AwayPeriods away;
        private String defaultLeaveType = "annual";
        private CalendarFeeds feeds;
        private LeaveReport report;
        private ReportLinks reportLinks;
        private final Set<ChatApp> chatApps = EnumSet.noneOf(ChatApp.class);
        private final Map<String, Function<WebRequest, WebResponse>> mounts = new LinkedHashMap<>();
        private HealthChecks health;
        private ScrapedMetrics metrics;
        private ApiKey metricsKey;
        private Metrics counted;

        private Builder(LeaveRequests leaves) {
            this.leaves = Objects.requireNonNull(leaves, "leaves");
        }

        /** When links expire and what "today" is; default the system clock. */
        public Builder clock(Clock value) {
            this.clock = Objects.requireNonNull(value, "clock");
            return this;
        }

        /** The time zone of times and dates on pages and in the API's "today"; default UTC. */
        public Builder zone(ZoneId value) {
            this.zone = Objects.requireNonNull(value, "zone");
            return this;
        }

        /** Serves {@code /decide} for links signed with these. */
        public Builder decisionLinks(DecisionLinks value) {
            this.links = Objects.requireNonNull(value, "decisionLinks");
            return this;
        }

        /** Serves the JSON API {@code /api/leaves} to callers with this key. */
        public Builder apiKey(ApiKey value) {
            this.apiKey = Objects.requireNonNull(value, "apiKey");
            return this;
        }

        /** Serves approvers' away periods and stand-ins in the JSON API, at {@code /api/people/{email}/…}. */
        public Builder awayPeriods(AwayPeriods value) {
            this.away = Objects.requireNonNull(value, "awayPeriods");
            return this;
        }

        /** Serves {@code /calendar/<token>.ics}, and with the API key {@code /api/calendar.ics}. */
        public Builder calendarFeeds(CalendarFeeds value) {
            this.feeds = Objects.requireNonNull(value, "calendarFeeds");
            return this;
        }

        /** Serves the report with the API key ({@code /api/reports/leave.csv}, {@code .json}) and by these signed links. */
        public Builder reports(LeaveReport value, ReportLinks links) {
            this.report = Objects.requireNonNull(value, "report");
            this.reportLinks = Objects.requireNonNull(links, "links");
            return this;
        }

        /** The leave type of API requests that name none; default "annual". */
        public Builder defaultLeaveType(String value) {
            if (value == null || value.isBlank()) {
                throw new IllegalArgumentException("the default leave type must not be blank");
            }
            this.defaultLeaveType = value.trim();
            return this;
        }

        /** Says that approvers can decide in {@code app} too, so the pages may point there; default: e-mail only. */
        public Builder chatApp(ChatApp app) {
            chatApps.add(Objects.requireNonNull(app, "app"));
            return this;
        }

        /**
         * Hands every request to {@code path} (exactly) to {@code frontEnd}, whole: how a chat front end that
         * checks its own requests, such as Slack's at {@code /slack/events}, is served beside the pages.
         */
        public Builder mount(String path, Function<WebRequest, WebResponse> frontEnd) {
            if (path == null || !path.startsWith("/")) {
                throw new IllegalArgumentException("a mount path starts with '/', but was " + path);
            }
            mounts.put(path, Objects.requireNonNull(frontEnd, "frontEnd"));
            return this;
        }

        /** Serves {@code /healthz}: 200 when every check passes, else 503 naming the ones that fail. */
        public Builder health(HealthChecks value) {
            this.health = Objects.requireNonNull(value, "health");
            return this;
        }

        /**
         * Counts every request in {@code value} and serves it at {@code /metrics}, to callers with {@code key}
         * ({@code Authorization: Bearer …}), or to anyone who reaches the server when {@code key} is null.
         */
        public Builder metrics(ScrapedMetrics value, ApiKey key) {
            this.metrics = Objects.requireNonNull(value, "metrics");
            this.metricsKey = key;
            return this;
        }

        /**
         * Counts every request in {@code value} and serves no {@code /metrics}: for metrics written out rather than
         * scraped (CloudWatch embedded-metric-format lines on Lambda). Replaced by {@link #metrics} when both are given.
         */
        public Builder countedIn(Metrics value) {
            this.counted = Objects.requireNonNull(value, "metrics");
            return this;
        }

        /** @throws IllegalStateException when neither decision links nor an API key is configured */
        public WebApp build() {
            if (links == null && apiKey == null) {
                throw new IllegalStateException("LeaveBot's web pages have nothing to serve: configure decision links, "
                        + "an API key, or both");
            }
            return new WebApp(this);
        }
    }

    private WebApp(Builder b) {
        this.decisions = b.links == null ? null : new DecisionEndpoint(b.leaves, b.links,
                new DecisionPages(b.zone, b.chatApps), new WithdrawalPages(b.zone), b.clock);
        this.api = b.apiKey == null ? null : new LeaveApi(b.leaves, b.apiKey, b.defaultLeaveType, b.clock, b.zone,
                b.away == null ? null : new AwayApi(b.away, b.clock, b.zone));
        this.mounts = Map.copyOf(b.mounts);
        this.exports = new ExportEndpoint(b.feeds, b.report, b.reportLinks, b.apiKey);
        this.ops = new OpsEndpoint(b.health, b.metrics, b.metricsKey);
        this.metrics = b.metrics != null ? b.metrics : b.counted;
    }

    /** Answers one request that arrived whole; failures behind it are answered too (500), never thrown. */
    public WebResponse serve(WebRequest request) {
        var exchange = new WholeExchange(request);
        handle(exchange);
        return exchange.response();
    }

    /** Routes the request to its endpoint, which answers it; with metrics on, the answer is counted on the way. */
    void handle(Exchange request) {
        String path = request.path();
        Exchange ex = metrics == null ? request : new CountedExchange(request, metrics, routeOf(path));
        Function<WebRequest, WebResponse> mounted = mounts.get(path);
        if (mounted != null) {
            WebResponse answer = mounted.apply(new WebRequest(ex.method(), path, ex.rawQuery(), ex.headers(), ex.body()));
            Map<String, String> headers = new LinkedHashMap<>(answer.headers());
            String contentType = headers.remove("Content-Type");
            ex.respond(answer.status(), contentType == null ? "text/plain; charset=utf-8" : contentType, answer.body(), headers);
        } else if (decisions != null && path.equals(DecisionEndpoint.PATH)) {
            decisions.handle(ex);
        } else if (ops.serves(path)) {
            ops.handle(ex);
        } else if (exports.serves(path)) {
            exports.handle(ex);
        } else if (api != null && (path.equals(LeaveApi.PATH) || path.startsWith(LeaveApi.PATH + "/")
                || path.equals(LeaveApi.DECISIONS_PATH) || path.startsWith(AwayApi.PATH + "/") || path.equals(CalendarApi.PATH))) {
            api.handle(ex);
        } else {
            ex.respond(404, "text/html; charset=utf-8", NOT_FOUND_PAGE, Map.of());
        }
    }

    /**
     * The route a request is counted under: a mount's path or the first part of LeaveBot's own paths, never the
     * rest, which may carry a token ({@code /calendar/<token>.ics}) and would make a series per request.
     */
    private String routeOf(String path) {
        if (mounts.containsKey(path)) {
            return path;
        }
        for (String route : ROUTES) {
            if (path.equals(route) || path.startsWith(route.endsWith("/") ? route : route + "/")) {
                return route;
            }
        }
        return "other";
    }

    private static final List<String> ROUTES = List.of(DecisionEndpoint.PATH, LeaveApi.PATH, LeaveApi.DECISIONS_PATH,
            AwayApi.PATH, ExportEndpoint.ORGANISATION_FEED, CalendarApi.PATH, "/api/reports", CalendarFeeds.PATH,
            ReportLinks.PATH, OpsEndpoint.HEALTH_PATH, OpsEndpoint.METRICS_PATH);
}
