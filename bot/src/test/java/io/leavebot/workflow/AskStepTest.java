package io.leavebot.workflow;

import static io.leavebot.testing.LeaveBotHarness.GRACE;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.leavebot.leave.LeaveRequest;
import io.leavebot.notify.Notification.Kind;
import io.leavebot.notify.Notifier;
import io.leavebot.testing.LeaveBotHarness;
import io.leavebot.testing.RecordingChat;
import io.leavebot.testing.SampleLeaves;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The step that asks a place of a stage, run again after a crash: it asks once, and as a first ask. */
class AskStepTest {
    @RegisterExtension
    final LeaveBotHarness bot = new LeaveBotHarness();

    private final RecordingChat chat = new RecordingChat();

    @Test
    void runAgainAfterACrashThatFollowedItsStoreWriteItStillAsksForTheFirstTime() {
        LeaveRequest leave = bot.store().create(SampleLeaves.askedWith(SampleLeaves.pending(), null));
        String key = "leave-" + leave.id() + "/stage-1/ask-1";
        // the first run stored the callback on the request, then the process died before the message went out
        bot.store().updateChain(leave.id(), SampleLeaves.askedWith(leave, "cb-1").chain());

        LeaveSteps steps = new LeaveSteps(bot.store(), new Notifier(bot.store(), List.of(chat), null, null, bot.time()),
                LeaveBotHarness.POLICY, StandIns.NONE, bot.time());
        steps.askPlace(leave.id(), 1, 0, "cb-1", key, 1);
        steps.askPlace(leave.id(), 1, 0, "cb-1", key, 1); // and once more: the log has it

        assertEquals(1, chat.deliveries.size());
        assertEquals(Kind.APPROVAL_REQUEST, chat.deliveries.get(0).notification().kind());
        assertEquals(GRACE.key(), chat.deliveries.get(0).to().key());
    }

    @Test
    void askedAgainWithANewCallbackAfterARefusedAnswerItSaysSo() {
        LeaveRequest leave = bot.store().create(SampleLeaves.askedWith(SampleLeaves.pending(), null));
        LeaveSteps steps = new LeaveSteps(bot.store(), new Notifier(bot.store(), List.of(chat), null, null, bot.time()),
                LeaveBotHarness.POLICY, StandIns.NONE, bot.time());

        steps.askPlace(leave.id(), 1, 0, "cb-1", "k-1", 1);
        steps.askPlace(leave.id(), 1, 0, "cb-2", "k-2", 2);

        assertEquals(List.of(Kind.APPROVAL_REQUEST, Kind.APPROVAL_REQUEST_AGAIN),
                chat.deliveries.stream().map(d -> d.notification().kind()).toList());
        assertEquals(1, chat.updates.size(), "the first message loses its buttons");
    }
}
