package io.leavebot.http;

import static io.leavebot.http.DecisionEndpointTest.assertContains;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.leavebot.durable.model.ExecutionQuery;
import io.leavebot.leave.Person;
import io.leavebot.testing.LeaveBotHarness;
import io.leavebot.testing.ReceivedMail;
import io.leavebot.testing.WebHarness;
import io.leavebot.workflow.Answer;
import io.leavebot.workflow.LeaveRequests;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LeaveApiTest {
    /** Mon 12 – Fri 16 Jan 2026 for Ada; the test clock starts on Mon 5 Jan 2026. */
    static final String GOOD = "{\"start_date\": \"2026-01-12\", \"end_date\": \"2026-01-16\", \"employee_email\": \"ada@example.org\"}";
    private static final ObjectMapper JSON = new ObjectMapper();

    @RegisterExtension
    final WebHarness web = new WebHarness();

    @Test
    void goodRequestIsAcceptedThenShownAsPending() {
        HttpResponse<String> created = web.api("POST", "/api/leaves", GOOD);
        assertEquals(202, created.statusCode());
        JsonNode answer = json(created);
        String id = answer.get("id").asText();
        assertEquals("PENDING", answer.get("status").asText());
        assertEquals("/api/leaves/" + id, created.headers().firstValue("Location").orElseThrow());
        web.bot().settle();

        JsonNode leave = json(web.api("GET", "/api/leaves/" + id, null));
        assertEquals(id, leave.get("id").asText());
        assertEquals("PENDING", leave.get("status").asText());
        assertEquals("2026-01-12", leave.get("start_date").asText());
        assertEquals("2026-01-16", leave.get("end_date").asText());
        assertEquals(5, leave.get("working_days").asInt());
        assertEquals("annual", leave.get("type").asText());
        assertEquals("ada@example.org", leave.at("/employee/email").asText());
        assertEquals("grace@example.org", leave.at("/approver/email").asText());
        assertTrue(leave.get("decision").isNull());
        assertFalse(leave.toString().contains("callback"), "a callback id decides a request: never shown");
    }

    @Test
    void theChainSaysWhoWasAskedAndUntilWhenTheirAnswerIsTaken() {
        String id = json(web.api("POST", "/api/leaves", GOOD)).get("id").asText();
        web.bot().settle();

        JsonNode place = json(web.api("GET", "/api/leaves/" + id, null)).at("/approval_chain/0/approvers/0");
        assertEquals("grace@example.org", place.at("/approver/email").asText());
        assertTrue(place.get("asked").asBoolean());
        assertEquals(web.bot().now().plus(LeaveBotHarness.TIMEOUT).toString(), place.get("answer_by").asText(),
                "asked now, with the whole window");
    }

    @Test
    void decisionIsShownOnceMade() {
        String id = json(web.api("POST", "/api/leaves", with("reason", "Family visit"))).get("id").asText();
        web.bot().settle();
        var answered = web.bot().leaves().answer(id, Answer.reject(LeaveBotHarness.GRACE, "Busy week"));
        assertEquals(LeaveRequests.Answered.Result.ACCEPTED, answered.result());
        web.bot().settle();

        JsonNode leave = json(web.api("GET", "/api/leaves/" + id, null));
        assertEquals("REJECTED", leave.get("status").asText());
        assertEquals("rejected", leave.at("/decision/outcome").asText());
        assertEquals("grace@example.org", leave.at("/decision/by/email").asText());
        assertEquals("Busy week", leave.at("/decision/comment").asText());
        assertEquals("Family visit", leave.get("reason").asText());
    }

    @Test
    void sameRequestIdGivesOneLeave() {
        String body = with("request_id", "hr-42");
        HttpResponse<String> first = web.api("POST", "/api/leaves", body);
        HttpResponse<String> beforeRecorded = web.api("POST", "/api/leaves", body);
        web.bot().settle();
        HttpResponse<String> afterRecorded = web.api("POST", "/api/leaves", body);
        web.bot().settle();

        assertEquals(202, first.statusCode());
        assertEquals(json(first).get("id"), json(beforeRecorded).get("id"));
        assertEquals(json(first).get("id"), json(afterRecorded).get("id"));
        assertEquals(1, web.bot().engine().listExecutions(LeaveRequests.FUNCTION, ExecutionQuery.all()).executions().size());
        assertEquals(1, web.bot().mailTo(LeaveBotHarness.GRACE, "Leave request from").size());
    }

    @Test
    void requestIdReusedForAnotherRequestIsRefused() {
        web.api("POST", "/api/leaves", with("request_id", "hr-42"));
        web.bot().settle();
        HttpResponse<String> other = web.api("POST", "/api/leaves",
                with("request_id", "hr-42").replace("2026-01-16", "2026-01-15"));
        assertEquals(409, other.statusCode());
        assertTrue(json(other).at("/fields/request_id").isTextual());
    }

    @ParameterizedTest
    @ValueSource(strings = {"start_date", "end_date", "employee_email"})
    void eachMissingFieldIsNamed(String field) {
        ObjectNode body = (ObjectNode) parse(GOOD);
        body.remove(field);
        HttpResponse<String> refused = web.api("POST", "/api/leaves", body.toString());
        assertEquals(400, refused.statusCode());
        JsonNode answer = json(refused);
        assertEquals(1, answer.get("fields").size(), answer::toString);
        assertTrue(answer.at("/fields/" + field).asText().startsWith("Please give the "), answer::toString);
        assertContains(answer.get("error").asText(), field);
        assertNothingStarted();
    }

    @Test
    void everyFieldErrorComesAtOnce() {
        JsonNode answer = json(web.api("POST", "/api/leaves", "{\"half_day\": \"yes\", \"type\": 3}"));
        assertEquals(Set.of("start_date", "end_date", "employee_email", "half_day", "type"),
                fieldNames(answer.get("fields")));
    }

    @Test
    void datesMustBeIsoAndInOrderAndNotPast() {
        assertContains(fieldError(GOOD.replace("2026-01-12", "12/01/2026"), "start_date"), "YYYY-MM-DD");
        assertContains(fieldError(GOOD.replace("2026-01-16", "2026-02-30"), "end_date"), "not a day in the calendar");
        assertContains(fieldError(GOOD.replace("2026-01-16", "2026-01-09"), "end_date"), "before the start date");
        assertContains(fieldError(GOOD.replace("2026-01-12", "2026-01-02"), "start_date"), "in the past");
        assertNothingStarted();
    }

    @Test
    void validationErrorsOfTheRequestUseTheApiFieldNames() {
        assertContains(fieldError(with("type", "holiday"), "type"), "not a leave type");
        assertContains(fieldError(GOOD.replace("ada@example.org", "ada-at-example"), "employee_email"), "e-mail address");
        assertContains(fieldError(with("half_day", "true"), "half_day"), "single day");
    }

    @Test
    void aRequestWithNoWorkingDaysIsRefusedAndNothingStarts() {
        String weekend = GOOD.replace("2026-01-12", "2026-01-17").replace("2026-01-16", "2026-01-18");

        assertEquals("2026-01-17 to 2026-01-18 has no working days. Please pick dates that include a working day "
                + "(Monday to Friday).", fieldError(weekend, "end_date"));
        assertNothingStarted();
        assertEquals(List.of(), web.bot().mail());
    }

    @Test
    void anEmployeeAddressOverTheRfcLimitIsRefusedAndTheLimitItselfIsMailed() {
        String longest = "a".repeat(64) + "@" + "b".repeat(60) + "." + "c".repeat(63) + "." + "d".repeat(60) + ".org";
        String tooLong = "x" + longest;
        assertEquals(254, longest.length());

        assertContains(fieldError(GOOD.replace("ada@example.org", tooLong), "employee_email"), "255 characters long");
        assertNothingStarted();
        assertEquals(List.of(), web.bot().store().listByEmployee(Person.ofEmail(tooLong, null)));
        assertEquals(List.of(), web.bot().mail());

        assertEquals(202, web.api("POST", "/api/leaves", GOOD.replace("ada@example.org", longest)).statusCode());
        web.bot().settle();
        assertEquals(1, web.bot().mailTo(Person.ofEmail(longest, null), "Leave request received").size());
    }

    @Test
    void bidiControlsInTheReasonAreNeitherStoredNorMailed() {
        String id = json(web.api("POST", "/api/leaves", with("reason", "Family \u202Etisiv"))).get("id").asText();
        web.bot().settle();

        assertEquals("Family tisiv", web.bot().leave(id).reason());
        ReceivedMail asked = web.bot().mailTo(LeaveBotHarness.GRACE, "Leave request from").get(0);
        assertContains(asked.text(), "Family tisiv");
        assertFalse(web.bot().mail().stream().anyMatch(m -> m.text().contains("\u202E")), "no e-mail carries the control");
    }

    @Test
    void bidiControlsInARejectionCommentAreNeitherStoredNorMailed() {
        String id = json(web.api("POST", "/api/leaves", GOOD)).get("id").asText();
        web.bot().settle();
        web.bot().leaves().answer(id, Answer.reject(LeaveBotHarness.GRACE, "Release \u2067week\u2069, sorry"));
        web.bot().settle();

        assertEquals("Release week, sorry", web.bot().leave(id).decision().comment());
        ReceivedMail rejected = web.bot().mailTo(Person.ofEmail("ada@example.org", null), "Your leave request was not approved").get(0);
        assertContains(rejected.text(), "Release week, sorry");
    }

    @Test
    void badJsonIsRefusedWithAClearMessage() {
        for (String body : new String[] {"{\"start_date\": ", "[1, 2]", "", "{} {}", "{\"a\": 1, \"a\": 2}"}) {
            HttpResponse<String> refused = web.api("POST", "/api/leaves", body);
            assertEquals(400, refused.statusCode(), body);
            assertTrue(json(refused).get("error").asText().contains("JSON"), refused::body);
            assertEquals(0, json(refused).get("fields").size());
        }
        assertNothingStarted();
    }

    @Test
    void unknownFieldsAreIgnored() {
        assertEquals(202, web.api("POST", "/api/leaves", with("department", "R&D")).statusCode());
    }

    @Test
    void missingKeyGets401WithAChallenge() {
        HttpResponse<String> refused = web.apiWith(null, "POST", "/api/leaves", GOOD);
        assertEquals(401, refused.statusCode());
        assertEquals("Bearer realm=\"leavebot\"", refused.headers().firstValue("WWW-Authenticate").orElseThrow());
        assertEquals(401, web.apiWith("Basic YWRhOnNlY3JldA==", "GET", "/api/leaves/x", null).statusCode());
        assertNothingStarted();
    }

    @Test
    void wrongKeyGets401InvalidToken() {
        HttpResponse<String> refused = web.apiWith("Bearer " + WebHarness.API_KEY + "x", "POST", "/api/leaves", GOOD);
        assertEquals(401, refused.statusCode());
        assertTrue(refused.headers().firstValue("WWW-Authenticate").orElseThrow().contains("error=\"invalid_token\""));
        assertFalse(refused.body().contains(WebHarness.API_KEY));
        assertNothingStarted();
    }

    @Test
    void unknownIdGets404() {
        HttpResponse<String> missing = web.api("GET", "/api/leaves/no-such-request", null);
        assertEquals(404, missing.statusCode());
        assertContains(json(missing).get("error").asText(), "no leave request with this id");
    }

    @Test
    void wrongMethodGets405() {
        HttpResponse<String> list = web.api("GET", "/api/leaves", null);
        assertEquals(405, list.statusCode());
        assertEquals("POST", list.headers().firstValue("Allow").orElseThrow());
        HttpResponse<String> delete = web.api("DELETE", "/api/leaves/some-id", null);
        assertEquals(405, delete.statusCode());
        assertEquals("GET", delete.headers().firstValue("Allow").orElseThrow());
    }

    @Test
    void bodyOver64KiBGets413() {
        HttpResponse<String> refused = web.api("POST", "/api/leaves", with("reason", "x".repeat(70 * 1024)));
        assertEquals(413, refused.statusCode());
        assertContains(json(refused).get("error").asText(), "64 KiB");
        assertNothingStarted();
    }

    @Test
    void nonJsonContentTypeGets415() {
        var request = HttpRequest.newBuilder(web.uri().resolve("/api/leaves"))
                .header("Authorization", "Bearer " + WebHarness.API_KEY).header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString(GOOD));
        assertEquals(415, web.send(request).statusCode());
    }

    private String fieldError(String body, String field) {
        HttpResponse<String> refused = web.api("POST", "/api/leaves", body);
        assertEquals(400, refused.statusCode(), refused::body);
        JsonNode message = json(refused).at("/fields/" + field);
        assertTrue(message.isTextual(), () -> "no message for " + field + " in " + refused.body());
        return message.asText();
    }

    private void assertNothingStarted() {
        web.bot().settle();
        assertEquals(0, web.bot().engine().listExecutions(LeaveRequests.FUNCTION, ExecutionQuery.all()).executions().size());
    }

    /** {@link #GOOD} with one more field; {@code value} is a JSON literal when it is true, false or a number. */
    static String with(String field, String value) {
        ObjectNode body = (ObjectNode) parse(GOOD);
        if (value.equals("true") || value.equals("false")) {
            body.put(field, Boolean.parseBoolean(value));
        } else {
            body.put(field, value);
        }
        return body.toString();
    }

    private static Set<String> fieldNames(JsonNode node) {
        Set<String> names = new HashSet<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static JsonNode json(HttpResponse<String> response) {
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/json"), response::toString);
        return parse(response.body());
    }

    private static JsonNode parse(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
