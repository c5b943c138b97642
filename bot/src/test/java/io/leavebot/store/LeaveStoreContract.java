package io.leavebot.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.leavebot.leave.ApprovalChain;
import io.leavebot.leave.ApprovalRule;
import io.leavebot.leave.ApprovalStage;
import io.leavebot.leave.OnTimeout;
import io.leavebot.leave.AuditEntry;
import io.leavebot.testing.SampleLeaves;
import io.leavebot.leave.Decision;
import io.leavebot.leave.LeaveRequest;
import io.leavebot.leave.LeaveStatus;
import io.leavebot.leave.Person;
import io.leavebot.leave.StageApprover;
import io.leavebot.notify.ChatAddress;
import io.leavebot.notify.SentNotification;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link LeaveStore} promises, written once; each adapter's test extends this with a fresh, empty store
 * per test.
 */
abstract class LeaveStoreContract {
    static final Person ANN = Person.ofEmail("ann@example.com", "Ann");
    static final Person DAN = Person.ofEmail("dan@example.com", "Dan");
    static final Person BEA = Person.ofEmail("bea@example.com", "Bea Boss");
    static final Person CLEO = Person.ofChatUser("slack", "U0CLEO", "Cleo");
    static final Instant T0 = Instant.parse("2026-03-02T09:00:00.123456789Z");
    static final LocalDate MAY_4 = LocalDate.of(2026, 5, 4);

    Store store;

    /** A new, empty store. */
    abstract Store newStore() throws Exception;

    @BeforeEach
    void openStore() throws Exception {
        store = newStore();
    }

    @AfterEach
    void closeStore() throws Exception {
        if (store instanceof AutoCloseable closeable) {
            closeable.close();
        }
    }

    static LeaveRequest leave(String id, Person employee, LocalDate start, LocalDate end, Instant createdAt) {
        return new LeaveRequest(id, employee, ApprovalChain.single(BEA), "annual", start, end, false, "family trip", LeaveStatus.PENDING,
                createdAt, createdAt, null, LeaveRequest.executionNameFor(id));
    }

    /** Records that the request's one approver was asked with {@code callbackId}, as the workflow's ask step does. */
    private LeaveRequest ask(String id, String callbackId) {
        return store.updateChain(id, SampleLeaves.askedWith(store.get(id).orElseThrow(), callbackId).chain());
    }

    static LeaveRequest leave(String id) {
        return leave(id, ANN, MAY_4, MAY_4.plusDays(4), T0);
    }

    @Test
    void aCreatedRequestReadsBackExactlyAsItWasGiven() {
        LeaveRequest halfDay = new LeaveRequest("r-1", ANN, ApprovalChain.single(CLEO), "sick", MAY_4, MAY_4, true, "dentist ü 🦷",
                LeaveStatus.PENDING, T0, T0.plusNanos(1), null, "leave-r-1");
        LeaveRequest bare = new LeaveRequest("r-2", DAN, ApprovalChain.single(BEA), "other", MAY_4, MAY_4.plusDays(1), false, null,
                LeaveStatus.PENDING, T0, T0, null, "leave-r-2");

        assertEquals(halfDay, store.create(halfDay));
        assertEquals(bare, store.create(bare));
        assertEquals(Optional.of(halfDay), store.get("r-1"));
        assertEquals(Optional.of(bare), store.get("r-2"));
    }

    @Test
    void emptyTextsReadBackEmpty() {
        LeaveRequest emptyReason = new LeaveRequest("r-1", ANN, ApprovalChain.single(BEA), "annual", MAY_4, MAY_4, false, "",
                LeaveStatus.PENDING, T0, T0, null, "leave-r-1");
        store.create(emptyReason);

        LeaveRequest decided = store.decide("r-1", LeaveStatus.APPROVED, new Decision(BEA, T0, ""), T0);

        assertEquals(emptyReason.withStatus(LeaveStatus.APPROVED, new Decision(BEA, T0, ""), T0), decided);
        assertEquals(Optional.of(decided), store.get("r-1"));
    }

    @Test
    void creatingTheSameIdAgainReturnsTheFirstRequestUnchanged() {
        LeaveRequest first = store.create(leave("r-1"));
        LeaveRequest retry = leave("r-1", DAN, MAY_4.plusDays(20), MAY_4.plusDays(21), T0.plusSeconds(60));

        assertEquals(first, store.create(retry));
        assertEquals(Optional.of(first), store.get("r-1"));
        assertEquals(List.of(), store.listByEmployee(DAN));
    }

