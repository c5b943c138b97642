package io.leavebot.store;

import io.leavebot.testing.SampleLeaves;
import java.util.Optional;
import java.util.List;
import java.util.HashMap;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.leavebot.balance.Deduction;
import io.leavebot.balance.InsufficientBalanceException;
import io.leavebot.balance.LedgerEntry;
import io.leavebot.leave.AuditEntry;
import io.leavebot.leave.Decision;
import io.leavebot.leave.LeaveRequest;
import io.leavebot.leave.LeaveStatus;
import io.leavebot.leave.Person;
import io.leavebot.notify.ChatAddress;
import io.leavebot.notify.SentNotification;
import io.leavebot.LeaveBotNames;
import io.leavebot.testing.Dynalite;
import java.math.BigDecimal;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The {@link LeaveStore} contract on dynalite, one new table per test, plus the table's own layout. */
class DynamoDbLeaveStoreTest extends LeaveLedgerContract {
    @RegisterExtension
    static final Dynalite DYNALITE = new Dynalite();

    private String table;

    @Override
    Store newStore() {
        table = Dynalite.uniqueTableName(LeaveBotNames.LEAVES_TABLE);
        DynamoDbLeaveTable.create(DYNALITE.client(), table);
        return new DynamoDbLeaveStore(DYNALITE.dynamoDb(), table);
    }

    @Override
    Store sameDataStore() {
        return new DynamoDbLeaveStore(DYNALITE.dynamoDb(), table);
    }

    @Test
    void aRequestIsListedForWhoItWaitsOnByWaitingItemsThatGoWhenItIsDecided() {
        store.create(leave("r-1"));
        Map<String, DynamoDbValue> created = rawItem("r-1");
        assertEquals("2", created.get(DynamoDbLeaveItems.SCHEMA_VERSION).n());
        assertFalse(created.containsKey(LeaveBotNames.APPROVER_INDEX_PARTITION_KEY), "version 2 lists by waiting items");
        store.updateChain("r-1", SampleLeaves.askedWith(store.get("r-1").orElseThrow(), "cb-1").chain());
        assertEquals(1, waitingItems(BEA).size());

        store.decide("r-1", LeaveStatus.APPROVED, new Decision(BEA, T0, null), T0);

        assertEquals(List.of(), waitingItems(BEA));
        assertEquals("EMPLOYEE#ann@example.com", rawItem("r-1").get(LeaveBotNames.EMPLOYEE_INDEX_PARTITION_KEY).s());
    }

    /** An item as release 0.1.0 wrote it: one approver, a callbackId attribute, the approver index keys, no version. */
    @Test
    void anItemOfTheOldShapeReadsAsItsOneApproverChainAndMovesToTheNewShapeOnItsNextUpdate() {
        Map<String, DynamoDbValue> old = new HashMap<>(DynamoDbLeaveItems.toItem(leave("r-old")));
        old.remove(DynamoDbLeaveItems.SCHEMA_VERSION);
        old.remove(DynamoDbLeaveItems.CHAIN);
        old.put(DynamoDbLeaveItems.CALLBACK_ID, DynamoDbValue.fromS("cb-old"));
        old.put(LeaveBotNames.APPROVER_INDEX_PARTITION_KEY, DynamoDbValue.fromS("APPROVER#bea@example.com"));
        old.put(LeaveBotNames.APPROVER_INDEX_SORT_KEY, DynamoDbValue.fromS("2026-03-02T09:00:00.123456789Z#r-old"));
        DYNALITE.dynamoDb().putItem(b -> b.tableName(table).item(old));

        LeaveRequest read = store.get("r-old").orElseThrow();
        assertEquals(List.of("cb-old"), read.openCallbacks());
        assertEquals(Optional.of("cb-old"), read.callbackFor(BEA));
        assertEquals(List.of("r-old"), store.listPendingByApprover(BEA).stream().map(LeaveRequest::id).toList());

        store.updateChain("r-old", SampleLeaves.askedWith(read, "cb-new").chain());

        Map<String, DynamoDbValue> now = rawItem("r-old");
        assertEquals("2", now.get(DynamoDbLeaveItems.SCHEMA_VERSION).n());
        assertFalse(now.containsKey(LeaveBotNames.APPROVER_INDEX_PARTITION_KEY));
        assertFalse(now.containsKey(DynamoDbLeaveItems.CALLBACK_ID));
        assertEquals(List.of("r-old"), store.listPendingByApprover(BEA).stream().map(LeaveRequest::id).toList(), "listed once");
        assertEquals(Optional.of("cb-new"), store.get("r-old").orElseThrow().callbackFor(BEA));
    }

    private List<Map<String, DynamoDbValue>> waitingItems(Person person) {
        return DYNALITE.dynamoDb().query(b -> b.tableName(table).keyConditionExpression("pk = :pk")
                .expressionAttributeValues(Map.of(":pk", DynamoDbValue.fromS(DynamoDbLeaveItems.WAITING + person.key())))).toList();
    }

