package io.leavebot.workflow;

import static io.leavebot.testing.LeaveBotHarness.ADA;
import static io.leavebot.testing.LeaveBotHarness.ALAN;
import static io.leavebot.testing.LeaveBotHarness.GRACE;
import static io.leavebot.testing.LeaveBotHarness.TIMEOUT;
import static io.leavebot.testing.LeaveBotHarness.submission;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.leavebot.durable.model.ExecutionStatus;
import io.leavebot.leave.ApproverRouting;
import io.leavebot.leave.AuditEntry;
import io.leavebot.leave.LeaveRequest;
import io.leavebot.leave.LeaveStatus;
import io.leavebot.leave.LeaveSubmission;
import io.leavebot.leave.Person;
import io.leavebot.leave.StageApprover;
import io.leavebot.testing.LeaveBotHarness;
import io.leavebot.testing.SampleLeaves;
import io.leavebot.testing.StoreAndMail;
import io.leavebot.workflow.LeaveRequests.Answered;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Requests through chains of stages, everyone reached by e-mail: one stage after another, groups where any one or
 * all decide, what happens when nobody answers, rules that approve at once, and the answer check per stage.
 */
class ApprovalChainTest {
    static final Person HANA = SampleLeaves.HANA;
    static final Person IVAN = SampleLeaves.IVAN;
    static final Person DANA = Person.ofEmail("dana@example.org", "Dana Director");

    /** Grace, then any one of HR. */
    static final String MANAGER_THEN_HR = """
            {"default": [{"email": "grace@example.org", "name": "Grace Hopper"},
                         {"name": "HR", "any": [{"email": "hana@example.org", "name": "Hana HR"},
                                                {"email": "ivan@example.org", "name": "Ivan HR"}]}]}""";

    @RegisterExtension
    final LeaveBotHarness bot = new LeaveBotHarness(storeAndMail()).withRouting(routing(MANAGER_THEN_HR));

    /**
     * The self-hosted shape (SQLite, SMTP). On DynamoDB the chains are covered by the store's contract and one-stage
     * chains by {@code LeaveWorkflowOnAwsTest}: run through this class, dynalite (an in-memory Node process) stopped
     * answering during its last test in half the CI runs, for reasons not found yet.
     */
    StoreAndMail storeAndMail() {
        return StoreAndMail.sqliteAndSmtp();
    }

    @Test
    void stagesDecideOneAfterAnotherAndTheEmployeeHearsOfEach() {
        bot.leaves().submit(submission("r1"));
        bot.settle();
        assertEquals(1, bot.mailTo(GRACE, "Leave request from Ada Lovelace").size());
        assertEquals(List.of(), bot.mailTo(HANA, ""), "HR is asked only after Grace");
        assertEquals(keys(GRACE), keys(bot.leave("r1").waitingOn()));

        assertEquals(Answered.Result.ACCEPTED, bot.leaves().answer("r1", Answer.approve(GRACE, "fine by me")).result());
        bot.settle();

        LeaveRequest atHr = bot.leave("r1");
        assertEquals(LeaveStatus.PENDING, atHr.status());
        assertEquals(LeaveStatus.APPROVED, atHr.chain().stage(1).status());
        assertTrue(GRACE.isSameAs(atHr.chain().stage(1).decision().by()));
        assertEquals(keys(HANA, IVAN), keys(atHr.waitingOn()));
        assertEquals(1, bot.mailTo(ADA, "Your leave request moved on").size());
        assertTrue(only(bot.mailTo(ADA, "Your leave request moved on")).text().contains("now with HR"));
        assertEquals(1, bot.mailTo(HANA, "Leave request from Ada Lovelace").size());
        assertEquals(1, bot.mailTo(IVAN, "Leave request from Ada Lovelace").size());
        assertEquals(Answered.Result.ALREADY_DECIDED, bot.leaves().answer("r1", Answer.approve(GRACE, null)).result(),
                "Grace had her say");

        assertEquals(Answered.Result.ACCEPTED, bot.leaves().answer("r1", Answer.approve(HANA, null)).result());
        bot.settle();

        LeaveRequest approved = bot.leave("r1");
        assertEquals(LeaveStatus.APPROVED, approved.status());
        assertTrue(HANA.isSameAs(approved.decision().by()));
        assertEquals(LeaveStatus.APPROVED, approved.chain().stage(2).status());
        assertEquals(1, bot.mailTo(ADA, "Your leave is approved").size());
        assertEquals(1, bot.mailTo(IVAN, "").stream().filter(m -> m.subject().contains("approved")).count(),
                "Ivan hears that Hana decided, so he need not");
        assertEquals(List.of("stage-1", "stage-2"), contexts("r1"));
        assertTrue(bot.openWaits("r1").contains(LeaveWorkflow.UNTIL_LEAVE_STARTS), "approved: it waits for the first day");
        bot.advanceTo(LeaveBotHarness.AFTER_THE_SAMPLE);
        assertEquals(ExecutionStatus.SUCCEEDED, bot.execution("r1").status());
    }

