package io.leavebot.teams;

import static io.leavebot.testing.SampleLeaves.ADA;
import static io.leavebot.testing.SampleLeaves.ALAN;
import static io.leavebot.testing.SampleLeaves.GRACE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.leavebot.leave.LeaveRequest;
import io.leavebot.leave.LeaveStatus;
import io.leavebot.testing.TeamsApi;
import io.leavebot.testing.TeamsHarness;
import io.leavebot.testing.TeamsRequests.Signed;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** What an employee types to the bot in Teams, in the grammar Slack's /leave has; and the request form. */
class TeamsCommandTest {
    @RegisterExtension
    final TeamsHarness teams = new TeamsHarness();

    {
        teams.bot().withAdmins(ALAN); // before the harness opens the bot, which reads its admins then
    }

    @BeforeEach
    void everyoneUsesTeams() {
        teams.joinsTeams(ADA);
        teams.joinsTeams(GRACE);
    }

    @Test
    void aRequestByMessageStartsOnceAndIsAnsweredInTheChat() {
        Signed message = teams.requests().message(ADA, "leave 2026-01-12 2026-01-16 Family trip");
        assertEquals(200, teams.send(message).status());
        assertEquals(200, teams.send(message).status(), "a redelivered message is the same request");
        teams.bot().settle();

        List<LeaveRequest> requests = teams.bot().leaves().requestsOf(ADA);
        assertEquals(1, requests.size());
        assertEquals("Family trip", requests.get(0).reason());
        assertEquals(LocalDate.of(2026, 1, 16), requests.get(0).end());
        // the reply, in the thread of the message; the workflow's receipt may have been sent before it
        JsonNode reply = TeamsApi.card(teams.teams().replies(ADA).get(0));
        assertTrue(reply.toString().contains("Its id is " + requests.get(0).id()), reply.toString());
        assertEquals(1, teams.teams().sent(GRACE).size(), "the approver is asked once");
    }

    @Test
    void leaveAloneAnswersWithTheFormWhoseSubmissionStartsTheRequest() {
        teams.send(teams.requests().message(ADA, "leave"));
        JsonNode form = teams.teams().cardWith(ADA, RequestCard.SUBMIT);
        assertEquals("1.5", form.path("version").asText());
        assertEquals(List.of("Input.ChoiceSet", "Input.Date", "Input.Date", "Input.Toggle", "Input.Text"),
                form.path("body").findValuesAsText("type").stream().filter(t -> t.startsWith("Input.")).toList());

        ObjectNode data = TeamsApi.execute(form, RequestCard.SUBMIT).path("data").deepCopy();
        data.put("type", "annual").put("start", "2026-01-12").put("end", "2026-01-12").put("halfDay", "true").put("reason", "Dentist");
        JsonNode answer = teams.invoke(teams.requests().click(ADA, RequestCard.SUBMIT, data));
        JsonNode again = teams.invoke(teams.requests().click(ADA, RequestCard.SUBMIT, data));

        assertEquals("application/vnd.microsoft.card.adaptive", answer.path("type").asText());
        assertTrue(answer.path("value").toString().contains("Leave request received"), answer.toString());
        assertEquals(answer, again, "the same form sent twice is one request");
        teams.bot().settle();
        LeaveRequest leave = teams.bot().leaves().requestsOf(ADA).get(0);
        assertTrue(leave.halfDay());
        assertEquals(1, teams.bot().leaves().requestsOf(ADA).size());
    }

    @Test
    void theFormShowsTheBalanceAndARequestBeyondItComesBackWithWhy() {
        teams.send(teams.requests().message(ADA, "leave"));
        JsonNode form = teams.teams().cardWith(ADA, RequestCard.SUBMIT);
        assertTrue(form.toString().contains("You have 25 of 25 days of annual leave left in 2026."), form.toString());

        ObjectNode data = TeamsApi.execute(form, RequestCard.SUBMIT).path("data").deepCopy();
        data.put("type", "annual").put("start", "2026-01-12").put("end", "2026-02-20");
        JsonNode back = teams.invoke(teams.requests().click(ADA, RequestCard.SUBMIT, data)).path("value");

        assertTrue(back.path("body").path(1).path("text").asText().startsWith("This takes 30 days of annual leave, but "
                + "you have 25 days left in 2026"), back.toString());
        assertEquals("You have 25 of 25 days of annual leave left in 2026; this request takes 30, leaving \u22125.",
                back.path("body").path(2).path("text").asText());
        assertEquals(List.of(), teams.bot().leaves().requestsOf(ADA));
    }

    @Test
    void connectAndDisconnectAreSlacksAndSaySo() {
        for (String text : List.of("leave connect", "leave disconnect")) {
            teams.send(teams.requests().message(ADA, text));

            String card = TeamsApi.card(last()).toString();
            assertTrue(card.contains("so it is done in Slack: type /leave connect there"), card);
        }
    }

