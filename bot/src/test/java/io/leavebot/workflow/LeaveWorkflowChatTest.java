package io.leavebot.workflow;

import io.leavebot.testing.SampleLeaves;
import static io.leavebot.testing.LeaveBotHarness.ADA;
import static io.leavebot.testing.LeaveBotHarness.GRACE;
import static io.leavebot.testing.LeaveBotHarness.TIMEOUT;
import static io.leavebot.testing.LeaveBotHarness.submission;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.leavebot.leave.LeaveStatus;
import io.leavebot.notify.Notification.Kind;
import io.leavebot.testing.LeaveBotHarness;
import io.leavebot.testing.RecordingChat;
import io.leavebot.testing.RecordingChat.Delivery;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Which channel the workflow's messages take when chat can reach people: chat, and its message updated after. */
class LeaveWorkflowChatTest {
    private final RecordingChat chat = new RecordingChat();

    @RegisterExtension
    final LeaveBotHarness bot = new LeaveBotHarness(chat);

    @Test
    void theApproversChatMessageCarriesTheCallbackAndShowsTheDecisionAfterwards() {
        bot.leaves().submit(submission("r1"));
        bot.settle();
        Delivery ask = chat.deliveries.stream().filter(d -> d.notification().kind() == Kind.APPROVAL_REQUEST).findFirst().orElseThrow();
        assertEquals(GRACE, ask.to());
        assertEquals(SampleLeaves.callbackOf(bot.leave("r1")), ask.notification().callbackId());

        bot.leaves().answer("r1", Answer.approve(GRACE, null));
        bot.settle();

        assertEquals(List.of(Kind.RECEIPT, Kind.APPROVAL_REQUEST, Kind.OUTCOME), kinds());
        assertEquals(1, chat.updates.size());
        assertEquals(ask.ref(), chat.updates.get(0).ref());
        assertEquals(LeaveStatus.APPROVED, chat.updates.get(0).notification().leave().status());
        assertTrue(bot.mail().isEmpty());
    }

    @Test
    void anExpiredRequestUpdatesTheMessageAndAlsoTellsTheApprover() {
        bot.leaves().submit(submission("r1"));
        bot.settle();

        bot.advance(TIMEOUT);

        assertEquals(LeaveStatus.EXPIRED, chat.updates.get(0).notification().leave().status());
        Delivery last = chat.deliveries.get(chat.deliveries.size() - 1);
        assertEquals(Kind.APPROVER_UPDATE, last.notification().kind());
        assertEquals(GRACE, last.to());
        assertEquals(1, chat.deliveries.stream().filter(d -> d.to().equals(ADA) && d.notification().kind() == Kind.OUTCOME).count());
    }

    @Test
    void onceDecidedTheRemindersInTheThreadLoseTheirButtonsToo() {
        bot.leaves().submit(submission("r1"));
        bot.settle();
        bot.advance(java.time.Duration.ofSeconds(50)); // the reminders fall due at 50 s and 90 s
        bot.advance(java.time.Duration.ofSeconds(41));
        List<String> reminders = chat.deliveries.stream().filter(d -> d.notification().kind() == Kind.REMINDER)
                .map(Delivery::ref).toList();
        assertEquals(2, reminders.size());

        bot.leaves().answer("r1", Answer.approve(GRACE, null));
        bot.settle();

        List<String> updated = chat.updates.stream().map(u -> u.ref()).toList();
        assertTrue(updated.containsAll(reminders), updated.toString());
        assertEquals(3, updated.size(), "the request and its two reminders");
    }

    private List<Kind> kinds() {
        return chat.deliveries.stream().map(d -> d.notification().kind()).toList();
    }
}
