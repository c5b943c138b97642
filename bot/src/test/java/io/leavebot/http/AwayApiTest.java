package io.leavebot.http;

import static io.leavebot.testing.LeaveBotHarness.ALAN;
import static io.leavebot.testing.LeaveBotHarness.GRACE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.leavebot.testing.WebHarness;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The away periods and stand-ins of the JSON API; the test clock is on Mon 5 Jan 2026. */
class AwayApiTest {
    private static final String GRACES = "/api/people/grace@example.org";
    private static final String JAN_12_TO_16_ALAN = "{\"from\": \"2026-01-12\", \"to\": \"2026-01-16\", "
            + "\"stand_in_email\": \"alan@example.org\"}";
    private static final ObjectMapper JSON = new ObjectMapper();

    @RegisterExtension
    final WebHarness web = new WebHarness();

    @Test
    void aDeclaredPeriodIsAnsweredAndListed() throws IOException {
        HttpResponse<String> created = web.api("POST", GRACES + "/away", JAN_12_TO_16_ALAN);

        assertEquals(201, created.statusCode(), created.body());
        assertEquals("alan@example.org", JSON.readTree(created.body()).get("stand_in_email").asText());
        JsonNode listed = JSON.readTree(web.api("GET", GRACES + "/away", null).body());
        assertEquals("grace@example.org", listed.get("email").asText());
        assertEquals(1, listed.get("away").size());
        assertEquals("2026-01-16", listed.at("/away/0/to").asText());
        assertTrue(listed.get("stand_in").isNull());
        assertTrue(web.bot().away().actingFor(GRACE, LocalDate.of(2026, 1, 14)).orElseThrow().isSameAs(ALAN));
    }

    @Test
    void badFieldsAreAll400WithTheirNamesAndNothingIsSaved() throws IOException {
        HttpResponse<String> past = web.api("POST", GRACES + "/away",
                "{\"from\": \"2026-01-02\", \"to\": \"2025-12-30\", \"stand_in_email\": \"grace@example.org\"}");
        HttpResponse<String> unreadable = web.api("POST", GRACES + "/away", "{\"from\": \"soon\", \"to\": 5}");

        assertEquals(400, past.statusCode());
        assertEquals(Set.of("from", "to", "stand_in_email"), fields(past));
        assertTrue(JSON.readTree(past.body()).at("/fields/stand_in_email").asText().contains("yourself"), past.body());
        assertEquals(400, unreadable.statusCode());
        assertEquals(Set.of("from", "to", "stand_in_email"), fields(unreadable));
        assertEquals(List.of(), web.bot().away().list(GRACE));
    }

    @Test
    void deleteCancelsThePeriodOnceAndThen404() {
        web.api("POST", GRACES + "/away", JAN_12_TO_16_ALAN);

        assertEquals(204, web.api("DELETE", GRACES + "/away/2026-01-12", null).statusCode());
        assertEquals(404, web.api("DELETE", GRACES + "/away/2026-01-12", null).statusCode());
        assertEquals(List.of(), web.bot().away().list(GRACE));
    }

    @Test
    void putStandinNamesAndClearsTheStandingStandIn() throws IOException {
        HttpResponse<String> named = web.api("PUT", GRACES + "/standin", "{\"stand_in_email\": \"alan@example.org\"}");

        assertEquals(200, named.statusCode(), named.body());
        assertEquals("alan@example.org", JSON.readTree(named.body()).at("/stand_in/email").asText());
        assertEquals(200, web.api("PUT", GRACES + "/standin", "{\"stand_in_email\": null}").statusCode());
        assertEquals(Optional.empty(), web.bot().away().standIn(GRACE));
        assertEquals(400, web.api("PUT", GRACES + "/standin", "{\"stand_in_email\": \"not-an-address\"}").statusCode());
    }

    @Test
    void theKeyIsNeededAndWrongMethodsAndPathsAreNamed() {
        assertEquals(401, web.apiWith(null, "GET", GRACES + "/away", null).statusCode());
        assertEquals(405, web.api("PUT", GRACES + "/away", "{}").statusCode());
        assertEquals(404, web.api("GET", "/api/people/not-an-address/away", null).statusCode());
        assertEquals(404, web.api("GET", GRACES + "/holidays", null).statusCode());
    }

    private static Set<String> fields(HttpResponse<String> response) throws IOException {
        Set<String> names = new java.util.TreeSet<>();
        JSON.readTree(response.body()).get("fields").fieldNames().forEachRemaining(names::add);
        return names;
    }
}
