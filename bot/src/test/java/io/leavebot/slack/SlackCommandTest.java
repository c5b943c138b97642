package io.leavebot.slack;

import static io.leavebot.testing.SampleLeaves.slackIdOf;
import static io.leavebot.testing.SampleLeaves.ADA;
import static io.leavebot.testing.SampleLeaves.ALAN;
import static io.leavebot.testing.SampleLeaves.GRACE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.leavebot.leave.LeaveRequest;
import io.leavebot.leave.LeaveStatus;
import io.leavebot.notify.Notification;
import io.leavebot.workflow.Answer;
import io.leavebot.testing.SlackApi;
import io.leavebot.testing.SlackAppHarness;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class SlackCommandTest {
    private static final Pattern ID = Pattern.compile("Its id is ([0-9a-z-]+)\\.");

    @RegisterExtension
    final SlackAppHarness slack = new SlackAppHarness();

    {
        slack.bot().withAdmins(GRACE); // before the harness opens the bot, which reads its admins then
    }

    @Test
    void leaveAloneOpensTheRequestForm() {
        String triggerId = slack.requests().triggerId();
        JsonNode ack = slack.sendOk(slack.requests().command(slackIdOf(ADA), "", triggerId));
        assertTrue(ack.isEmpty(), "the ack says nothing: the form is the answer");

        Map<String, String> opened = slack.slack().calls("views.open").get(0);
        assertEquals(triggerId, opened.get("trigger_id"));
        JsonNode view = SlackApi.json(opened, "view");
        assertEquals("modal", view.path("type").asText());
        assertEquals(RequestModal.CALLBACK_ID, view.path("callback_id").asText());
        assertEquals(List.of("type", "start", "end", "half-day", "balance", "reason"), view.path("blocks").findValuesAsText("block_id"));
        assertEquals("25 of 25 days of annual leave left in 2026.", SlackRequestFormTest.balanceLine(view));
        assertEquals(List.of("static_select", "datepicker", "datepicker", "checkboxes", "plain_text_input"),
                view.path("blocks").findValues("element").stream().map(e -> e.path("type").asText()).toList());
        assertEquals(List.of("annual", "sick", "unpaid", "other"),
                view.path("blocks").get(0).path("element").path("options").findValuesAsText("value"));
        assertEquals(0, slack.executions());
    }

    @Test
    void datesAndAReasonAskForLeaveStraightAway() {
        JsonNode reply = slack.sendOk(slack.requests().command(slackIdOf(ADA), "2026-01-12 2026-01-16 Family visit"));
        assertEquals("ephemeral", reply.path("response_type").asText());
        String text = reply.path("text").asText();
        assertTrue(text.startsWith("Leave request received: Mon 12 Jan 2026 – Fri 16 Jan 2026\nThank you — your request "
                + "for 5 working days of annual leave has been sent to Grace Hopper for approval."), text);

        slack.bot().settle();
        LeaveRequest leave = slack.bot().leave(idIn(text));
        assertEquals(LeaveStatus.PENDING, leave.status());
        assertTrue(ADA.isSameAs(leave.employee()));
        assertEquals("Family visit", leave.reason());
        assertTrue(text.endsWith("To withdraw it while it waits, type /leave cancel " + leave.id() + "."), text);
    }

    @Test
    void tomorrowOrOneDateAskForOneDayAndATypeWordChoosesTheType() {
        LeaveRequest tomorrow = requested("tomorrow");
        assertEquals(LocalDate.of(2026, 1, 6), tomorrow.start(), "the test clock is on Mon 5 Jan 2026");
        assertEquals(tomorrow.start(), tomorrow.end());
        assertEquals("annual", tomorrow.type());

        LeaveRequest sick = requested("sick 2026-01-12");
        assertEquals("sick", sick.type());
        assertEquals(LocalDate.of(2026, 1, 12), sick.end());
    }

    @Test
    void aRetriedCommandStartsOneRequest() {
        String triggerId = slack.requests().triggerId();
        String first = slack.sendOk(slack.requests().command(slackIdOf(ADA), "2026-01-12", triggerId)).path("text").asText();
        String again = slack.sendOk(slack.requests().command(slackIdOf(ADA), "2026-01-12", triggerId)).path("text").asText();
        assertEquals(idIn(first), idIn(again));
        slack.bot().settle();
        assertEquals(1, slack.executions());
    }

    @Test
    void unreadableTextGetsTheUsageAndStartsNothing() {
        String text = slack.sendOk(slack.requests().command(slackIdOf(ADA), "next week please")).path("text").asText();
        assertTrue(text.startsWith("\"next\" is not a date we can read. Please write the start date as YYYY-MM-DD, "
                + "for example 2026-01-12.\nHere is what you can ask LeaveBot:"), text);
        assertTrue(text.contains("/leave 2026-01-12 2026-01-16 Family visit"), text);
        assertEquals(0, slack.executions());
    }

    @Test
    void everyProblemWithTheRequestIsListed() {
        String text = slack.sendOk(slack.requests().command(slackIdOf(ADA), "holiday 2026-01-02 2026-01-01")).path("text").asText();
        assertTrue(text.startsWith("Your leave request was not sent. Please correct these and try again:\n"
                + "• \"holiday\" is not a leave type here. Please choose one of: annual, sick, unpaid or other.\n"
                + "• The start date 2026-01-02 is in the past."), text);
        assertTrue(text.contains("• The end date (2026-01-01) is before the start date (2026-01-02)."), text);
        assertTrue(text.endsWith("For example: /leave 2026-01-12 2026-01-16 Family visit"), text);
        assertEquals(0, slack.executions());
    }

    @Test
    void listShowsTheEmployeesOwnRequests() {
        slack.submitted("r1");
        String text = slack.sendOk(slack.requests().command(slackIdOf(ADA), "list")).path("text").asText();
        assertEquals("Your leave requests, newest first:\n• Mon 12 Jan 2026 – Fri 16 Jan 2026 · 5 working days · "
                + "Annual leave · Family visit · Waiting for Grace Hopper's decision (id r1)", text);
        assertEquals("You have no leave requests yet. To ask for leave, type /leave.",
                slack.sendOk(slack.requests().command(slackIdOf(ALAN), "list")).path("text").asText());
    }

    @Test
    void theEmployeeCanWithdrawAWaitingRequest() {
        slack.submitted("r1");
        String text = slack.sendOk(slack.requests().command(slackIdOf(ADA), "cancel r1")).path("text").asText();
        assertTrue(text.startsWith("Your leave request is withdrawn: Mon 12 Jan 2026 – Fri 16 Jan 2026"), text);
        assertEquals(LeaveStatus.CANCELLED, slack.settledStatus("r1"));
        assertEquals(1, slack.chat().deliveries.stream()
                .filter(d -> d.notification().kind() == Notification.Kind.OUTCOME && ADA.isSameAs(d.to())).count());
    }

    @Test
    void nobodyElseCanWithdrawIt() {
        slack.submitted("r1");
        String text = slack.sendOk(slack.requests().command(slackIdOf(ALAN), "cancel r1")).path("text").asText();
        assertEquals("Only the person who asked for a leave request, or an admin, can cancel it, and request r1 is not "
                + "yours. Nothing was changed.\nType /leave list to see your requests and their ids.", text);
        assertEquals("LeaveBot has no leave request with the id r9. Nothing was changed.\nType /leave list to see your "
                + "requests and their ids.", slack.sendOk(slack.requests().command(slackIdOf(ADA), "cancel r9")).path("text").asText());
        assertEquals(LeaveStatus.PENDING, slack.settledStatus("r1"));
    }

    @Test
    void balanceShowsEveryTypeWithWhatIsWaiting() {
        slack.submitted("r1");

        String text = slack.sendOk(slack.requests().command(slackIdOf(ADA), "balance")).path("text").asText();

        assertEquals("Your leave, as of today:\n"
                + "• 25 of 25 days of annual leave left in 2026 (5 days waiting for approval, 20 left after them)\n"
                + "• 0 days of other leave taken in 2026\n"
                + "• 0 days of sick leave taken in 2026\n"
                + "• 0 days of unpaid leave taken in 2026", text);
    }

    @Test
    void approvedLeaveThatHasNotStartedCanBeCancelledAndTheDaysComeBack() {
        slack.submitted("r1");
        slack.bot().leaves().answer("r1", Answer.approve(GRACE, null));
        assertEquals(LeaveStatus.APPROVED, slack.settledStatus("r1"));
        assertTrue(slack.sendOk(slack.requests().command(slackIdOf(ADA), "balance")).path("text").asText()
                .contains("20 of 25 days of annual leave left in 2026"));

        String text = slack.sendOk(slack.requests().command(slackIdOf(ADA), "cancel r1")).path("text").asText();

        assertEquals("Your approved leave is being cancelled: Mon 12 Jan 2026 – Fri 16 Jan 2026\nThe days go back to your "
                + "balance, and Grace Hopper is told. Type /leave balance to see it once LeaveBot has recorded the "
                + "cancellation.", text);
        assertEquals(LeaveStatus.CANCELLED, slack.settledStatus("r1"));
        assertTrue(slack.sendOk(slack.requests().command(slackIdOf(ADA), "balance")).path("text").asText()
                .contains("25 of 25 days of annual leave left in 2026"));
        String list = slack.sendOk(slack.requests().command(slackIdOf(ADA), "list")).path("text").asText();
        assertTrue(list.contains("Annual leave · Family visit · Cancelled after approval by Ada Lovelace"), list);
    }

    @Test
    void anAdminAdjustsABalanceOnceThoughTheCommandComesTwice() {
        String triggerId = slack.requests().triggerId();
        String command = "adjust <@" + slackIdOf(ADA) + "|ada> annual +2 Worked the Saturday of the release";

        String first = slack.sendOk(slack.requests().command(slackIdOf(GRACE), command, triggerId)).path("text").asText();
        String again = slack.sendOk(slack.requests().command(slackIdOf(GRACE), command, triggerId)).path("text").asText();

        assertEquals("Ada Lovelace's annual leave: +2 days (Worked the Saturday of the release); now 27 of 27 days left "
                + "in 2026.\nIt shows in their /leave balance as adjusted by an admin.", first);
        assertEquals(first, again, "a retried command is the same adjustment");
        assertTrue(slack.sendOk(slack.requests().command(slackIdOf(ADA), "balance")).path("text").asText()
                .contains("• 27 of 27 days of annual leave left in 2026 (+2 days adjusted by an admin)"));
    }

    @Test
    void someoneWhoIsNotAnAdminCannotAdjustAndNothingChanges() {
        String text = slack.sendOk(slack.requests().command(slackIdOf(ALAN),
                "adjust <@" + slackIdOf(ADA) + "|ada> annual +2 Worked the Saturday")).path("text").asText();

        assertEquals("Only LeaveBot's admins can adjust balances. Nothing was changed.\nIf a balance needs correcting, "
                + "please ask one of them, or whoever runs LeaveBot.", text);
        assertTrue(slack.sendOk(slack.requests().command(slackIdOf(ADA), "balance")).path("text").asText()
                .contains("• 25 of 25 days of annual leave left in 2026\n"));
    }

    @Test
    void anAdjustmentOfAnUntrackedTypeNamesTheTypesWithABalance() {
        String text = slack.sendOk(slack.requests().command(slackIdOf(GRACE),
                "adjust <@" + slackIdOf(ADA) + "|ada> sick -1 Was ill")).path("text").asText();

        assertEquals("LeaveBot keeps no balance of sick leave for Ada Lovelace, so there is nothing to adjust. Nothing "
                + "was changed.\nAda Lovelace's leave types with a balance: annual. For example: /leave adjust ada@example.org annual "
                + "-1 Was ill", text);
    }

    @Test
    void aFormThatCannotOpenIsExplained() {
        slack.slack().answer("views.open", "{\"ok\":false,\"error\":\"expired_trigger_id\"}");
        String text = slack.sendOk(slack.requests().command(slackIdOf(ADA), "")).path("text").asText();
        assertTrue(text.startsWith("LeaveBot could not open the request form just now."), text);
        assertFalse(text.contains("expired_trigger_id"), "Slack's error code is for the log, not for people");
    }

    private LeaveRequest requested(String text) {
        String reply = slack.sendOk(slack.requests().command(slackIdOf(ADA), text)).path("text").asText();
        slack.bot().settle();
        return slack.bot().leave(idIn(reply));
    }

    private static String idIn(String reply) {
        Matcher id = ID.matcher(reply);
        if (!id.find()) {
            throw new AssertionError("no request id in the reply: " + reply);
        }
        return id.group(1);
    }
}
