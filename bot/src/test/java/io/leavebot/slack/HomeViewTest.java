package io.leavebot.slack;

import static com.slack.api.model.block.Blocks.divider;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.slack.api.model.block.ContextBlock;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.composition.MarkdownTextObject;
import com.slack.api.model.view.View;
import io.leavebot.chat.ChatReplies;
import io.leavebot.leave.LeavePolicy;
import io.leavebot.leave.LeaveRequest;
import io.leavebot.leave.LeaveStatus;
import io.leavebot.notify.NotificationTexts;
import io.leavebot.testing.BlockKitJson;
import io.leavebot.testing.SampleLeaves;
import io.leavebot.workflow.Answer;
import io.leavebot.workflow.LeaveRequests.Answered;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class HomeViewTest {
    private final ChatReplies replies = new ChatReplies(new NotificationTexts(ZoneId.of("UTC")), LeavePolicy.DEFAULT, "/leave");

    @Test
    void aBusyApproversHomeStaysWithinSlacksBlockLimitAndCountsWhatIsLeftOut() {
        // as many as the team calendar's and AwayHome's
        List<LayoutBlock> away = List.of(divider(), divider(), divider(), divider(), divider(), divider());
        View home = HomeView.of(replies, SampleLeaves.GRACE, replies.unexpected(), requests("mine", 30), requests("theirs", 60), away,
                HomeView.Notice.of(replies.unexpected()));
        List<LayoutBlock> blocks = home.getBlocks();
        assertTrue(blocks.size() <= HomeView.MAX_BLOCKS, blocks.size() + " blocks");
        List<String> notes = blocks.stream().filter(b -> b instanceof ContextBlock)
                .map(b -> ((MarkdownTextObject) ((ContextBlock) b).getElements().get(0)).getText()).toList();
        assertTrue(notes.contains("…and 12 older requests."), notes.toString());
        assertTrue(notes.contains("…and 26 more waiting for you; they appear here as you decide the ones above."), notes.toString());
    }

    @Test
    void peoplesOwnWordsAreShownAsTypedNotAsMarkup() {
        LeaveRequest leave = SampleLeaves.request("r1", SampleLeaves.ADA, LocalDate.of(2026, 1, 12), LocalDate.of(2026, 1, 12),
                false, "<!here> party & cake");
        String home = HomeView.of(replies, SampleLeaves.GRACE, List.of(leave), List.of(), List.of(), null).getBlocks().toString();
        assertTrue(home.contains("&lt;!here&gt; party &amp; cake"), home);
    }

    @Test
    void aRequestJustWithdrawnOnHomeShowsAsWithdrawnAtOnce() {
        LeaveRequest waiting = SampleLeaves.pending();
        Answer withdrawal = Answer.cancel(SampleLeaves.ADA);
        Answered accepted = new Answered(Answered.Result.ACCEPTED, waiting);
        var notice = HomeView.Notice.answered(replies.answered(waiting.id(), withdrawal, accepted), withdrawal, accepted);

        String home = HomeView.of(replies, SampleLeaves.GRACE, List.of(waiting), List.of(), List.of(), notice).getBlocks().toString();
        assertTrue(home.contains("Withdrawn by Ada Lovelace"), home);
        assertFalse(home.contains("Waiting for"), "the store still says PENDING for a moment, Home no longer: " + home);
        assertFalse(home.contains(HomeView.WITHDRAW), home);
    }

    @Test
    void aRejectionShowsItsComment() {
        LeaveRequest rejected = SampleLeaves.decided(LeaveStatus.REJECTED, SampleLeaves.GRACE, "The release is that week");
        String home = HomeView.of(replies, SampleLeaves.GRACE, List.of(rejected), List.of(), List.of(), null).getBlocks().toString();
        assertTrue(home.contains("Rejected by Grace Hopper"), home);
        assertTrue(home.contains("*Comment*\nThe release is that week"), home);
    }

    @Test
    void aRequestAtItsSecondStepShowsTheEarlierStepAndAnswersTheViewersOwnPlace() {
        LeaveRequest second = SampleLeaves.atSecondStage();

        JsonNode blocks = BlockKitJson.of(HomeView.of(replies, SampleLeaves.IVAN, List.of(), List.of(second), List.of(), null).getBlocks());

        String home = blocks.toString();
        assertTrue(home.contains("*Earlier steps*\\nStep 1 — Grace Hopper: approved Mon 5 Jan 2026"), home);
        assertTrue(home.contains("Waiting for HR's decision (step 2 of 2)"), home);
        assertFalse(home.contains("standing in"), "Ivan decides his own place: " + home);
        JsonNode buttons = blocks.findParents("block_id").stream().filter(b -> b.path("block_id").asText().equals("decide:" + second.id()))
                .findFirst().orElseThrow();
        assertEquals(new DecisionButtons.Target(second.id(), "cb-hr-2"),
                DecisionButtons.decode(buttons.path("elements").get(0).path("value").asText()).orElseThrow());
    }

    @Test
    void aStandInSeesWhomTheyStandInFor() {
        String home = HomeView.of(replies, SampleLeaves.BEA, List.of(), List.of(SampleLeaves.standingIn()), List.of(), null)
                .getBlocks().toString();

        assertTrue(home.contains("Leave request from Ada Lovelace: Mon 12 Jan 2026 – Fri 16 Jan 2026 (standing in for Grace "
                + "Hopper)"), home);
    }

    private static List<LeaveRequest> requests(String prefix, int count) {
        return IntStream.range(0, count).mapToObj(i -> SampleLeaves.request(prefix + i, SampleLeaves.ADA,
                LocalDate.of(2026, 2, 2).plusDays(i), LocalDate.of(2026, 2, 2).plusDays(i), false, "Reason " + i)).toList();
    }
}