    @Test
    void onlyAPendingRequestCanBeCreated() {
        LeaveRequest approved = leave("r-1").withStatus(LeaveStatus.APPROVED, new Decision(BEA, T0, null), T0);

        assertThrows(IllegalArgumentException.class, () -> store.create(approved));
        assertEquals(Optional.empty(), store.get("r-1"));
    }

    @Test
    void anUnknownIdIsNotFound() {
        assertEquals(Optional.empty(), store.get("no-such-request"));
    }

    @Test
    void aPendingRequestIsDecidedWithItsDecider() {
        store.create(leave("r-1"));
        Decision decision = new Decision(BEA, T0.plusSeconds(30), "enjoy");

        LeaveRequest decided = store.decide("r-1", LeaveStatus.APPROVED, decision, T0.plusSeconds(31));

        assertEquals(leave("r-1").withStatus(LeaveStatus.APPROVED, decision, T0.plusSeconds(31)), decided);
        assertEquals(Optional.of(decided), store.get("r-1"));
    }

    @Test
    void aSecondDecisionChangesNothingAndReturnsTheFirstOutcome() {
        store.create(leave("r-1"));
        LeaveRequest first = store.decide("r-1", LeaveStatus.APPROVED, new Decision(BEA, T0, "ok"), T0);

        assertEquals(first, store.decide("r-1", LeaveStatus.REJECTED, new Decision(BEA, T0.plusSeconds(5), "no"), T0.plusSeconds(5)));
        assertEquals(first, store.decide("r-1", LeaveStatus.APPROVED, new Decision(CLEO, T0.plusSeconds(9), "again"), T0.plusSeconds(9)));
        assertEquals(Optional.of(first), store.get("r-1"));
    }

    @Test
    void anExpiryIsRecordedWithoutADecider() {
        store.create(leave("r-1"));
        Decision expiry = new Decision(null, T0.plus(Duration.ofDays(3)), null);

        LeaveRequest expired = store.decide("r-1", LeaveStatus.EXPIRED, expiry, T0.plus(Duration.ofDays(3)));

        assertEquals(LeaveStatus.EXPIRED, expired.status());
        assertEquals(expiry, store.get("r-1").orElseThrow().decision());
    }

    @Test
    void decidingAnUnknownRequestThrowsNoSuchElement() {
        assertThrows(NoSuchElementException.class,
                () -> store.decide("no-such-request", LeaveStatus.APPROVED, new Decision(BEA, T0, null), T0));
    }

    @Test
    void decidingBackToPendingIsRefused() {
        store.create(leave("r-1"));

        assertThrows(IllegalArgumentException.class, () -> store.decide("r-1", LeaveStatus.PENDING, null, T0));
    }

    @Test
    void theCallbackIdOfAPendingRequestIsRememberedAndCanBeCleared() {
        store.create(leave("r-1"));

        ask("r-1", "callback-1");
        assertEquals("callback-1", SampleLeaves.callbackOf(store.get("r-1").orElseThrow()));
        assertEquals(List.of("callback-1"), store.get("r-1").orElseThrow().openCallbacks());

        ask("r-1", null);
        assertEquals(null, SampleLeaves.callbackOf(store.get("r-1").orElseThrow()));
    }

    @Test
    void theChainOfADecidedRequestStaysAsItWas() {
        store.create(leave("r-1"));
        ask("r-1", "callback-1");
        LeaveRequest decided = store.decide("r-1", LeaveStatus.REJECTED, new Decision(BEA, T0, "busy week"), T0);

        assertEquals(decided, ask("r-1", "callback-2"), "the request as it is stored, unchanged");

        assertEquals(Optional.of(decided), store.get("r-1"));
        assertEquals("callback-1", SampleLeaves.callbackOf(decided));
        assertEquals(List.of(), decided.openCallbacks());
    }