    @Test
    void balanceAnswersWithEveryType() {
        teams.send(teams.requests().message(ADA, "leave balance"));

        String card = TeamsApi.card(last()).toString();
        assertTrue(card.contains("25 of 25 days of annual leave left in 2026"), card);
        assertTrue(card.contains("0 days of sick leave taken in 2026"), card);
    }

    @Test
    void aFormWithProblemsComesBackWithThemAndItsValues() {
        teams.send(teams.requests().message(ADA, "leave"));
        JsonNode form = teams.teams().cardWith(ADA, RequestCard.SUBMIT);
        ObjectNode data = TeamsApi.execute(form, RequestCard.SUBMIT).path("data").deepCopy();
        data.put("type", "annual").put("start", "2026-01-16").put("end", "2026-01-12").put("reason", "Trip");

        JsonNode answer = teams.invoke(teams.requests().click(ADA, RequestCard.SUBMIT, data));

        JsonNode back = answer.path("value");
        assertEquals("Attention", back.path("body").path(1).path("color").asText(), back.toString());
        assertTrue(back.toString().contains("\"value\":\"Trip\""), "the values stay: " + back);
        assertEquals(List.of(), teams.bot().leaves().requestsOf(ADA));
    }

    @Test
    void listAndCancelWorkOnTheEmployeesOwnRequests() {
        String id = teams.bot().submitted("r1").id();
        teams.send(teams.requests().message(ADA, "leave list"));
        assertTrue(TeamsApi.card(last()).toString().contains("(id " + id + ")"), last().toString());

        teams.send(teams.requests().message(ADA, "leave cancel " + id));
        assertEquals(LeaveStatus.CANCELLED, teams.settledStatus(id));
        assertTrue(teams.teams().sent(ADA).stream().anyMatch(a -> a.toString().contains("Your leave request is withdrawn")));
    }

    @Test
    void theListOfAStandInNamesWhatWaitsForThemAndForWhom() {
        teams.joinsTeams(ALAN);
        LocalDate today = LocalDate.ofInstant(teams.bot().now(), ZoneOffset.UTC);
        assertTrue(teams.bot().away().declare(GRACE, today, today.plusDays(20), ALAN).saved());
        String id = teams.bot().submitted("r1").id();

        teams.send(teams.requests().message(ALAN, "leave list"));

        List<JsonNode> sent = teams.teams().sent(ALAN);
        String list = TeamsApi.card(sent.get(sent.size() - 1)).toString();
        assertTrue(list.contains("Waiting for your decision"), list);
        assertTrue(list.contains("• Ada Lovelace (standing in for Grace Hopper): Mon 12 Jan 2026 – Fri 16 Jan 2026"), list);
        assertTrue(list.contains("(id " + id + ")"), list);
    }

    @Test
    void someoneElseCannotCancelARequest() {
        String id = teams.bot().submitted("r1").id();
        teams.send(teams.requests().message(GRACE, "leave cancel " + id));
        assertTrue(TeamsApi.card(teams.teams().sent(GRACE).get(teams.teams().sent(GRACE).size() - 1)).toString()
                .contains("is not yours. Nothing was changed."));
        assertEquals(LeaveStatus.PENDING, teams.settledStatus(id));
    }

    @Test
    void anAdminAdjustsABalanceByEMailOnceThoughTheMessageComesTwice() {
        teams.joinsTeams(ALAN);
        Signed message = teams.requests().message(ALAN, "leave adjust ada@example.org annual -0.5 Half day taken before LeaveBot");
        teams.send(message);
        teams.send(message);

        List<JsonNode> replies = teams.teams().replies(ALAN);
        assertEquals(TeamsApi.card(replies.get(0)), TeamsApi.card(replies.get(1)), "a redelivered message is the same adjustment");
        assertTrue(TeamsApi.card(replies.get(0)).toString().contains("ada@example.org's annual leave: \u22120.5 days (Half day "
                + "taken before LeaveBot); now 24.5 of 24.5 days left in 2026."), replies.get(0).toString());
        assertEquals("24.5", teams.bot().balances().of(ADA, "annual", LocalDate.of(2026, 1, 5)).orElseThrow().total()
                .stripTrailingZeros().toPlainString());

        teams.send(teams.requests().message(ADA, "leave adjust ada@example.org annual +5 Just because"));
        assertTrue(TeamsApi.card(last()).toString().contains("Only LeaveBot's admins can adjust balances. Nothing was changed."),
                last().toString());
    }

    @Test
    void unreadableTextIsAnsweredWithTheUsage() {
        teams.send(teams.requests().message(ADA, "leave holiday next week"));
        assertTrue(TeamsApi.card(last()).toString().contains("leave list — shows your requests"), last().toString());
    }

    private JsonNode last() {
        List<JsonNode> sent = teams.teams().sent(ADA);
        return sent.get(sent.size() - 1);
    }
}
