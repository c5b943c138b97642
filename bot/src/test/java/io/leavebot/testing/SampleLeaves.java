package io.leavebot.testing;

import io.leavebot.leave.Decision;
import io.leavebot.leave.ApprovalChain;
import io.leavebot.leave.ApprovalRule;
import io.leavebot.leave.ApprovalStage;
import io.leavebot.leave.OnTimeout;
import io.leavebot.leave.LeaveRequest;
import io.leavebot.leave.LeaveStatus;
import io.leavebot.leave.Person;
import io.leavebot.leave.StageApprover;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * Leave requests for tests of what people are told: Ada Lovelace asks Grace Hopper for Mon 12 – Fri 16 Jan 2026
 * (5 working days of annual leave), recorded on Mon 5 Jan 2026 at 09:00 UTC.
 */
public final class SampleLeaves {
    public static final Person ADA = Person.ofEmail("ada@example.org", "Ada Lovelace");
    public static final Person GRACE = Person.ofEmail("grace@example.org", "Grace Hopper");
    public static final Person HANA = Person.ofEmail("hana@example.org", "Hana HR");
    public static final Person IVAN = Person.ofEmail("ivan@example.org", "Ivan HR");
    public static final Person ALAN = Person.ofEmail("alan@example.org", "Alan Turing");
    /** Stands in for Grace while she is away. */
    public static final Person BEA = Person.ofEmail("bea@example.org", "Bea Baker");
    /** The Slack user ids of Ada, Grace and Alan, by {@link Person#key()}: the tests' Slack workspaces have them. */
    private static final Map<String, String> SLACK_IDS = Map.of(ADA.key(), "U01ADA", GRACE.key(), "U02GRACE", ALAN.key(), "U03ALAN");
    public static final String REQUEST_ID = "req-7f3a9c";
    public static final String CALLBACK_ID = "cb-5d1e77";
    public static final Instant CREATED = Instant.parse("2026-01-05T09:00:00Z");
    public static final Instant DECIDED = Instant.parse("2026-01-06T14:05:00Z");

    private SampleLeaves() {
    }

    /** The person's Slack user id: the one they are known by, or a sample person's; null for anyone else. */
    public static String slackIdOf(Person person) {
        return person.chatUserId("slack").orElse(SLACK_IDS.get(person.key()));
    }

    /** The request, waiting for Grace. */
    public static LeaveRequest pending() {
        return request(REQUEST_ID, ADA, LocalDate.of(2026, 1, 12), LocalDate.of(2026, 1, 16), false, "Family visit");
    }

    /** The request after {@code by} decided it on {@link #DECIDED}. */
    public static LeaveRequest decided(LeaveStatus status, Person by, String comment) {
        return pending().withStatus(status, new Decision(by, DECIDED, comment), DECIDED);
    }

    /** The request after it expired on {@link #DECIDED} without a decision. */
    public static LeaveRequest expired() {
        return pending().withStatus(LeaveStatus.EXPIRED, new Decision(null, DECIDED, null), DECIDED);
    }

    public static LeaveRequest request(String id, Person employee, LocalDate start, LocalDate end, boolean halfDay,
            String reason) {
        ApprovalChain asked = ApprovalChain.single(GRACE).withStage(1, s -> s.withApprover(0, p -> p.asking(null, CALLBACK_ID, null)));
        return new LeaveRequest(id, employee, asked, "annual", start, end, halfDay, reason, LeaveStatus.PENDING, CREATED,
                CREATED, null, LeaveRequest.executionNameFor(id));
    }

    /** A two-stage request: Grace approved, and now either of HR's two decides ({@code cb-hr-1}, {@code cb-hr-2}). */
    public static LeaveRequest atSecondStage() {
        Decision approved = new Decision(GRACE, CREATED.plusSeconds(3_600), null);
        ApprovalChain chain = new ApprovalChain(List.of(
                ApprovalStage.of(null, ApprovalRule.ONE, List.of(GRACE)),
                ApprovalStage.of("HR", ApprovalRule.ANY, List.of(HANA, IVAN))), OnTimeout.EXPIRE)
                .withStage(1, s -> s.withApprover(0, p -> p.asking(null, CALLBACK_ID, "leave-r1/stage-1/ask-1")
                        .answering(LeaveStatus.APPROVED, approved)).decided(LeaveStatus.APPROVED, approved))
                .withStage(2, s -> s.withApprover(0, p -> p.asking(null, "cb-hr-1", "leave-r1/stage-2/ask-1"))
                        .withApprover(1, p -> p.asking(null, "cb-hr-2", "leave-r1/stage-2/ask-2")));
        return pending().withChain(chain);
    }

