package io.leavebot.http;

import static io.leavebot.http.DecisionEndpointTest.assertContains;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.leavebot.leave.LeaveStatus;
import io.leavebot.testing.LeaveBotHarness;
import io.leavebot.testing.SampleLeaves;
import io.leavebot.testing.WebHarness;
import io.leavebot.workflow.Answer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class BalanceApiTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ADJUST = "{\"type\": \"annual\", \"amount\": 2, \"reason\": \"Overtime in March\", "
            + "\"key\": \"overtime-1\", \"by\": \"hana@example.org\"}";

    @RegisterExtension
    final WebHarness web = new WebHarness().withAdmins(SampleLeaves.HANA);

    @Test
    void balancesShowEveryTypeWithItsLedger() {
        approvedRequest();

        JsonNode answer = json(web.api("GET", "/api/people/ada@example.org/balances", null), 200);

        assertEquals("2026-01-05", answer.get("as_of").asText());
        JsonNode annual = answer.at("/balances/0");
        assertEquals("annual", annual.get("type").asText());
        assertEquals("days", annual.get("unit").asText());
        assertEquals("2026", annual.get("leave_year").asText());
        assertEquals(25, annual.get("allowance").asInt());
        assertEquals(5, annual.get("taken").asInt());
        assertEquals(20, annual.get("remaining").asInt());
        assertEquals(20, annual.get("available").asInt());
        assertEquals("20 of 25 days of annual leave left in 2026", annual.get("summary").asText());
        assertEquals("taken", annual.at("/ledger/1/kind").asText());
        assertEquals(-5, annual.at("/ledger/1/amount").asInt());
        assertEquals("r1", annual.at("/ledger/1/request_id").asText());
        assertEquals("sick", answer.at("/balances/2/type").asText());
        assertTrue(answer.at("/balances/2/remaining").isMissingNode(), "an unlimited type has no remaining days");
    }

    @Test
    void anAdminsAdjustmentCountsOnceForItsKey() {
        JsonNode made = json(web.api("POST", "/api/people/ada@example.org/adjustments", ADJUST), 201);
        json(web.api("POST", "/api/people/ada@example.org/adjustments", ADJUST), 201);

        assertEquals(2, made.get("amount").asInt());
        assertEquals("hana@example.org", made.get("by").asText());
        assertEquals(27, made.at("/balance/remaining").asInt());
        JsonNode annual = json(web.api("GET", "/api/people/ada@example.org/balances", null), 200).at("/balances/0");
        assertEquals(2, annual.get("adjusted").asInt(), "the same key twice adjusts once");
        assertEquals("Overtime in March", annual.at("/ledger/1/note").asText());

        HttpResponse<String> reused = web.api("POST", "/api/people/ada@example.org/adjustments", ADJUST.replace("2,", "3,"));
        assertEquals(409, reused.statusCode());
    }

    @Test
    void adjustmentsNeedAnAdminAndSayWhatIsWrongWithEachField() {
        HttpResponse<String> notAdmin = web.api("POST", "/api/people/ada@example.org/adjustments",
                ADJUST.replace("hana@", "alan@"));
        assertEquals(403, notAdmin.statusCode());
        assertContains(notAdmin.body(), "alan@example.org is not one of LeaveBot's admins");

        JsonNode bad = json(web.api("POST", "/api/people/ada@example.org/adjustments",
                "{\"type\": \"holiday\", \"amount\": \"2\", \"key\": \"a b\", \"by\": \"hana@example.org\"}"), 400);
        assertEquals("\"amount\" must be a number (without quotes), e.g. 2 or -0.5.", bad.at("/fields/amount").asText());
        assertEquals("Please say why in \"reason\": it is kept with the adjustment.", bad.at("/fields/reason").asText());
        assertEquals("\"key\" must be 1 to 40 letters, digits, '-' or '_'.", bad.at("/fields/key").asText());

        JsonNode unknown = json(web.api("POST", "/api/people/ada@example.org/adjustments",
                ADJUST.replace("annual", "sick")), 400);
        assertContains(unknown.at("/fields/type").asText(), "LeaveBot keeps no balance of \"sick\"");
    }

    @Test
    void approvedLeaveIsCancelledThroughTheApiAndTheDaysComeBack() {
        approvedRequest();

        HttpResponse<String> cancelled = web.api("POST", "/api/leaves/r1/cancel", "{\"by\": \"ada@example.org\"}");
        assertEquals(202, cancelled.statusCode(), cancelled.body());
        web.bot().settle();

        assertEquals(LeaveStatus.CANCELLED, web.bot().leave("r1").status());
        assertEquals(25, json(web.api("GET", "/api/people/ada@example.org/balances", null), 200).at("/balances/0/remaining").asInt());
        assertEquals(410, web.api("POST", "/api/leaves/r1/cancel", "").statusCode(), "once cancelled, there is nothing to cancel");
        assertEquals(403, web.api("POST", "/api/leaves/r1/cancel", "{\"by\": \"alan@example.org\"}").statusCode());
        assertEquals(400, web.api("POST", "/api/leaves/r1/cancel", "{\"who\": \"ada@example.org\"}").statusCode());
    }

    private void approvedRequest() {
        web.bot().submitted("r1");
        web.bot().leaves().answer("r1", Answer.approve(LeaveBotHarness.GRACE, null));
        web.bot().settle();
        assertEquals(LeaveStatus.APPROVED, web.bot().leave("r1").status());
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
