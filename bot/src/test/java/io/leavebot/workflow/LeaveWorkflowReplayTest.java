package io.leavebot.workflow;

import static io.leavebot.testing.LeaveBotHarness.ADA;
import static io.leavebot.testing.LeaveBotHarness.GRACE;
import static io.leavebot.testing.LeaveBotHarness.submission;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.leavebot.durable.CallbackConfig;
import io.leavebot.durable.DurableCallbackFuture;
import io.leavebot.durable.DurableContext;
import io.leavebot.durable.DurableHandler;
import io.leavebot.durable.NonDeterministicExecutionException;
import io.leavebot.durable.model.DurableExecution;
import io.leavebot.durable.model.ExecutionStatus;
import io.leavebot.leave.LeavePolicy;
import io.leavebot.leave.LeaveRequest;
import io.leavebot.leave.LeaveStatus;
import io.leavebot.workflow.LeaveRequests.Answered;
import io.leavebot.leave.LeaveStore;
import io.leavebot.leave.NewLeave;
import io.leavebot.notify.SentNotification;
import io.leavebot.notify.Notifier;
import io.leavebot.testing.LeaveBotHarness;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Histories recorded by one process are replayed by the workflow code of the next (STYLE.md, "treat operation names
 * and their order as a contract"): the current {@link LeaveWorkflow} carries them on without repeating a step, and a
 * workflow whose operations changed in place fails the execution instead of guessing.
 */
class LeaveWorkflowReplayTest {
    /** The steps of an approval answered after the first reminder, in the order they first ran (stage 1's in its context). */
    private static final List<String> APPROVED_AFTER_ONE_REMINDER = List.of(LeaveWorkflow.RECORD_LEAVE,
            LeaveWorkflow.SEND_RECEIPT, StageApproval.OPEN_STAGE, StageApproval.ASK + 1, StageApproval.REMINDER + 1,
            StageApproval.CLOSE_STAGE, LeaveWorkflow.RECORD_DECISION, LeaveWorkflow.TELL_EMPLOYEE, LeaveWorkflow.UPDATE_APPROVERS);

    @RegisterExtension
    final LeaveBotHarness bot = new LeaveBotHarness();

    @Test
    void theCurrentWorkflowReplaysARecordedHistory() {
        recordWaitingPastTheFirstReminder("r1");

        bot.reopen();
        bot.leaves().answer("r1", Answer.approve(GRACE, "Enjoy!"));
        bot.settle();

        assertEquals(LeaveStatus.APPROVED, bot.leave("r1").status());
        assertEquals(withLeaveDays(APPROVED_AFTER_ONE_REMINDER, LeaveWorkflow.WATCH_LEAVE), startedSteps("r1"),
                "each step started once, none again on replay");
        bot.advanceTo(LeaveBotHarness.AFTER_THE_SAMPLE);
        assertEquals(ExecutionStatus.SUCCEEDED, bot.execution("r1").status());
        assertEquals(withLeaveDays(APPROVED_AFTER_ONE_REMINDER, LeaveWorkflow.WATCH_LEAVE, LeaveWorkflow.LEAVE_STARTS,
                LeaveWorkflow.LEAVE_ENDS), startedSteps("r1"));
        assertEquals(1, bot.mailTo(ADA, "Leave request received: ").size());
        assertEquals(1, bot.mailTo(GRACE, "Leave request from Ada Lovelace: ").size());
        assertEquals(1, bot.mailTo(GRACE, "Reminder: ").size());
        assertEquals(1, bot.mailTo(ADA, "Your leave").size());
        assertEquals(1, bot.mailTo(GRACE, "You ").size());
        assertEquals(5, bot.mail().size());
    }

    /** The steps a request made before approval chains runs, approved after one reminder: those of that time. */
    private static final List<String> BEFORE_CHAINS = List.of(LeaveWorkflow.RECORD_LEAVE, LeaveWorkflow.SEND_RECEIPT,
            LeaveWorkflow.ASK_APPROVER, LeaveWorkflow.REMINDER + 1, LeaveWorkflow.RECORD_DECISION, LeaveWorkflow.TELL_EMPLOYEE,
            LeaveWorkflow.UPDATE_APPROVER);

    @Test
    void aRequestStartedBeforeChainsKeepsItsOperationsAndCompletesAfterTheUpgrade() {
        // the input as LeaveBot 0.1.0 wrote it: one approver, people with Slack-shaped fields, no chain
        String input = """
                {"requestId": "r1",
                 "employee": {"slackUserId": null, "email": "ada@example.org", "displayName": "Ada Lovelace"},
                 "approver": {"slackUserId": null, "email": "grace@example.org", "displayName": "Grace Hopper"},
                 "type": "annual", "start": "2026-01-12", "end": "2026-01-16", "halfDay": false, "reason": "Family visit"}""";
        bot.engine().start(LeaveRequests.FUNCTION, LeaveRequest.executionNameFor("r1"), input);
        bot.settle();
        bot.advance(Duration.ofSeconds(60));
        bot.crash();

        bot.reopen();
        assertEquals(Answered.Result.ACCEPTED, bot.leaves().answer("r1", Answer.approve(GRACE, null)).result());
        bot.settle();

        assertEquals(LeaveStatus.APPROVED, bot.leave("r1").status());
        assertEquals(withLeaveDays(BEFORE_CHAINS, LeaveWorkflow.WATCH_LEAVE), startedSteps("r1"),
                "the steps of that time, then it goes on into the leave's days");
        bot.advanceTo(LeaveBotHarness.AFTER_THE_SAMPLE);
        assertEquals(ExecutionStatus.SUCCEEDED, bot.execution("r1").status());
        assertEquals(withLeaveDays(BEFORE_CHAINS, LeaveWorkflow.WATCH_LEAVE, LeaveWorkflow.LEAVE_STARTS, LeaveWorkflow.LEAVE_ENDS),
                startedSteps("r1"));
        assertTrue(bot.history("r1").stream().anyMatch(e -> e.eventType().equals("CallbackStarted")
                && LeaveWorkflow.MANAGER_APPROVAL.equals(e.name())), "the callback of that time");
        assertTrue(bot.history("r1").stream().noneMatch(e -> e.eventType().equals("ContextStarted")), "no stages");
        assertEquals(1, bot.mailTo(ADA, "Your leave is approved").size());
        assertEquals(1, bot.mailTo(GRACE, "You approved").size());
    }

    @Test
    void aWorkflowWhoseStepsChangedFailsWithANonDeterminismError() {
        recordWaitingPastTheFirstReminder("r1");

        bot.reopenWith(BalanceCheckedBeforeApproval::new);
        bot.leaves().answer("r1", Answer.approve(GRACE, null));
        bot.settle();

        DurableExecution execution = bot.execution("r1");
        assertEquals(ExecutionStatus.FAILED, execution.status());
        assertEquals(NonDeterministicExecutionException.class.getName(), execution.error().errorType());
        String message = execution.error().errorMessage();
        assertTrue(message.contains("operation #3 of the handler was recorded as CONTEXT 'stage-1' (RunInChildContext) "
                + "but the code now asks for STEP 'check-balance' (Step)"), message);
        assertEquals(LeaveStatus.PENDING, bot.leave("r1").status(), "nothing after the mismatch ran");
        assertEquals(List.of(), bot.mailTo(ADA, "Your leave"));
    }

    /** Records a history that waits for the approver after one reminder, then ends the process that recorded it. */
    private void recordWaitingPastTheFirstReminder(String requestId) {
        bot.leaves().submit(submission(requestId));
        bot.settle();
        bot.advance(Duration.ofSeconds(60)); // the first reminder falls due at 50 s, the second at 90 s
        assertEquals(1, bot.mailTo(GRACE, "Reminder: ").size());
        assertEquals(ExecutionStatus.RUNNING, bot.execution(requestId).status());
        bot.crash();
    }

    /** The steps of the decision, then those approved leave's execution takes until the leave is over. */
    private static List<String> withLeaveDays(List<String> decision, String... leaveDays) {
        return java.util.stream.Stream.concat(decision.stream(), java.util.stream.Stream.of(leaveDays)).toList();
    }

    private List<String> startedSteps(String requestId) {
        return bot.history(requestId).stream().filter(e -> e.eventType().equals("StepStarted")).map(e -> e.name()).toList();
    }

    /**
     * {@link LeaveWorkflow} as someone might change it in place, against the contract: a balance check inserted
     * between the receipt and the approval. The replay stops at the check, so the reminders are left out.
     */
    static final class BalanceCheckedBeforeApproval extends DurableHandler<NewLeave, LeaveStatus> {
        private final LeaveSteps steps;

        BalanceCheckedBeforeApproval(LeaveStore store, Notifier notifier, LeavePolicy policy, Clock clock) {
            this.steps = new LeaveSteps(store, notifier, policy, StandIns.NONE, clock);
        }

        @Override
        public LeaveStatus handleRequest(NewLeave input, DurableContext ctx) {
            String execution = LeaveRequest.executionNameFor(input.requestId()) + "/";
            PendingLeave leave = ctx.step(LeaveWorkflow.RECORD_LEAVE, PendingLeave.class, s -> steps.recordPending(input));
            String id = leave.requestId();
            ctx.step(LeaveWorkflow.SEND_RECEIPT, SentNotification.class,
                    s -> steps.sendReceipt(id, execution + LeaveWorkflow.SEND_RECEIPT));
            ctx.step("check-balance", Boolean.class, s -> true); // the inserted step
            Outcome outcome = new Approval(ctx, steps, input, leave, LeaveRequest.executionNameFor(id)).decide();
            LeaveStatus status = ctx.step(LeaveWorkflow.RECORD_DECISION, LeaveStatus.class, s -> steps.recordDecision(id, outcome));
            ctx.step(LeaveWorkflow.TELL_EMPLOYEE, SentNotification.class,
                    s -> steps.tellEmployee(id, execution + LeaveWorkflow.TELL_EMPLOYEE));
            return status;
        }
    }
}
