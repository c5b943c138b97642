package io.leavebot.workflow;

import static io.leavebot.testing.LeaveBotHarness.ADA;
import static io.leavebot.testing.LeaveBotHarness.GRACE;
import static io.leavebot.testing.LeaveBotHarness.submission;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.leavebot.durable.model.ExecutionStatus;
import io.leavebot.leave.LeaveRequest;
import io.leavebot.leave.LeaveStatus;
import io.leavebot.testing.LeaveBotHarness;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The process dies mid-flow and a new one opens the same files: the execution resumes where it was, and every
 * record and every message exists exactly once.
 */
class LeaveWorkflowCrashTest {
    @RegisterExtension
    final LeaveBotHarness bot = new LeaveBotHarness();

    @Test
    void crashWhileWaitingForTheApproverResumesWithoutRepeatingAnything() {
        bot.leaves().submit(submission("r1"));
        bot.settle();

        bot.crash();
        bot.reopen();
        bot.leaves().answer("r1", Answer.approve(GRACE, null));
        bot.settle();

        assertEquals(LeaveStatus.APPROVED, bot.leave("r1").status());
        assertEverythingOnce("r1");
    }

    @Test
    void crashBetweenRecordingTheDecisionAndTellingTheEmployeeTellsThemOnce() {
        bot.leaves().submit(submission("r1"));
        bot.settle();
        bot.stopMail(); // telling the employee fails and waits for a retry: the decision is recorded, nothing after
        bot.leaves().answer("r1", Answer.approve(GRACE, "Enjoy!"));
        bot.settle();
        LeaveRequest decided = bot.leave("r1");
        assertEquals(LeaveStatus.APPROVED, decided.status());
        assertEquals(ExecutionStatus.RUNNING, bot.execution("r1").status());

        bot.crash();
        bot.startMailAgain();
        bot.reopen();
        bot.advance(Duration.ofMinutes(1)); // the retry falls due

        assertTrue(bot.openWaits("r1").contains(LeaveWorkflow.UNTIL_LEAVE_STARTS), "told, and waiting for the first day");
        assertEquals(decided, bot.leave("r1"));
        assertEverythingOnce("r1");
        bot.advanceTo(LeaveBotHarness.AFTER_THE_SAMPLE);
        assertEquals(ExecutionStatus.SUCCEEDED, bot.execution("r1").status());
        assertEverythingOnce("r1");
    }

    @Test
    void crashWhileAReminderIsDueSendsItOnceAfterTheRestart() {
        bot.leaves().submit(submission("r1"));
        bot.settle();

        bot.crash();
        bot.advanceWhileDown(Duration.ofSeconds(60));
        bot.reopen();

        assertEquals(1, bot.mailTo(GRACE, "Reminder: ").size());
        bot.leaves().answer("r1", Answer.reject(GRACE, null));
        bot.settle();
        assertEquals(LeaveStatus.REJECTED, bot.leave("r1").status());
        assertEverythingOnce("r1");
    }

    private void assertEverythingOnce(String requestId) {
        assertEquals(1, bot.leaves().requestsOf(ADA).size());
        assertEquals(1, bot.mailTo(ADA, "Leave request received: ").size());
        assertEquals(1, bot.mailTo(GRACE, "Leave request from Ada Lovelace: ").size());
        assertEquals(1, bot.mailTo(ADA, "Your leave").size());
        assertEquals(1, bot.mailTo(GRACE, "You ").size());
        for (String step : new String[] {LeaveWorkflow.RECORD_LEAVE, LeaveWorkflow.RECORD_DECISION, LeaveWorkflow.TELL_EMPLOYEE}) {
            assertEquals(1, bot.history(requestId).stream()
                    .filter(e -> e.eventType().equals("StepSucceeded") && step.equals(e.name())).count(), step);
        }
    }
}