    /** The two-stage request of {@link #atSecondStage()} while it still waits for Grace, HR to follow. */
    public static LeaveRequest atFirstOfTwoStages() {
        ApprovalChain chain = new ApprovalChain(List.of(
                ApprovalStage.of(null, ApprovalRule.ONE, List.of(GRACE)),
                ApprovalStage.of("HR", ApprovalRule.ANY, List.of(HANA, IVAN))), OnTimeout.EXPIRE)
                .withStage(1, s -> s.withApprover(0, p -> p.asking(null, CALLBACK_ID, "leave-r1/stage-1/ask-1")));
        return pending().withChain(chain);
    }

    /** Waiting for Bea, who decides (callback {@link #CALLBACK_ID}) while Grace is away. */
    public static LeaveRequest standingIn() {
        return pending().withChain(ApprovalChain.single(GRACE)
                .withStage(1, s -> s.withApprover(0, p -> p.asking(BEA, CALLBACK_ID, "leave-r1/stage-1/ask-1"))));
    }

    /** Grace did not answer in time, so the stage was escalated to Alan ({@code cb-escalated}). */
    public static LeaveRequest escalated() {
        ApprovalChain chain = new ApprovalChain(List.of(ApprovalStage.of(null, ApprovalRule.ONE, List.of(GRACE))), OnTimeout.escalateTo(ALAN))
                .withStage(1, s -> s.withApprover(0, p -> p.asking(null, CALLBACK_ID, "leave-r1/stage-1/ask-1"))
                        .plus(StageApprover.escalation(ALAN)).withApprover(1, p -> p.asking(null, "cb-escalated", "leave-r1/stage-1/ask-2")));
        return pending().withChain(chain);
    }

    /**
     * Grace approved, and now all three of Finance (Hana, Ivan, Alan) must approve: Hana has, Ivan ({@code cb-fin-2})
     * and Alan ({@code cb-fin-3}) are waiting.
     */
    public static LeaveRequest partlyApprovedByFinance() {
        Decision grace = new Decision(GRACE, CREATED.plusSeconds(3_600), "fine");
        Decision hana = new Decision(HANA, CREATED.plusSeconds(90_000), null);
        ApprovalChain chain = new ApprovalChain(List.of(
                ApprovalStage.of(null, ApprovalRule.ONE, List.of(GRACE)),
                ApprovalStage.of("Finance", ApprovalRule.ALL, List.of(HANA, IVAN, ALAN))), OnTimeout.EXPIRE)
                .withStage(1, s -> s.withApprover(0, p -> p.asking(null, CALLBACK_ID, "leave-r1/stage-1/ask-1")
                        .answering(LeaveStatus.APPROVED, grace)).decided(LeaveStatus.APPROVED, grace))
                .withStage(2, s -> s.withApprover(0, p -> p.asking(null, "cb-fin-1", "k1").answering(LeaveStatus.APPROVED, hana))
                        .withApprover(1, p -> p.asking(null, "cb-fin-2", "k2"))
                        .withApprover(2, p -> p.asking(null, "cb-fin-3", "k3")));
        return pending().withChain(chain);
    }

    /** {@link #atSecondStage()} after Hana approved for HR on {@link #DECIDED}, with the comment "Enjoy". */
    public static LeaveRequest approvedThroughTheChain() {
        Decision hana = new Decision(HANA, DECIDED, "Enjoy");
        LeaveRequest second = atSecondStage();
        return second.withChain(second.chain().withStage(2, s -> s.withApprover(0, p -> p.answering(LeaveStatus.APPROVED, hana))
                .decided(LeaveStatus.APPROVED, hana))).withStatus(LeaveStatus.APPROVED, hana, DECIDED);
    }

    /** Approved as it was made, by a rule: nobody decided it. */
    public static LeaveRequest approvedAutomatically() {
        return pending().withStatus(LeaveStatus.APPROVED, new Decision(null, DECIDED, "annual leave of up to 5 days is approved "
                + "automatically"), DECIDED);
    }

    /** The callback a one-approver request has, or had last: the one its approver's buttons and links answer. */
    public static String callbackOf(LeaveRequest leave) {
        List<String> callbacks = leave.chain().callbackIds();
        return callbacks.isEmpty() ? null : callbacks.get(callbacks.size() - 1);
    }

    /** The request with its one approver asked under {@code callbackId}. */
    public static LeaveRequest askedWith(LeaveRequest leave, String callbackId) {
        return leave.withChain(leave.chain().withStage(1, s -> s.withApprover(0, p -> p.asking(null, callbackId, null))));
    }
}
