package io.leavebot.slack;

import io.leavebot.leave.ApprovalChain;
import static io.leavebot.testing.SampleLeaves.ADA;
import static io.leavebot.testing.SampleLeaves.ALAN;
import static io.leavebot.testing.SampleLeaves.GRACE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.leavebot.leave.LeaveRequest;
import io.leavebot.leave.LeaveStatus;
import io.leavebot.leave.Person;
import io.leavebot.notify.Notification;
import io.leavebot.notify.Notification.Kind;
import io.leavebot.notify.NotificationText;
import io.leavebot.notify.NotificationText.Detail;
import io.leavebot.notify.NotificationTexts;
import io.leavebot.slack.DecisionButtons.Target;
import io.leavebot.slack.SlackMessages.Message;
import io.leavebot.testing.BlockKitJson;
import io.leavebot.testing.SampleLeaves;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Each notification as Slack shows it: the same words as the e-mail, as blocks within Block Kit's limits. */
class SlackMessagesTest {
    private final SlackMessages messages = new SlackMessages(new NotificationTexts(ZoneOffset.UTC));

    @Test
    void aReceiptIsTheTitleTheParagraphsAndTheDetailsWithoutTheGreeting() {
        Message message = messages.of(Notification.of(Kind.RECEIPT, SampleLeaves.pending()));
        JsonNode blocks = BlockKitJson.of(message.blocks());

        assertEquals(List.of("header", "section", "section", "section"), types(blocks));
        assertEquals("Leave request received: Mon 12 Jan 2026 – Fri 16 Jan 2026", blocks.get(0).path("text").path("text").asText());
        assertEquals("Thank you — your request for 5 working days of annual leave has been sent to Grace Hopper for "
                + "approval.", blocks.get(1).path("text").path("text").asText());
        assertEquals(List.of("*Dates*\nMon 12 Jan 2026 – Fri 16 Jan 2026", "*Length*\n5 working days", "*Type*\nAnnual leave",
                "*Reason*\nFamily visit", "*Status*\nWaiting for Grace Hopper's decision"), fields(blocks));
        assertFalse(blocks.toString().contains("Hi Ada"), "a DM needs no greeting");
        assertTrue(message.text().startsWith("Leave request received: Mon 12 Jan 2026 – Fri 16 Jan 2026\n\nThank you"), message.text());
    }