    @Test
    void aRejectionAtTheFirstStageEndsTheRequestAndTheNextIsNeverAsked() {
        bot.leaves().submit(submission("r1"));
        bot.settle();

        bot.leaves().answer("r1", Answer.reject(GRACE, "release week"));
        bot.settle();

        assertEquals(LeaveStatus.REJECTED, bot.leave("r1").status());
        assertEquals(List.of(), bot.mailTo(HANA, ""));
        assertEquals(List.of("stage-1"), contexts("r1"));
        assertTrue(only(bot.mailTo(ADA, "Your leave request was not approved")).text().contains("release week"));
    }

    @Test
    void aGroupWhereAllMustApproveWaitsForEveryone() {
        bot.withRouting(routing("""
                {"default": [{"name": "Finance", "all": [{"email": "hana@example.org"}, {"email": "ivan@example.org"}]}]}"""));
        bot.reopen();
        bot.leaves().submit(submission("r1"));
        bot.settle();

        bot.leaves().answer("r1", Answer.approve(HANA, null));
        bot.settle();
        LeaveRequest half = bot.leave("r1");
        assertEquals(LeaveStatus.PENDING, half.status());
        assertEquals(LeaveStatus.APPROVED, half.chain().stage(1).approvers().get(0).answer());
        assertEquals(keys(IVAN), keys(half.waitingOn()));

        bot.leaves().answer("r1", Answer.approve(IVAN, null));
        bot.settle();
        assertEquals(LeaveStatus.APPROVED, bot.leave("r1").status());
        assertEquals(1, bot.mailTo(ADA, "Your leave is approved").size());
    }

    @Test
    void inAGroupWhereAllMustApproveOneRejectionIsEnough() {
        bot.withRouting(routing("""
                {"default": {"all": [{"email": "hana@example.org"}, {"email": "ivan@example.org"}]}}"""));
        bot.reopen();
        bot.leaves().submit(submission("r1"));
        bot.settle();

        bot.leaves().answer("r1", Answer.approve(HANA, null));
        bot.settle();
        bot.leaves().answer("r1", Answer.reject(IVAN, "no cover"));
        bot.settle();

        assertEquals(LeaveStatus.REJECTED, bot.leave("r1").status());
        assertTrue(IVAN.isSameAs(bot.leave("r1").decision().by()));
    }

    @Test
    void eachStageHasItsOwnRemindersAndWindow() {
        bot.leaves().submit(submission("r1"));
        bot.settle();
        bot.advance(Duration.ofSeconds(60)); // the first reminder at 50 s
        assertEquals(1, bot.mailTo(GRACE, "Reminder: ").size());

        bot.leaves().answer("r1", Answer.approve(GRACE, null));
        bot.settle();
        bot.advance(Duration.ofSeconds(60)); // 120 s after the request: past Grace's window, inside HR's
        assertEquals(LeaveStatus.PENDING, bot.leave("r1").status(), "HR's window starts when HR is asked");
        assertEquals(1, bot.mailTo(HANA, "Reminder: ").size());
        assertEquals(1, bot.mailTo(IVAN, "Reminder: ").size());

        bot.advance(TIMEOUT);
        assertEquals(LeaveStatus.EXPIRED, bot.leave("r1").status());
        assertEquals(1, bot.mailTo(ADA, "Your leave request expired").size());
    }

    @Test
    void aStageNobodyAnswersIsEscalatedToTheNamedPersonWhoThenDecides() {
        bot.withRouting(routing("""
                {"default": {"email": "grace@example.org"}, "onTimeout": {"escalate": {"email": "dana@example.org", "name": "Dana Director"}}}"""));
        bot.reopen();
        bot.leaves().submit(submission("r1"));
        bot.settle();

        bot.advance(TIMEOUT.plusSeconds(1));
        LeaveRequest escalated = bot.leave("r1");
        assertEquals(LeaveStatus.PENDING, escalated.status());
        assertEquals(keys(DANA), keys(escalated.waitingOn()));
        StageApprover dana = escalated.chain().stage(1).approvers().get(1);
        assertTrue(dana.escalated());
        assertEquals(1, bot.mailTo(DANA, "Leave request from Ada Lovelace").size());
        assertEquals(AuditEntry.ESCALATED, bot.leaves().audit("r1").get(0).kind());
        assertEquals(Answered.Result.NOT_ALLOWED, bot.leaves().answer("r1", Answer.approve(ALAN, null)).result());

        bot.leaves().answer("r1", Answer.approve(DANA, null));
        bot.settle();
        assertEquals(LeaveStatus.APPROVED, bot.leave("r1").status());
        assertTrue(DANA.isSameAs(bot.leave("r1").decision().by()));
    }

