package io.leavebot.http;

import static io.leavebot.testing.SampleLeaves.ADA;
import static io.leavebot.testing.SampleLeaves.GRACE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.leavebot.leave.Decision;
import io.leavebot.leave.LeaveRequest;
import io.leavebot.leave.LeaveStatus;
import io.leavebot.testing.LeaveBotHarness;
import io.leavebot.testing.SampleLeaves;
import io.leavebot.testing.WebHarness;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Feeds and reports over HTTP, each endpoint with its own proof and each refusal tried: a feed by its token only,
 * the organisation's feed and the report with the API key, the report's signed link. Today is Mon 5 Jan 2026.
 */
class ExportEndpointTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @RegisterExtension
    final WebHarness web = new WebHarness();

    @Test
    void aFeedIsServedByItsTokenAsTextCalendarAndARotatedOrUnknownTokenIsA404WithoutDetail() {
        approved(SampleLeaves.request("req-1", ADA, LocalDate.of(2026, 1, 12), LocalDate.of(2026, 1, 16), false, "Family visit"));
        var feeds = web.bot().feeds();
        String link = feeds.linksOf(ADA).own().orElseThrow();
        String path = link.substring(LeaveBotHarness.PUBLIC_URL.length());

        HttpResponse<String> feed = web.get(path);
        feeds.rotate(ADA);
        HttpResponse<String> rotated = web.get(path);
        HttpResponse<String> unknown = web.get("/calendar/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA.ics");
        HttpResponse<String> noSuffix = web.get("/calendar/whatever");

        assertEquals(200, feed.statusCode());
        assertEquals("text/calendar; charset=utf-8", feed.headers().firstValue("Content-Type").orElseThrow());
        assertTrue(feed.body().startsWith("BEGIN:VCALENDAR\r\n") && feed.body().contains("UID:req-1@leavebot"), feed.body());
        for (HttpResponse<String> refused : new HttpResponse[] {rotated, unknown, noSuffix}) {
            assertEquals(404, refused.statusCode());
            assertEquals("Not found", refused.body(), "nothing about why");
        }
    }

    @Test
    void theOrganisationsFeedNeedsTheApiKey() {
        approved(SampleLeaves.request("req-1", ADA, LocalDate.of(2026, 1, 12), LocalDate.of(2026, 1, 16), false, "Family visit"));

        HttpResponse<String> without = web.apiWith(null, "GET", "/api/calendar.ics", null);
        HttpResponse<String> wrong = web.apiWith("Bearer not-the-key-but-long-enough-123", "GET", "/api/calendar.ics", null);
        HttpResponse<String> with = web.api("GET", "/api/calendar.ics?pending=true", null);

        assertEquals(401, without.statusCode());
        assertEquals(401, wrong.statusCode());
        assertFalse(without.body().contains("VEVENT") || wrong.body().contains("VEVENT"));
        assertEquals(200, with.statusCode());
        assertTrue(with.body().contains("SUMMARY:Ada Lovelace: annual leave") && with.body().contains("DESCRIPTION:Family visit"),
                with.body());
    }

    @Test
    void theReportWithTheApiKeyIsCsvOrJsonAndBadPeriodsAreNamed() throws IOException {
        approved(SampleLeaves.request("req-1", ADA, LocalDate.of(2026, 1, 12), LocalDate.of(2026, 1, 16), false, null));

        HttpResponse<String> csv = web.api("GET", "/api/reports/leave.csv?from=2026-01-01&to=2026-01-31", null);
        HttpResponse<String> json = web.api("GET", "/api/reports/leave.json?from=2026-01-01&to=2026-01-31", null);
        HttpResponse<String> refused = web.apiWith(null, "GET", "/api/reports/leave.csv?from=2026-01-01&to=2026-01-31", null);
        HttpResponse<String> badDay = web.api("GET", "/api/reports/leave.csv?from=2026-13-01", null);
        HttpResponse<String> tooLong = web.api("GET", "/api/reports/leave.json?from=2026-01-01&to=2027-06-30", null);

        assertEquals(200, csv.statusCode());
        assertEquals("text/csv; charset=utf-8; header=present", csv.headers().firstValue("Content-Type").orElseThrow());
        assertEquals("attachment; filename=\"leave-2026-01-01-to-2026-01-31.csv\"",
                csv.headers().firstValue("Content-Disposition").orElseThrow());
        assertEquals("employee_email,employee_name,type,days_taken,days_pending,balance,balance_unit\r\n"
                + "ada@example.org,Ada Lovelace,annual,5,0,25,days\r\n", csv.body(), "approved without a ledger entry here");
        assertEquals(5, JSON.readTree(json.body()).at("/rows/0/days_taken").asInt());
        assertEquals(401, refused.statusCode());
        assertEquals(400, badDay.statusCode());
        JsonNode fields = JSON.readTree(badDay.body()).get("fields");
        assertEquals("\"2026-13-01\" is not a day; use YYYY-MM-DD, e.g. 2027-01-31", fields.get("from").asText());
        assertTrue(fields.get("to").asText().startsWith("missing"), fields.toString());
        assertEquals(400, tooLong.statusCode());
        assertTrue(JSON.readTree(tooLong.body()).at("/fields/to").asText().startsWith("A report covers at most 366 days"));
    }

    @Test
    void aSignedLinkServesTheReportForADayAndAChangedOrExpiredOneIsRefused() {
        approved(SampleLeaves.request("req-1", ADA, LocalDate.of(2026, 1, 12), LocalDate.of(2026, 1, 16), false, null));
        String link = web.bot().reportLinks().link(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 1, 31)).url();
        String path = link.substring(LeaveBotHarness.PUBLIC_URL.length());

        HttpResponse<String> served = web.get(path);
        HttpResponse<String> stretched = web.get(path.replace("to=2026-01-31", "to=2026-12-31"));
        HttpResponse<String> longer = web.get(path.replaceFirst("expires=(\\d+)", "expires=9999999999"));
        HttpResponse<String> unsigned = web.get("/reports/leave.csv?from=2026-01-01&to=2026-01-31");
        web.bot().advance(Duration.ofHours(25));
        HttpResponse<String> expired = web.get(path);

        assertEquals(200, served.statusCode());
        assertTrue(served.body().contains("ada@example.org,Ada Lovelace,annual,5,0"), served.body());
        for (HttpResponse<String> refused : new HttpResponse[] {stretched, longer, unsigned, expired}) {
            assertEquals(403, refused.statusCode(), refused.uri().toString());
            assertTrue(refused.body().contains("This download link is not valid any more, or was changed."), refused.body());
            assertFalse(refused.body().contains("ada@example.org"));
        }
    }

    @Test
    void onlyGetIsAnswered() {
        HttpResponse<String> post = web.api("POST", "/api/reports/leave.csv?from=2026-01-01&to=2026-01-31", "{}");

        assertEquals(405, post.statusCode());
    }

    private void approved(LeaveRequest request) {
        web.bot().store().create(request);
        web.bot().store().decide(request.id(), LeaveStatus.APPROVED, new Decision(GRACE, web.bot().now(), null), web.bot().now(), null);
    }
}