    @Test
    void theApprovalRequestEndsWithButtonsThatNameTheRequestAndItsCallback() {
        JsonNode blocks = BlockKitJson.of(messages.of(approvalRequest(SampleLeaves.pending(), List.of())).blocks());

        JsonNode actions = blocks.get(blocks.size() - 1);
        assertEquals("actions", actions.path("type").asText());
        assertEquals(List.of(DecisionButtons.APPROVE, DecisionButtons.REJECT, DecisionButtons.REJECT_WITH_COMMENT),
                actions.path("elements").findValuesAsText("action_id"));
        assertEquals(List.of(new Target(SampleLeaves.REQUEST_ID, SampleLeaves.CALLBACK_ID)), BlockKitJson.buttonTargets(blocks).stream().distinct().toList());
        assertTrue(actions.path("elements").get(1).path("confirm").path("text").path("text").asText().startsWith("Ada Lovelace will be told"));
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void onlyTheApprovalRequestAndItsRemindersCarryButtons(Kind kind) {
        JsonNode blocks = BlockKitJson.of(messages.of(notification(kind)).blocks());

        boolean asksToDecide = kind == Kind.APPROVAL_REQUEST || kind == Kind.REMINDER || kind == Kind.APPROVAL_REQUEST_AGAIN;
        assertEquals(asksToDecide ? 1 : 0, BlockKitJson.ofType(blocks, "actions").size());
        assertEquals("header", blocks.get(0).path("type").asText());
        assertFalse(fields(blocks).isEmpty(), "the details are shown");
    }

    @Test
    void theApproverSeesWhoElseIsAwayOnTheseDays() {
        LeaveRequest alan = SampleLeaves.request("req-other", ALAN, LocalDate.of(2026, 1, 14), LocalDate.of(2026, 1, 15),
                false, null).withStatus(LeaveStatus.APPROVED, null, SampleLeaves.DECIDED);

        JsonNode blocks = BlockKitJson.of(messages.of(approvalRequest(SampleLeaves.pending(), List.of(alan))).blocks());

        assertTrue(fields(blocks).contains("*Also away*\nAlan Turing (Wed 14 Jan 2026 – Thu 15 Jan 2026, approved)"), fields(blocks).toString());
    }

    @Test
    void whatPeopleTypedIsShownAsTypedAndCannotMentionEveryoneOrForgeALink() {
        LeaveRequest leave = SampleLeaves.request("r1", ADA, LocalDate.of(2026, 1, 12), LocalDate.of(2026, 1, 16), false,
                "<!channel> see <https://evil.example|the plan> & more");

        Message message = messages.of(approvalRequest(leave, List.of()));

        assertTrue(fields(BlockKitJson.of(message.blocks()))
                .contains("*Reason*\n&lt;!channel&gt; see &lt;https://evil.example|the plan&gt; &amp; more"));
        assertFalse(message.text().contains("<"), message.text());
    }

    @Test
    void veryLongNamesAndReasonsAreCutToBlockKitsLimits() {
        Person longName = Person.ofEmail("ada@example.org", "Ada " + "Lovelace-".repeat(600));
        Person longApprover = Person.ofEmail("grace@example.org", "Grace " + "Hopper-".repeat(700));
        LeaveRequest leave = SampleLeaves.askedWith(new LeaveRequest("r1", longName, ApprovalChain.single(longApprover), "annual", LocalDate.of(2026, 1, 12),
                LocalDate.of(2026, 1, 16), false, "<&>".repeat(5000), LeaveStatus.PENDING, SampleLeaves.CREATED,
                SampleLeaves.CREATED, null, "leave-r1"), SampleLeaves.CALLBACK_ID);

        for (Kind kind : List.of(Kind.RECEIPT, Kind.APPROVAL_REQUEST, Kind.REMINDER)) {
            Message message = messages.of(new Notification(kind, leave, SampleLeaves.CALLBACK_ID, 1, List.of()));
            assertEquals(List.of(), limitsBroken(BlockKitJson.of(message.blocks())), kind.toString());
            assertTrue(message.text().length() <= BlockKitText.MESSAGE);
        }
        JsonNode asked = BlockKitJson.of(messages.of(approvalRequest(leave, List.of())).blocks());
        assertTrue(asked.get(0).path("text").path("text").asText().startsWith("Leave request from Ada Lovelace-Lovelace-"));
        assertTrue(asked.get(0).path("text").path("text").asText().endsWith("…"), "the title is cut with an ellipsis");
        assertTrue(fields(asked).get(3).matches("\\*Reason\\*\n(&lt;|&amp;|&gt;)+…"), "the reason is cut between escapes");
    }

    @Test
    void anApprovalRequestAtTheSecondStepSaysSoAndAnswersItsOwnCallback() {
        JsonNode blocks = BlockKitJson.of(messages.of(new Notification(Kind.APPROVAL_REQUEST, SampleLeaves.atSecondStage(), "cb-hr-1", 0,
                List.of())).blocks());

        List<String> sections = BlockKitJson.ofType(blocks, "section").stream().map(s -> s.path("text").path("text").asText()).toList();
        assertTrue(sections.contains("Step 2 of 2 — HR: any one of HR decides."), sections.toString());
        assertTrue(fields(blocks).contains("*Earlier steps*\nStep 1 — Grace Hopper: approved Mon 5 Jan 2026"), fields(blocks).toString());
        JsonNode approve = BlockKitJson.ofType(blocks, "actions").get(0).path("elements").get(0);
        assertEquals(new DecisionButtons.Target(SampleLeaves.REQUEST_ID, "cb-hr-1"), DecisionButtons.decode(approve.path("value").asText()).orElseThrow());
    }

    @Test
    void aCutNeverSplitsAnEscapeOrACharacter() {
        assertEquals("&lt;&lt;…", BlockKitText.mrkdwn("<<<", 10));
        assertEquals("ab…", BlockKitText.plain("ab\uD83C\uDF34c", 4));
        assertEquals("ab\uD83C\uDF34", BlockKitText.plain("ab\uD83C\uDF34", 4));
    }

    @Test
    void moreThanTenDetailsAreSpreadOverSectionsOfTenFields() {
        List<Detail> details = IntStream.rangeClosed(1, 12).mapToObj(n -> new Detail("Fact " + n, "value " + n)).toList();
        NotificationText text = new NotificationText("Title", "Hi,", List.of("One paragraph."), details, List.of());

        JsonNode blocks = BlockKitJson.of(SlackMessages.render(text, notification(Kind.RECEIPT)).blocks());

        assertEquals(List.of(10, 2), BlockKitJson.ofType(blocks, "section").stream().filter(s -> s.has("fields"))
                .map(s -> s.path("fields").size()).toList());
    }

    private static Notification notification(Kind kind) {
        return switch (kind) {
            case RECEIPT -> Notification.of(kind, SampleLeaves.pending());
            case APPROVAL_REQUEST -> approvalRequest(SampleLeaves.pending(), List.of());
            case REMINDER -> new Notification(kind, SampleLeaves.pending(), SampleLeaves.CALLBACK_ID, 1, List.of());
            case APPROVAL_REQUEST_AGAIN -> new Notification(kind, SampleLeaves.pending(), "cb-round-2", 0, List.of());
            case APPROVAL_REPLACED -> Notification.of(kind, SampleLeaves.pending());
            case PROGRESS -> new Notification(kind, SampleLeaves.atSecondStage(), null, 1, List.of());
            case OUTCOME, APPROVER_UPDATE -> Notification.of(kind, SampleLeaves.decided(LeaveStatus.REJECTED, GRACE, "Busy week"));
            case CANCELLATION, CANCELLED -> Notification.of(kind, SampleLeaves.decided(LeaveStatus.CANCELLED, SampleLeaves.ADA, null));
            case CANCELLATION_TOO_LATE -> Notification.of(kind, SampleLeaves.decided(LeaveStatus.APPROVED, GRACE, null));
        };
    }

    private static Notification approvalRequest(LeaveRequest leave, List<LeaveRequest> alsoAway) {
        return new Notification(Kind.APPROVAL_REQUEST, leave, SampleLeaves.CALLBACK_ID, 0, alsoAway);
    }

    private static List<String> types(JsonNode blocks) {
        List<String> types = new ArrayList<>();
        blocks.forEach(block -> types.add(block.path("type").asText()));
        return types;
    }

    private static List<String> fields(JsonNode blocks) {
        return BlockKitJson.ofType(blocks, "section").stream().flatMap(s -> s.path("fields").findValuesAsText("text").stream()).toList();
    }

    /** Every text over its Block Kit limit, as "where: length". */
    private static List<String> limitsBroken(JsonNode blocks) {
        List<String> broken = new ArrayList<>();
        check(broken, "blocks", blocks.size(), 50);
        for (JsonNode header : BlockKitJson.ofType(blocks, "header")) {
            check(broken, "header", header.path("text").path("text").asText().length(), BlockKitText.HEADER);
        }
        for (JsonNode section : BlockKitJson.ofType(blocks, "section")) {
            check(broken, "section text", section.path("text").path("text").asText().length(), BlockKitText.SECTION);
            check(broken, "fields", section.path("fields").size(), BlockKitText.FIELDS_PER_SECTION);
            section.path("fields").forEach(f -> check(broken, "field", f.path("text").asText().length(), BlockKitText.FIELD));
        }
        for (JsonNode actions : BlockKitJson.ofType(blocks, "actions")) {
            for (JsonNode button : actions.path("elements")) {
                check(broken, "button text", button.path("text").path("text").asText().length(), 75);
                check(broken, "button value", button.path("value").asText().length(), 2000);
                check(broken, "confirm text", button.path("confirm").path("text").path("text").asText().length(), BlockKitText.CONFIRM);
            }
        }
        return broken;
    }

    private static void check(List<String> broken, String where, int length, int limit) {
        if (length > limit) {
            broken.add(where + ": " + length + " > " + limit);
        }
    }
}
