package io.leavebot.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.leavebot.ops.HealthChecks;
import io.leavebot.ops.LeaveBotMetrics;
import io.leavebot.testing.LeaveBotHarness;
import io.leavebot.testing.PrometheusText;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Requests are counted by route, a route never carries the token of the path, and /metrics shows only what is on. */
class WebAppMetricsTest {
    @RegisterExtension
    final LeaveBotHarness bot = new LeaveBotHarness();

    private final LeaveBotMetrics metrics = new LeaveBotMetrics();

    @Test
    void aFeedsTokenIsNeverALabel() {
        WebApp web = WebApp.builder(bot.leaves()).decisionLinks(LeaveBotHarness.LINKS).calendarFeeds(bot.feeds())
                .metrics(metrics, null).build();
        web.serve(get("/calendar/secret-feed-token-4711.ics"));
        web.serve(get("/no/such/page"));
        web.serve(get("/decide"));

        String scrape = web.serve(get("/metrics")).body();
        var text = PrometheusText.parse(scrape);
        assertFalse(scrape.contains("secret-feed-token-4711"), scrape);
        assertEquals(1, text.value("leavebot_http_requests_total", "route", "/calendar/"));
        assertEquals(1, text.value("leavebot_http_requests_total", "route", "other", "status", "404"));
        assertEquals(1, text.value("leavebot_http_requests_total", "route", "/decide"));
    }

    @Test
    void withoutMetricsOrHealthChecksNeitherAddressIsServed() {
        WebApp web = WebApp.builder(bot.leaves()).decisionLinks(LeaveBotHarness.LINKS).build();

        assertEquals(404, web.serve(get("/metrics")).status());
        assertEquals(404, web.serve(get("/healthz")).status());
    }

    @Test
    void healthAnswersOnlyGet() {
        WebApp web = WebApp.builder(bot.leaves()).decisionLinks(LeaveBotHarness.LINKS)
                .health(HealthChecks.builder().add("always", () -> { }).build()).build();

        assertEquals(200, web.serve(get("/healthz")).status());
        assertEquals(405, web.serve(new WebRequest("POST", "/healthz", null, Map.of(), new byte[0])).status());
    }

    private static WebRequest get(String path) {
        return new WebRequest("GET", path, null, Map.of(), null);
    }
}