    @Test
    void escalationToTheManagerGoesToTheApproversOwnApproverAndExpiresIfTheyAreSilentToo() {
        bot.withRouting(routing("""
                {"default": {"email": "grace@example.org"},
                 "overrides": {"grace@example.org": {"email": "dana@example.org", "name": "Dana Director"}},
                 "onTimeout": {"escalate": "manager"}}"""));
        bot.reopen();
        bot.leaves().submit(submission("r1"));
        bot.settle();

        bot.advance(TIMEOUT.plusSeconds(1));
        assertEquals(keys(DANA), keys(bot.leave("r1").waitingOn()));
        bot.advance(TIMEOUT.plusSeconds(1));

        assertEquals(LeaveStatus.EXPIRED, bot.leave("r1").status());
        assertEquals(1, bot.mailTo(ADA, "Your leave request expired").size());
    }

    @Test
    void aStageNobodyAnswersMayBeApprovedAutomatically() {
        bot.withRouting(routing("""
                {"default": {"stages": [{"email": "grace@example.org"}], "onTimeout": "approve"}}"""));
        bot.reopen();
        bot.leaves().submit(submission("r1"));
        bot.settle();

        bot.advance(TIMEOUT.plusSeconds(1));

        LeaveRequest approved = bot.leave("r1");
        assertEquals(LeaveStatus.APPROVED, approved.status());
        assertNull(approved.decision().by());
        assertEquals("approved automatically: nobody answered within 100 seconds", approved.decision().comment());
        assertEquals(1, bot.mailTo(ADA, "Your leave is approved").size());
    }

    @Test
    void aRuleApprovesOneDayOfSickLeaveAsItIsMadeAndNobodyIsAsked() {
        bot.withRouting(routing("""
                {"default": {"email": "grace@example.org"}, "autoApprove": [{"type": "sick", "maxDays": 1}]}"""));
        bot.reopen();
        LocalDate monday = LocalDate.of(2026, 1, 12);
        bot.leaves().submit(new LeaveSubmission("r1", ADA, "sick", monday, monday, false, null));
        bot.leaves().submit(new LeaveSubmission("r2", ADA, "sick", monday.plusDays(1), monday.plusDays(2), false, null));
        bot.settle();

        assertEquals(LeaveStatus.APPROVED, bot.leave("r1").status());
        assertEquals("sick leave of up to 1 day is approved automatically", bot.leave("r1").decision().comment());
        assertEquals(LeaveStatus.PENDING, bot.leave("r2").status(), "two days are more than the rule takes");
        assertEquals(1, bot.mailTo(GRACE, "Leave request from Ada Lovelace").size(), "only for r2");
    }

    @Test
    void onlyThisStagesApproversDecideItAForgedAnswerIsRefusedAndTheApproverAskedAgain() {
        bot.leaves().submit(submission("r1"));
        bot.settle();
        bot.leaves().answer("r1", Answer.approve(GRACE, null));
        bot.settle();
        String hanas = bot.leave("r1").callbackFor(HANA).orElseThrow();

        // Grace holds a callback id of HR's stage: the workflow takes only Hana's answer on Hana's callback
        Answers.send(bot.engine(), hanas, Answer.approve(GRACE, null).forRequest("r1"));
        bot.settle();

        LeaveRequest still = bot.leave("r1");
        assertEquals(LeaveStatus.PENDING, still.status());
        AuditEntry refused = bot.leaves().audit("r1").get(0);
        assertEquals(AuditEntry.ANSWER_REFUSED, refused.kind());
        assertEquals("stage-2/approver-1", refused.place());
        String fresh = still.callbackFor(HANA).orElseThrow();
        assertTrue(!fresh.equals(hanas), "Hana is asked again with a new callback");
        assertEquals(Answered.Result.REPLACED, bot.leaves().answer("r1", hanas, Answer.approve(HANA, null)).result());
        assertEquals(1, bot.mailTo(HANA, "Please decide again").size());

        bot.leaves().answer("r1", fresh, Answer.approve(HANA, null));
        bot.settle();
        assertEquals(LeaveStatus.APPROVED, bot.leave("r1").status());
    }

