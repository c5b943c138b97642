package io.leavebot.http;

import static io.leavebot.http.DecisionEndpointTest.assertContains;
import static io.leavebot.testing.LeaveBotHarness.ADA;
import static io.leavebot.testing.LeaveBotHarness.GRACE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.leavebot.leave.LeaveRequest;
import io.leavebot.leave.LeaveStatus;
import io.leavebot.testing.SampleLeaves;
import io.leavebot.testing.WebHarness;
import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The decision API: by the callback id of the approval e-mail (the seed's call), by request id, and withdrawal;
 * strict bodies; and the workflow's own check behind it.
 */
class DecisionApiTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern CALLBACK_IN_MAIL = Pattern.compile("callback id: (\\S+)");

    @RegisterExtension
    final WebHarness web = new WebHarness();

    @Test
    void theCallbackIdFromTheApprovalEmailDecidesTheSeedsWay() throws Exception {
        web.submitted("r1");
        String callbackId = callbackIdFromMail();
        assertEquals(SampleLeaves.callbackOf(web.bot().leave("r1")), callbackId, "the e-mail states the request's callback id");

        HttpResponse<String> answer = web.api("POST", "/api/decisions",
                "{\"callback_id\": \"" + callbackId + "\", \"decision\": \"reject\", \"comment\": \"Release week\"}");
        assertEquals(202, answer.statusCode(), answer.body());
        assertEquals("/api/leaves/r1", answer.headers().firstValue("Location").orElseThrow());
        assertEquals("REJECTED", JSON.readTree(answer.body()).path("answer").asText());

        web.bot().settle();
        JsonNode shown = JSON.readTree(web.api("GET", "/api/leaves/r1", null).body());
        assertEquals("REJECTED", shown.path("status").asText());
        assertEquals("rejected", shown.path("decision").path("outcome").asText());
        assertEquals("grace@example.org", shown.path("decision").path("by").path("email").asText());
        assertEquals("Release week", shown.path("decision").path("comment").asText());
        assertEquals(1, web.bot().mailTo(ADA, "Your leave").size());
    }

    @Test
    void aRequestIdDecidesAsItsApproverOrAsTheDeciderNamed() throws Exception {
        web.submitted("r1");

        HttpResponse<String> answer = web.api("POST", "/api/leaves/r1/decision",
                "{\"decision\": \"approve\", \"decider_email\": \"Grace@Example.org\"}");
        assertEquals(202, answer.statusCode(), answer.body());
        web.bot().settle();
        LeaveRequest leave = web.bot().leave("r1");
        assertEquals(LeaveStatus.APPROVED, leave.status());
        assertTrue(GRACE.isSameAs(leave.decision().by()));

        HttpResponse<String> again = web.api("POST", "/api/leaves/r1/decision", "{\"decision\": \"reject\"}");
        assertEquals(410, again.statusCode(), "decided before");
        assertContains(again.body(), "it is APPROVED", "Nothing was changed");
        assertEquals(LeaveStatus.APPROVED, web.bot().leave("r1").status());
    }

    @Test
    void someoneElseNamedAsDeciderIsRefusedAndNothingChanges() {
        web.submitted("r1");

        HttpResponse<String> answer = web.api("POST", "/api/leaves/r1/decision",
                "{\"decision\": \"approve\", \"decider_email\": \"mallory@example.org\"}");
        assertEquals(403, answer.statusCode());
        assertContains(answer.body(), "Only this request's approvers");
        web.bot().settle();
        assertEquals(LeaveStatus.PENDING, web.bot().leave("r1").status());
    }

    @Test
    void everythingButTheDocumentedShapeIsA400ThatNamesTheField() {
        web.submitted("r1");
        String callbackId = SampleLeaves.callbackOf(web.bot().leave("r1"));
        assertBadRequest("/api/decisions", "{\"callback_id\": \"" + callbackId + "\", \"decision\": \"Approve\"}", "decision");
        assertBadRequest("/api/decisions", "{\"callback_id\": \"" + callbackId + "\", \"decision\": \"yes\"}", "decision");
        assertBadRequest("/api/decisions", "{\"callback_id\": \"" + callbackId + "\"}", "decision");
        assertBadRequest("/api/decisions", "{\"decision\": \"approve\"}", "callback_id");
        assertBadRequest("/api/decisions", "{\"callback_id\": 42, \"decision\": \"approve\"}", "callback_id");
        assertBadRequest("/api/decisions", "{\"callback_id\": \"" + callbackId + "\", \"decision\": \"approve\", "
                + "\"approved\": true}", "approved");
        assertBadRequest("/api/leaves/r1/decision", "{\"decision\": \"reject\", \"comment\": \"" + "x".repeat(1001) + "\"}",
                "comment");
        assertBadRequest("/api/leaves/r1/decision", "{\"decision\": \"approve\", \"decider_email\": \"grace\"}", "decider_email");
        assertBadRequest("/api/leaves/r1/decision", "{\"decision\": \"approve\", \"callback_id\": \"" + callbackId + "\"}",
                "callback_id");
        assertEquals(400, web.api("POST", "/api/decisions", "[\"approve\"]").statusCode());
        assertEquals(400, web.api("POST", "/api/decisions", "{\"decision\": \"approve\"").statusCode());
        assertBadRequest("/api/leaves/r1/withdraw", "{\"reason\": \"plans changed\"}", "reason");

        web.bot().settle();
        assertEquals(LeaveStatus.PENDING, web.bot().leave("r1").status(), "no bad body changed anything");
        assertNull(web.bot().leave("r1").decision());
    }

    @Test
    void unknownNotYetWaitingAndUnauthenticatedCallsChangeNothing() {
        assertEquals(404, web.api("POST", "/api/decisions", "{\"callback_id\": \"no-such-callback\", \"decision\": \"approve\"}")
                .statusCode());
        assertEquals(404, web.api("POST", "/api/leaves/nope/decision", "{\"decision\": \"approve\"}").statusCode());
        assertEquals(404, web.api("POST", "/api/leaves/nope/withdraw", null).statusCode());
        // recorded, but its approver not asked yet (no workflow has reached the ask step): 409
        web.bot().store().create(SampleLeaves.askedWith(SampleLeaves.pending(), null));
        HttpResponse<String> early = web.api("POST", "/api/leaves/" + SampleLeaves.REQUEST_ID + "/decision",
                "{\"decision\": \"approve\"}");
        assertEquals(409, early.statusCode(), early.body());
        assertEquals(401, web.apiWith(null, "POST", "/api/leaves/" + SampleLeaves.REQUEST_ID + "/withdraw", null).statusCode());
        assertEquals(405, web.api("GET", "/api/decisions", null).statusCode());
        assertEquals(LeaveStatus.PENDING, web.bot().store().get(SampleLeaves.REQUEST_ID).orElseThrow().status());
    }

    @Test
    void theEmployeeWithdrawsByApiOnceAndOnlyTheEmployee() {
        web.submitted("r1");
        HttpResponse<String> stranger = web.api("POST", "/api/leaves/r1/withdraw", "{\"employee_email\": \"alan@example.org\"}");
        assertEquals(403, stranger.statusCode());

        HttpResponse<String> withdrawn = web.api("POST", "/api/leaves/r1/withdraw", null);
        assertEquals(202, withdrawn.statusCode(), withdrawn.body());
        web.bot().settle();
        LeaveRequest leave = web.bot().leave("r1");
        assertEquals(LeaveStatus.CANCELLED, leave.status());
        assertTrue(ADA.isSameAs(leave.decision().by()));
        assertEquals(410, web.api("POST", "/api/leaves/r1/withdraw", "{}").statusCode());
        assertEquals(410, web.api("POST", "/api/leaves/r1/decision", "{\"decision\": \"approve\"}").statusCode());
    }

    @Test
    void aReplacedCallbackIdIsGoneAndTheAuditShowsWhy() throws Exception {
        web.submitted("r1");
        String first = SampleLeaves.callbackOf(web.bot().leave("r1"));
        // an answer the workflow cannot take: the seed's own body, sent to the callback itself
        web.bot().engine().succeedCallback(first, "{\"callback_id\": \"" + first + "\", \"decision\": \"reject\"}");
        web.bot().settle();

        HttpResponse<String> old = web.api("POST", "/api/decisions", "{\"callback_id\": \"" + first + "\", \"decision\": \"approve\"}");
        assertEquals(410, old.statusCode());
        assertContains(old.body(), "was replaced");
        JsonNode shown = JSON.readTree(web.api("GET", "/api/leaves/r1", null).body());
        assertEquals("PENDING", shown.path("status").asText());
        JsonNode audit = shown.path("audit");
        assertEquals(1, audit.size(), shown.toString());
        assertEquals("answer-refused", audit.get(0).path("event").asText());
        assertContains(audit.get(0).path("details").asText(), "unknown field \"callback_id\"");

        String fresh = SampleLeaves.callbackOf(web.bot().leave("r1"));
        assertEquals(202, web.api("POST", "/api/decisions", "{\"callback_id\": \"" + fresh + "\", \"decision\": \"approve\"}")
                .statusCode());
        web.bot().settle();
        assertEquals(LeaveStatus.APPROVED, web.bot().leave("r1").status());
    }

    private void assertBadRequest(String path, String body, String field) {
        HttpResponse<String> answer = web.api("POST", path, body);
        assertEquals(400, answer.statusCode(), body);
        assertTrue(answer.body().contains(path.endsWith("/withdraw") ? "The withdrawal was not accepted" : "The decision was not accepted"),
                answer.body());
        try {
            assertTrue(JSON.readTree(answer.body()).path("fields").has(field), () -> "no error on " + field + ": " + answer.body());
        } catch (java.io.IOException e) {
            throw new AssertionError(answer.body(), e);
        }
    }

    private String callbackIdFromMail() {
        var mails = web.bot().mailTo(GRACE, "Leave request from");
        Matcher found = CALLBACK_IN_MAIL.matcher(mails.get(mails.size() - 1).text().replace("\r\n", " ").replace("\n", " "));
        assertTrue(found.find(), "the approval e-mail states the callback id");
        return found.group(1);
    }
}