    @Test
    void aChainOfStagesReadsBackExactlyAndListsTheRequestForEveryoneItWaitsOn() {
        ApprovalChain chain = new ApprovalChain(List.of(
                ApprovalStage.of(null, ApprovalRule.ONE, List.of(BEA)),
                ApprovalStage.of("HR", ApprovalRule.ANY, List.of(CLEO, DAN))), OnTimeout.escalateTo(ANN));
        LeaveRequest created = store.create(new LeaveRequest("r-1", ANN, chain, "annual", MAY_4, MAY_4, false, null,
                LeaveStatus.PENDING, T0, T0, null, LeaveRequest.executionNameFor("r-1")));
        assertEquals(chain, created.chain());
        assertEquals(List.of(), store.listPendingByApprover(BEA), "nobody is asked yet");

        Decision byBea = new Decision(BEA, T0.plusSeconds(60), "fine by me");
        ApprovalChain atHr = chain
                .withStage(1, s -> s.withApprover(0, p -> p.asking(null, "cb-1", "leave-r-1/stage-1/ask-1")
                        .answering(LeaveStatus.APPROVED, byBea)).decided(LeaveStatus.APPROVED, byBea))
                .withStage(2, s -> s.withApprover(0, p -> p.asking(null, "cb-2", "k2"))
                        .withApprover(1, p -> p.asking(BEA, "cb-3", "k3")));
        LeaveRequest updated = store.updateChain("r-1", atHr);

        LeaveRequest now = store.get("r-1").orElseThrow();
        assertEquals(now, updated, "the request as stored afterwards, without reading it back");
        assertEquals(atHr, now.chain());
        assertEquals(List.of("r-1"), ids(store.listPendingByApprover(CLEO)));
        assertEquals(List.of("r-1"), ids(store.listPendingByApprover(DAN)));
        assertEquals(List.of("r-1"), ids(store.listPendingByApprover(BEA)), "standing in for Dan");
        assertEquals(List.of(), store.listPendingByApprover(ANN));
        assertEquals(Optional.of("cb-3"), now.callbackFor(BEA));
        for (String callback : List.of("cb-1", "cb-2", "cb-3")) {
            assertEquals(Optional.of("r-1"), store.requestIdForCallback(callback));
        }

        ApprovalChain reasked = atHr.withStage(2, s -> s.withApprover(1, p -> p.asking(null, "cb-4", "k4", T0.plusSeconds(3_600))));
        assertEquals(reasked, store.updateChain("r-1", reasked).chain());
        StageApprover place = store.get("r-1").orElseThrow().chain().stage(2).approvers().get(1);
        assertEquals(T0.plusSeconds(3_600), place.answerBy(), "until when its links work");
        assertEquals("cb-3", place.previousCallbackId(), "what the old buttons answer, to say who has it now");
        assertEquals(reasked, store.get("r-1").orElseThrow().chain());
        assertEquals(List.of(), store.listPendingByApprover(BEA), "no longer standing in");
        assertEquals(List.of("r-1"), ids(store.listPendingByApprover(DAN)));

        store.decide("r-1", LeaveStatus.APPROVED, new Decision(CLEO, T0.plusSeconds(90), null), T0.plusSeconds(90));
        assertEquals(List.of(), store.listPendingByApprover(CLEO));
        assertEquals(List.of(), store.listPendingByApprover(DAN));
    }

    @Test
    void fiveStagesOfTwentyApproversReadBack() {
        List<ApprovalStage> stages = new java.util.ArrayList<>();
        for (int n = 1; n <= 5; n++) {
            List<Person> group = new java.util.ArrayList<>();
            for (int i = 1; i <= 20; i++) {
                group.add(Person.ofEmail("approver-" + n + "-" + i + "@example.com", "Approver " + n + "." + i));
            }
            stages.add(ApprovalStage.of("Stage " + n, n % 2 == 0 ? ApprovalRule.ALL : ApprovalRule.ANY, group));
        }
        ApprovalChain chain = new ApprovalChain(stages, OnTimeout.APPROVE);
        store.create(new LeaveRequest("r-big", ANN, chain, "annual", MAY_4, MAY_4, false, null,
                LeaveStatus.PENDING, T0, T0, null, LeaveRequest.executionNameFor("r-big")));
        ApprovalChain asked = chain.withStage(1, s -> {
            ApprovalStage all = s;
            for (int i = 0; i < 20; i++) {
                int index = i;
                all = all.withApprover(index, p -> p.asking(null, "cb-" + index, "k-" + index));
            }
            return all;
        });
        store.updateChain("r-big", asked);

        assertEquals(asked, store.get("r-big").orElseThrow().chain());
        assertEquals(List.of("r-big"), ids(store.listPendingByApprover(Person.ofEmail("approver-1-20@example.com", null))));
        assertEquals(List.of(), store.listPendingByApprover(Person.ofEmail("approver-2-1@example.com", null)));
    }

    private static List<String> ids(List<LeaveRequest> requests) {
        return requests.stream().map(LeaveRequest::id).toList();
    }