    @Test
    void theEmployeeWithdrawsAtAnyStage() {
        bot.leaves().submit(submission("r1"));
        bot.settle();
        bot.leaves().answer("r1", Answer.approve(GRACE, null));
        bot.settle();

        assertEquals(Answered.Result.ACCEPTED, bot.leaves().answer("r1", Answer.cancel(ADA)).result());
        bot.settle();

        assertEquals(LeaveStatus.CANCELLED, bot.leave("r1").status());
        assertEquals(1, bot.mailTo(HANA, "").stream().filter(m -> m.subject().contains("withdrew")).count());
    }

    @Test
    void fiveStagesOfTwentyApproversEach() {
        StringBuilder stages = new StringBuilder();
        for (int n = 1; n <= 5; n++) {
            StringBuilder group = new StringBuilder();
            for (int i = 1; i <= 20; i++) {
                group.append(i == 1 ? "" : ", ").append("{\"email\": \"a").append(n).append('-').append(i).append("@example.org\"}");
            }
            stages.append(n == 1 ? "" : ", ").append("{\"name\": \"Board ").append(n).append("\", \"")
                    .append(n == 5 ? "all" : "any").append("\": [").append(group).append("]}");
        }
        bot.withRouting(routing("{\"default\": [" + stages + "]}"));
        bot.reopen();
        bot.leaves().submit(submission("r1"));
        bot.settle();

        for (int n = 1; n <= 4; n++) {
            assertEquals(20, bot.leave("r1").waitingOn().size());
            Person one = Person.ofEmail("a" + n + "-" + (n * 3) + "@example.org", null);
            assertEquals(Answered.Result.ACCEPTED, bot.leaves().answer("r1", Answer.approve(one, null)).result());
            bot.settle();
        }
        for (int i = 1; i <= 20; i++) { // the last stage needs all twenty
            assertEquals(LeaveStatus.PENDING, bot.leave("r1").status());
            bot.leaves().answer("r1", Answer.approve(Person.ofEmail("a5-" + i + "@example.org", null), null));
            bot.settle();
        }

        assertEquals(LeaveStatus.APPROVED, bot.leave("r1").status());
        assertEquals(List.of("stage-1", "stage-2", "stage-3", "stage-4", "stage-5"), contexts("r1"));
        assertEquals(100, bot.mail().stream().filter(m -> m.subject().startsWith("Leave request from Ada Lovelace")).count(),
                "each approver asked once");
        assertEquals(4, bot.mailTo(ADA, "Your leave request moved on").size());
    }

    @Test
    void aCrashRightAfterTheFirstStageIsApprovedAsksNobodyTwice() {
        bot.leaves().submit(submission("r1"));
        bot.settle();
        assertEquals(Answered.Result.ACCEPTED, bot.leaves().answer("r1", Answer.approve(GRACE, null)).result());
        bot.crash(); // before the workflow has recorded the stage or asked HR

        bot.reopen();
        bot.crash(); // and once more while HR is being waited for
        bot.reopen();
        assertTrue(bot.leave("r1").callbackFor(IVAN).isPresent(), "HR is asked: " + bot.leave("r1").chain()
                + "; open waits " + bot.openWaits("r1") + "; history " + bot.history("r1").stream().map(e -> e.eventType()).toList());
        assertEquals(Answered.Result.ACCEPTED, bot.leaves().answer("r1", Answer.approve(IVAN, null)).result(),
                "HR was asked: " + bot.leave("r1").chain());
        bot.settle();

        assertEquals(LeaveStatus.APPROVED, bot.leave("r1").status());
        for (Person approver : List.of(GRACE, HANA, IVAN)) {
            assertEquals(1, bot.mailTo(approver, "Leave request from Ada Lovelace").size(), approver.name());
        }
        assertEquals(1, bot.mailTo(ADA, "Leave request received").size());
        assertEquals(1, bot.mailTo(ADA, "Your leave request moved on").size());
        assertEquals(1, bot.mailTo(ADA, "Your leave is approved").size());
    }

    private static List<String> keys(Person... people) {
        return keys(List.of(people));
    }

    private static List<String> keys(List<Person> people) {
        return people.stream().map(Person::key).toList();
    }

    static ApproverRouting routing(String json) {
        return ApproverRouting.fromJson(json, "in the test");
    }

    /** The child contexts of the execution's top level, in the order they started. */
    private List<String> contexts(String requestId) {
        return bot.history(requestId).stream().filter(e -> e.eventType().equals("ContextStarted"))
                .map(e -> e.name()).filter(name -> name.startsWith(LeaveWorkflow.STAGE)).distinct().toList();
    }

    private static <T> T only(List<T> items) {
        assertEquals(1, items.size(), items.toString());
        return items.get(0);
    }
}