    /** The workflow's decide step stopped after the sums were counted (no entry, no decision), and is retried. */
    @Test
    void anApprovalInterruptedAfterItsSumsCompletesWithOneDeductionWhenRetried() {
        store.create(leave("r-1"));
        Deduction deduction = deduction("3", TEN_ALLOWED);
        LedgerEntry taken = deduction.entries("r-1", T0.plusSeconds(61), BEA).get(0);
        assertTrue(new DynamoDbLedger(DYNALITE.dynamoDb(), table).count(taken, TEN_ALLOWED), "the crash");
        assertEquals(List.of(), store.entries(ANN));

        assertEquals(LeaveStatus.APPROVED, approve("r-1", deduction).status());

        assertEquals(List.of("taken/r-1/2026"), store.entries(ANN).stream().map(LedgerEntry::id).toList());
        Map<String, DynamoDbValue> sum = rawLedgerItem(ANN, "SUM#annual#2026");
        assertEquals(0, new BigDecimal(sum.get(DynamoDbLedger.NET).n()).compareTo(new BigDecimal("-3")));
        assertEquals(List.of("taken/r-1/2026"), sum.get(DynamoDbLedger.APPLIED).ss());
        store.create(leave("r-2", ANN, MAY_4.plusDays(30), MAY_4.plusDays(40), T0));
        assertThrows(InsufficientBalanceException.class, () -> approve("r-2", deduction("7.5", TEN_ALLOWED)), "3 taken once");
        assertEquals(LeaveStatus.APPROVED, approve("r-2", deduction("7", TEN_ALLOWED)).status());
    }

    /** A cancel stopped after the status was written, before the refunds, and is retried. */
    @Test
    void aCancelInterruptedBeforeItsRefundsCompletesThemOnceWhenRetried() {
        store.create(leave("r-1"));
        approve("r-1", deduction("5", TEN_ALLOWED));
        Decision byAnn = new Decision(ANN, T0.plusSeconds(600), null);
        DYNALITE.dynamoDb().updateItem(b -> b.tableName(table).key(DynamoDbLeaveItems.requestKey("r-1"))
                .updateExpression("SET #status = :cancelled, updatedAt = :at, #decision = :decision")
                .expressionAttributeNames(Map.of("#status", DynamoDbLeaveItems.STATUS, "#decision", DynamoDbLeaveItems.DECISION))
                .expressionAttributeValues(Map.of(":cancelled", DynamoDbValue.fromS("CANCELLED"),
                        ":at", DynamoDbValue.fromS(DynamoDbLeaveItems.instant(byAnn.at())), ":decision", DynamoDbLeaveItems.decision(byAnn))));

        store.cancel("r-1", byAnn, BEFORE_MAY_4);
        store.cancel("r-1", byAnn, BEFORE_MAY_4);

        List<LedgerEntry> entries = store.entries(ANN);
        assertEquals(List.of("taken/r-1/2026", "refund/r-1/2026"), entries.stream().map(LedgerEntry::id).toList());
        assertEquals(ANN, entries.get(1).by());
        assertEquals(0, new BigDecimal(rawLedgerItem(ANN, "SUM#annual#2026").get(DynamoDbLedger.NET).n()).signum());
    }

    private Map<String, DynamoDbValue> rawLedgerItem(Person person, String sortKey) {
        return DYNALITE.dynamoDb().getItem(b -> b.tableName(table).consistentRead(true).key(Map.of(
                LeaveBotNames.PARTITION_KEY, DynamoDbValue.fromS(LeaveBotNames.LEDGER_KEY_PREFIX + person.key()),
                LeaveBotNames.SORT_KEY, DynamoDbValue.fromS(sortKey))));
    }

    @Test
    void onlyPendingAndApprovedRequestsCarryTheTeamIndexKeys() {
        store.create(leave("r-approved"));
        store.create(leave("r-rejected"));
        assertEquals("APPROVER#bea@example.com", rawItem("r-rejected").get(LeaveBotNames.TEAM_INDEX_PARTITION_KEY).s());
        assertEquals("2026-05-04#r-rejected", rawItem("r-rejected").get(LeaveBotNames.TEAM_INDEX_SORT_KEY).s());

        store.decide("r-approved", LeaveStatus.APPROVED, new Decision(BEA, T0, null), T0);
        store.decide("r-rejected", LeaveStatus.REJECTED, new Decision(BEA, T0, null), T0);

        assertTrue(rawItem("r-approved").containsKey(LeaveBotNames.TEAM_INDEX_PARTITION_KEY));
        assertTrue(rawItem("r-approved").containsKey(LeaveBotNames.TEAM_INDEX_SORT_KEY));
        assertFalse(rawItem("r-rejected").containsKey(LeaveBotNames.TEAM_INDEX_PARTITION_KEY));
        assertFalse(rawItem("r-rejected").containsKey(LeaveBotNames.TEAM_INDEX_SORT_KEY));
    }

    @Test
    void creatingTheTableAgainLeavesItAndItsRequestsAsTheyAre() {
        store.create(leave("r-1"));

        DynamoDbLeaveTable.create(DYNALITE.client(), table);

        assertEquals(leave("r-1"), store.get("r-1").orElseThrow());
    }

    private Map<String, DynamoDbValue> rawItem(String id) {
        return DYNALITE.dynamoDb().getItem(b -> b.tableName(table).key(DynamoDbLeaveItems.requestKey(id)).consistentRead(true));
    }
}