    @Test
    void everyCallbackARequestHadLeadsBackToIt() {
        store.create(leave("r-1"));
        store.create(leave("r-2", DAN, MAY_4, MAY_4, T0));
        ask("r-1", "callback-1");
        ask("r-1", "callback-2"); // asked again: the first one is replaced, not forgotten
        ask("r-2", "callback-3");
        store.decide("r-2", LeaveStatus.APPROVED, new Decision(BEA, T0, null), T0);
        ask("r-2", "callback-4"); // too late: not the request's

        assertEquals(Optional.of("r-1"), store.requestIdForCallback("callback-1"));
        assertEquals(Optional.of("r-1"), store.requestIdForCallback("callback-2"));
        assertEquals(Optional.of("r-2"), store.requestIdForCallback("callback-3"));
        assertEquals(Optional.empty(), store.requestIdForCallback("callback-4"));
        assertEquals(Optional.empty(), store.requestIdForCallback("never-given"));
    }

    @Test
    void anAuditEntryIsKeptOncePerRoundAndEventAndReadOldestFirst() {
        store.create(leave("r-1"));
        AuditEntry first = new AuditEntry("r-1", 1, AuditEntry.ANSWER_REFUSED, T0.plusSeconds(5), "mallory@example.org",
                "a decision by mallory@example.org, who is not this request's approver");
        AuditEntry second = new AuditEntry("r-1", 2, AuditEntry.ANSWER_REFUSED, T0.plusSeconds(9), null, "not an answer: x");

        store.recordAudit(second);
        store.recordAudit(first);
        store.recordAudit(new AuditEntry("r-1", 1, AuditEntry.ANSWER_REFUSED, T0.plusSeconds(7), null, "a retry")); // the first wins

        assertEquals(List.of(first, second), store.audit("r-1"));
        assertEquals(List.of(), store.audit("r-2"));
        assertEquals(Optional.of(leave("r-1")), store.get("r-1"), "the audit is not part of the request");
        assertEquals(1, store.listByEmployee(ANN).size(), "nor of its listings");
    }

    @Test
    void updatingTheChainOfAnUnknownRequestThrowsNoSuchElement() {
        assertThrows(NoSuchElementException.class, () -> store.updateChain("no-such-request", ApprovalChain.single(BEA)));
    }

    @Test
    void anEmployeesRequestsAreListedNewestFirstAndOnlyTheirs() {
        LeaveRequest older = store.create(leave("r-a", ANN, MAY_4, MAY_4, T0));
        LeaveRequest newer = store.create(leave("r-b", ANN, MAY_4.plusDays(7), MAY_4.plusDays(7), T0.plusSeconds(1)));
        store.create(leave("r-c", DAN, MAY_4, MAY_4, T0.plusSeconds(2)));
        LeaveRequest decided = store.decide(older.id(), LeaveStatus.REJECTED, new Decision(BEA, T0, null), T0.plusSeconds(3));

        assertEquals(List.of(newer, decided), store.listByEmployee(ANN));
    }

    @Test
    void anEmployeeIsFoundByEmailWhicheverChannelTheyUsed() {
        LeaveRequest byMail = store.create(leave("r-1", Person.ofEmail("Ann@Example.com", null), MAY_4, MAY_4, T0));

        assertEquals(List.of(byMail), store.listByEmployee(ANN));
    }

    @Test
    void anApproversPendingRequestsAreListedOldestFirstWithoutDecidedOnes() {
        store.create(leave("r-b", DAN, MAY_4, MAY_4, T0.plusSeconds(1)));
        store.create(leave("r-a", ANN, MAY_4, MAY_4, T0));
        store.create(leave("r-c", ANN, MAY_4.plusDays(9), MAY_4.plusDays(9), T0.plusSeconds(2)));
        for (String id : List.of("r-a", "r-b", "r-c")) {
            ask(id, "callback-" + id);
        }
        store.decide("r-c", LeaveStatus.CANCELLED, new Decision(ANN, T0, null), T0.plusSeconds(3));

        assertEquals(List.of(store.get("r-a").orElseThrow(), store.get("r-b").orElseThrow()), store.listPendingByApprover(BEA));
        assertEquals(List.of(), store.listPendingByApprover(CLEO));
    }

