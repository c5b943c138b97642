package io.leavebot.slack;

import static io.leavebot.testing.SampleLeaves.slackIdOf;
import static io.leavebot.testing.SampleLeaves.ADA;
import static io.leavebot.testing.SampleLeaves.GRACE;
import static io.leavebot.testing.SlackRequests.checked;
import static io.leavebot.testing.SlackRequests.date;
import static io.leavebot.testing.SlackRequests.select;
import static io.leavebot.testing.SlackRequests.text;
import static io.leavebot.testing.SlackRequests.values;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.leavebot.chat.RequestIds;
import io.leavebot.leave.LeaveRequest;
import io.leavebot.leave.LeaveStatus;
import io.leavebot.notify.Notification;
import io.leavebot.testing.SlackApi;
import io.leavebot.testing.SlackAppHarness;
import io.leavebot.testing.SlackRequests.Signed;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class SlackRequestFormTest {
    @RegisterExtension
    final SlackAppHarness slack = new SlackAppHarness();

    @Test
    void aSentFormClosesAndTheRequestGoesToTheApprover() {
        JsonNode ack = slack.sendOk(form("V0FORM1", "sick", "2026-01-14", "2026-01-14", true, "Dentist"));
        assertTrue(ack.isEmpty(), "an empty ack closes the form");

        slack.bot().settle();
        LeaveRequest leave = slack.bot().leave(RequestIds.from("slack-view:V0FORM1"));
        assertEquals(LeaveStatus.PENDING, leave.status());
        assertEquals(List.of("sick", LocalDate.of(2026, 1, 14), true, "Dentist"),
                List.of(leave.type(), leave.start(), leave.halfDay(), leave.reason()));
        assertTrue(slack.chat().deliveries.stream().anyMatch(d -> d.notification().kind() == Notification.Kind.RECEIPT
                && ADA.isSameAs(d.to())), "the receipt comes as a direct message");
    }

    @Test
    void problemsShowUnderTheirFieldsAndStartNothing() {
        JsonNode ack = slack.sendOk(form("V0FORM1", "annual", "2026-01-02", "2026-01-01", true, "x".repeat(501)));
        assertEquals("errors", ack.path("response_action").asText());
        JsonNode errors = ack.path("errors");
        List<String> blocks = new ArrayList<>();
        errors.fieldNames().forEachRemaining(blocks::add);
        assertEquals(List.of("start", "end", "half-day", "reason"), blocks);
        assertTrue(errors.path("start").asText().startsWith("The start date 2026-01-02 is in the past."), errors.toString());
        assertTrue(errors.path("end").asText().startsWith("The end date (2026-01-01) is before the start date"), errors.toString());
        assertEquals(0, slack.executions());
    }

    @Test
    void aWeekendShowsUnderTheEndDateAndStartsNothing() {
        JsonNode ack = slack.sendOk(form("V0FORM1", "annual", "2026-01-17", "2026-01-18", false, null));

        assertEquals("errors", ack.path("response_action").asText());
        assertEquals("2026-01-17 to 2026-01-18 has no working days. Please pick dates that include a working day "
                + "(Monday to Friday).", ack.path("errors").path("end").asText(), ack.toString());
        assertEquals(1, ack.path("errors").size(), ack.toString());
        assertEquals(0, slack.executions());
    }

    @Test
    void bidiControlsInTheReasonAndTheSlackNameAreNotKept() {
        slack.slack().member(slackIdOf(ADA), ADA.email(), "Ada \u202ELovelace");
        slack.sendOk(form("V0FORM1", "sick", "2026-01-14", "2026-01-14", false, "Dentist \u202Eyadsruht"));

        slack.bot().settle();
        LeaveRequest leave = slack.bot().leave(RequestIds.from("slack-view:V0FORM1"));
        assertEquals("Dentist yadsruht", leave.reason());
        assertEquals("Ada Lovelace", leave.employee().displayName());
    }

    @Test
    void choosingDaysUpdatesTheFormWithWhatTheyTakeFromTheBalance() {
        slack.sendOk(slack.requests().changeInModal(slackIdOf(ADA), "V0FORM1", RequestModal.CALLBACK_ID, "",
                filled("annual", "2026-01-12", "2026-01-16", false, null), RequestModal.END));

        Map<String, String> update = slack.slack().calls("views.update").get(0);
        assertEquals("V0FORM1", update.get("view_id"));
        assertEquals("1767603600.Nc2k9BdQ", update.get("hash"), "Slack refuses the update if the form changed meanwhile");
        JsonNode view = SlackApi.json(update, "view");
        assertEquals("You have 25 of 25 days of annual leave left in 2026; this request takes 5, leaving 20.", balanceLine(view));
        assertEquals("2026-01-16", view.path("blocks").get(2).path("element").path("initial_date").asText());
        assertTrue(view.path("blocks").get(1).path("dispatch_action").asBoolean(), "the first day dispatches its changes");
    }

    @Test
    void aRequestBeyondTheBalanceShowsUnderTheLastDayAndStartsNothing() {
        slack.sendOk(slack.requests().changeInModal(slackIdOf(ADA), "V0FORM1", RequestModal.CALLBACK_ID, "",
                filled("annual", "2026-01-12", "2026-02-20", false, null), RequestModal.END));
        String line = balanceLine(SlackApi.json(slack.slack().calls("views.update").get(0), "view"));

        JsonNode ack = slack.sendOk(form("V0FORM1", "annual", "2026-01-12", "2026-02-20", false, null));

        assertEquals("errors", ack.path("response_action").asText());
        String error = ack.path("errors").path("end").asText();
        assertTrue(error.startsWith("This takes 30 days of annual leave, but you have 25 days left in 2026"), ack.toString());
        assertTrue(line.endsWith(error), "the form said so before it was sent: " + line);
        assertEquals(0, slack.executions());
    }

    @Test
    void aTypeWithoutABalanceSaysSo() {
        slack.sendOk(slack.requests().changeInModal(slackIdOf(ADA), "V0FORM1", RequestModal.CALLBACK_ID, "",
                filled("other", "2026-01-12", "2026-01-12", false, null), RequestModal.TYPE));

        JsonNode view = SlackApi.json(slack.slack().calls("views.update").get(0), "view");
        assertEquals("other", view.path("blocks").get(0).path("element").path("initial_option").path("value").asText());
        assertTrue(balanceLine(view).startsWith("You have taken 0 days of other leave in 2026; this request takes 1 more."),
                balanceLine(view));
    }

    @Test
    void aFormSentTwiceStartsOneRequest() {
        Signed sent = form("V0FORM1", "annual", "2026-01-12", "2026-01-16", false, null);
        assertTrue(slack.sendOk(sent).isEmpty());
        assertTrue(slack.sendOk(sent).isEmpty(), "the second submission is accepted again, not refused");
        assertTrue(slack.sendOk(slack.requests().sign(sent.body())).isEmpty(), "a retry signed later is the same submission");
        slack.bot().settle();
        assertEquals(1, slack.executions());
        assertEquals(1, slack.chat().deliveries.stream().filter(d -> d.notification().kind() == Notification.Kind.RECEIPT).count());
    }

    @Test
    void aProblemWithNoFieldOfItsOwnShowsOnTheFirstField() {
        // the routing names Grace as everyone's approver, so her own request has nobody to go to
        JsonNode ack = slack.sendOk(slack.requests().viewSubmission(slackIdOf(GRACE), "V0FORM1", RequestModal.CALLBACK_ID,
                "", filled("annual", "2026-02-02", "2026-02-02", false, null)));
        assertEquals("errors", ack.path("response_action").asText());
        assertTrue(ack.path("errors").path("type").asText().contains("nobody can approve their own leave"), ack.toString());
        assertEquals(0, slack.executions());
    }

    @Test
    void aFormOpenedInAChannelLeavesANoteThereSayingWhereTheReceiptWent() {
        slack.sendOk(slack.requests().command(slackIdOf(ADA), ""));
        String origin = SlackApi.json(slack.slack().calls("views.open").get(0), "view").path("private_metadata").asText();

        assertTrue(slack.sendOk(form("V0FORM1", origin, "2026-01-12")).isEmpty(), "the form closes");
        List<JsonNode> notes = slack.slack().responses();
        assertEquals(1, notes.size(), notes.toString());
        assertEquals("ephemeral", notes.get(0).path("response_type").asText());
        assertTrue(notes.get(0).path("text").asText().contains("in your direct messages with LeaveBot"), notes.toString());
    }

    @Test
    void aFormOpenedInTheDirectMessagesWithLeaveBotLeavesNoNote() {
        // conversations.open answers D<user id> for the bot's DM with the user
        String origin = new RequestModal.Origin("D" + slackIdOf(ADA), slack.slack().responseUrl()).encode();
        assertTrue(slack.sendOk(form("V0FORM1", origin, "2026-01-12")).isEmpty());
        assertEquals(List.of(), slack.slack().responses(), "the receipt shows right there");

        String otherDm = new RequestModal.Origin("D0COLLEAGUE", slack.slack().responseUrl()).encode();
        slack.sendOk(form("V0FORM2", otherDm, "2026-01-19"));
        assertEquals(1, slack.slack().responses().size(), "a DM with a colleague gets the note");
    }

    /** The text of the form's balance line. */
    static String balanceLine(JsonNode view) {
        for (JsonNode block : view.path("blocks")) {
            if (block.path("block_id").asText().equals(RequestModal.BALANCE)) {
                return block.path("elements").get(0).path("text").asText();
            }
        }
        throw new AssertionError("no balance line in " + view);
    }

    /** A one-day request from the form opened where {@code privateMetadata} says. */
    private Signed form(String viewId, String privateMetadata, String day) {
        return slack.requests().viewSubmission(slackIdOf(ADA), viewId, RequestModal.CALLBACK_ID, privateMetadata,
                filled("annual", day, day, false, null));
    }

    private Signed form(String viewId, String type, String start, String end, boolean halfDay, String reason) {
        return slack.requests().viewSubmission(slackIdOf(ADA), viewId, RequestModal.CALLBACK_ID, "",
                filled(type, start, end, halfDay, reason));
    }

    private static ObjectNode filled(String type, String start, String end, boolean halfDay, String reason) {
        ObjectNode values = values();
        select(values, RequestModal.TYPE, type);
        date(values, RequestModal.START, start);
        date(values, RequestModal.END, end);
        if (halfDay) {
            checked(values, RequestModal.HALF_DAY, RequestModal.HALF_DAY);
        } else {
            checked(values, RequestModal.HALF_DAY);
        }
        return text(values, RequestModal.REASON, reason);
    }
}
