package io.leavebot.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.leavebot.leave.Decision;
import io.leavebot.leave.LeaveRequest;
import io.leavebot.leave.LeaveStatus;
import io.leavebot.testing.SampleLeaves;
import io.leavebot.testing.WebHarness;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code GET /api/calendar}: the whole organisation's leave in full, with the API key only. */
class CalendarApiTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @RegisterExtension
    final WebHarness web = new WebHarness();

    @Test
    void everyonesLeaveComesInFullWithEachDaysMark() {
        LeaveRequest ada = SampleLeaves.request("ada-1", SampleLeaves.ADA, LocalDate.of(2026, 1, 9), LocalDate.of(2026, 1, 12), false,
                "Family visit");
        web.bot().store().create(ada);
        web.bot().store().decide("ada-1", LeaveStatus.APPROVED, new Decision(SampleLeaves.GRACE, Instant.EPOCH, null), Instant.EPOCH);
        web.bot().store().create(SampleLeaves.request("alan-1", SampleLeaves.ALAN, LocalDate.of(2026, 1, 12), LocalDate.of(2026, 1, 12),
                true, null));

        JsonNode answer = json(web.api("GET", "/api/calendar?from=2026-01-09&to=2026-01-12", null), 200);

        assertEquals("Fri 9 Jan – Mon 12 Jan 2026", answer.get("period").asText());
        assertEquals(List.of(false, true, true, false), answer.get("days").findValues("weekend").stream().map(JsonNode::asBoolean).toList());
        JsonNode people = answer.at("/teams/0/people");
        assertEquals("Ada Lovelace", people.at("/0/name").asText());
        assertEquals(List.of("out", "day_off", "day_off", "out"), texts(people.at("/0/days")));
        assertEquals("Family visit", people.at("/0/leave/0/reason").asText());
        assertEquals("annual", people.at("/0/leave/0/type").asText());
        assertEquals(List.of("in", "in", "in", "pending"), texts(people.at("/1/days")));
        assertTrue(people.at("/1/leave/0/half_day").asBoolean());
    }

    @Test
    void aMissingOrTooLongPeriodIsA400NamingTheField() {
        JsonNode missing = json(web.api("GET", "/api/calendar?from=2026-01-09", null), 400);
        JsonNode tooLong = json(web.api("GET", "/api/calendar?from=2026-01-01&to=2026-12-31", null), 400);

        assertTrue(missing.toString().contains("\"to\""), missing.toString());
        assertTrue(tooLong.toString().contains("at most 62 days"), tooLong.toString());
    }

    @Test
    void withoutTheApiKeyNothingIsShown() {
        HttpResponse<String> refused = web.apiWith(null, "GET", "/api/calendar?from=2026-01-09&to=2026-01-12", null);

        assertEquals(401, refused.statusCode());
        assertTrue(!refused.body().contains("Family"), refused.body());
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new java.util.ArrayList<>();
        array.forEach(node -> texts.add(node.asText()));
        return texts;
    }

    private static JsonNode json(HttpResponse<String> response, int status) {
        assertEquals(status, response.statusCode(), response.body());
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