    @Test
    void overlapsIncludeRequestsThatTouchTheEdges() {
        LeaveRequest endsOnStart = store.create(leave("r-a", ANN, MAY_4.minusDays(3), MAY_4, T0));
        LeaveRequest startsOnEnd = store.create(leave("r-b", ANN, MAY_4.plusDays(4), MAY_4.plusDays(6), T0));
        store.create(leave("r-c", ANN, MAY_4.minusDays(9), MAY_4.minusDays(1), T0));
        store.create(leave("r-d", ANN, MAY_4.plusDays(5), MAY_4.plusDays(9), T0));

        assertEquals(List.of(endsOnStart, startsOnEnd), store.findOverlaps(ANN, MAY_4, MAY_4.plusDays(4)));
    }

    @Test
    void overlapsCountPendingAndApprovedButNotRejectedExpiredOrCancelled() {
        store.create(leave("r-pending", ANN, MAY_4, MAY_4, T0));
        LeaveRequest approved = approve(leave("r-approved", ANN, MAY_4.plusDays(1), MAY_4.plusDays(1), T0));
        for (LeaveStatus closed : List.of(LeaveStatus.REJECTED, LeaveStatus.EXPIRED, LeaveStatus.CANCELLED)) {
            store.create(leave("r-" + closed, ANN, MAY_4, MAY_4.plusDays(1), T0));
            store.decide("r-" + closed, closed, new Decision(null, T0, null), T0);
        }

        List<LeaveRequest> found = store.findOverlaps(ANN, MAY_4, MAY_4.plusDays(1));

        assertEquals(List.of("r-pending", "r-approved"), found.stream().map(LeaveRequest::id).toList());
        assertEquals(approved, found.get(1));
    }

    @Test
    void overlapsIgnoreOtherEmployees() {
        store.create(leave("r-dan", DAN, MAY_4, MAY_4.plusDays(4), T0));

        assertEquals(List.of(), store.findOverlaps(ANN, MAY_4, MAY_4.plusDays(4)));
    }

    @Test
    void teamOverlapsCountPendingAndApprovedOfEveryoneWithTheApproverByStartDate() {
        LeaveRequest annLater = store.create(leave("r-ann", ANN, MAY_4.plusDays(2), MAY_4.plusDays(3), T0));
        LeaveRequest danApproved = approve(leave("r-dan", DAN, MAY_4, MAY_4.plusDays(1), T0.plusSeconds(1)));
        LeaveRequest cleoSpanning = store.create(leave("r-cleo", CLEO, MAY_4.minusDays(5), MAY_4.plusDays(9), T0.plusSeconds(2)));

        assertEquals(List.of(cleoSpanning, danApproved, annLater), store.findTeamOverlaps(BEA, MAY_4, MAY_4.plusDays(4)));
    }

    @Test
    void teamOverlapsLeaveOutRejectedExpiredAndCancelledRequests() {
        LeaveRequest pending = store.create(leave("r-pending", ANN, MAY_4, MAY_4, T0));
        for (LeaveStatus closed : List.of(LeaveStatus.REJECTED, LeaveStatus.EXPIRED, LeaveStatus.CANCELLED)) {
            store.create(leave("r-" + closed, DAN, MAY_4, MAY_4.plusDays(1), T0));
            store.decide("r-" + closed, closed, new Decision(null, T0, null), T0);
        }

        assertEquals(List.of(pending), store.findTeamOverlaps(BEA, MAY_4, MAY_4.plusDays(1)));
    }

    @Test
    void teamOverlapsLeaveOutOtherApprovers() {
        LeaveRequest forBea = store.create(leave("r-bea", ANN, MAY_4, MAY_4, T0));
        store.create(new LeaveRequest("r-cleo", DAN, ApprovalChain.single(CLEO), "annual", MAY_4, MAY_4, false, null, LeaveStatus.PENDING,
                T0, T0, null, LeaveRequest.executionNameFor("r-cleo")));
        store.create(new LeaveRequest("r-cleo-approved", ANN, ApprovalChain.single(CLEO), "annual", MAY_4, MAY_4, false, null,
                LeaveStatus.PENDING, T0, T0, null, LeaveRequest.executionNameFor("r-cleo-approved")));
        store.decide("r-cleo-approved", LeaveStatus.APPROVED, new Decision(CLEO, T0, null), T0);

        assertEquals(List.of(forBea), store.findTeamOverlaps(BEA, MAY_4, MAY_4));
        assertEquals(List.of("r-cleo", "r-cleo-approved"),
                store.findTeamOverlaps(CLEO, MAY_4, MAY_4).stream().map(LeaveRequest::id).toList());
        assertEquals(List.of(), store.findTeamOverlaps(ANN, MAY_4, MAY_4));
    }

    @Test
    void teamOverlapsIncludeRequestsThatTouchTheEdgesAndNoOthers() {
        LeaveRequest endsOnStart = approve(leave("r-a", ANN, MAY_4.minusDays(3), MAY_4, T0));
        LeaveRequest startsOnEnd = store.create(leave("r-b", DAN, MAY_4.plusDays(4), MAY_4.plusDays(6), T0));
        store.create(leave("r-c", DAN, MAY_4.minusDays(9), MAY_4.minusDays(1), T0));
        approve(leave("r-d", CLEO, MAY_4.plusDays(5), MAY_4.plusDays(9), T0));

        assertEquals(List.of(endsOnStart, startsOnEnd), store.findTeamOverlaps(BEA, MAY_4, MAY_4.plusDays(4)));
        assertEquals(List.of(endsOnStart), store.findTeamOverlaps(BEA, MAY_4, MAY_4));
        assertEquals(List.of(startsOnEnd), store.findTeamOverlaps(BEA, MAY_4.plusDays(4), MAY_4.plusDays(4)));
        assertEquals(List.of(), store.findTeamOverlaps(BEA, MAY_4.plusDays(1), MAY_4.plusDays(3)));
    }

    @Test
    void theApproverIsFoundByEmailWhicheverChannelTheyUsed() {
        LeaveRequest request = approve(leave("r-1"));

        assertEquals(List.of(request), store.findTeamOverlaps(Person.ofEmail("BEA@example.com", null), MAY_4, MAY_4));
    }

    @Test
    void theFirstRecordOfANotificationWins() {
        SentNotification first = new SentNotification("leave-r-1/send-receipt", "r-1", "slack", "C1/1700000000.1", T0);

        assertEquals(first, store.recordSent(first));
        assertEquals(first, store.recordSent(new SentNotification("leave-r-1/send-receipt", "r-1", "email", null, T0.plusSeconds(1))),
                "a second record answers with the first, which stands");

        assertEquals(Optional.of(first), store.sent("leave-r-1/send-receipt"));
        assertEquals(Optional.empty(), store.sent("leave-r-1/reminder-1"));
    }

    @Test
    void aChatAddressReadsBackByEmailWhicheverWayThePersonIsKnown() {
        ChatAddress teams = new ChatAddress("teams", ANN.key(), "{\"conversation\":\"a:1\"}", T0);

        store.saveAddress(teams);

        assertEquals(Optional.of(teams), store.addressOf("teams", Person.ofEmail("ANN@example.com", null)));
        assertEquals(Optional.empty(), store.addressOf("slack", ANN), "one address per channel");
        assertEquals(Optional.empty(), store.addressOf("teams", DAN));
    }

    @Test
    void theLatestChatAddressOfAPersonReplacesTheEarlierOne() {
        store.saveAddress(new ChatAddress("teams", ANN.key(), "{\"conversation\":\"a:1\"}", T0));
        ChatAddress reinstalled = new ChatAddress("teams", ANN.key(), "{\"conversation\":\"a:2\"}", T0.plusSeconds(60));

        store.saveAddress(reinstalled);

        assertEquals(Optional.of(reinstalled), store.addressOf("teams", ANN));
    }

    @Test
    void concurrentCreatesOfTheSameIdRecordOneRequest() throws Exception {
        int threads = 8;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch go = new CountDownLatch(1);
        try {
            List<Future<LeaveRequest>> results = IntStream.range(0, threads).mapToObj(i -> pool.submit(() -> {
                go.await();
                return store.create(leave("r-1", ANN, MAY_4, MAY_4.plusDays(i), T0.plusSeconds(i)));
            })).toList();
            go.countDown();
            List<LeaveRequest> returned = new ArrayList<>();
            for (Future<LeaveRequest> result : results) {
                returned.add(result.get());
            }

            LeaveRequest stored = store.get("r-1").orElseThrow();
            assertEquals(Collections.nCopies(threads, stored), returned);
            assertEquals(List.of(stored), store.listByEmployee(ANN));
        } finally {
            pool.shutdownNow();
        }
    }

    private LeaveRequest approve(LeaveRequest request) {
        store.create(request);
        return store.decide(request.id(), LeaveStatus.APPROVED, new Decision(BEA, T0, null), T0);
    }
}
