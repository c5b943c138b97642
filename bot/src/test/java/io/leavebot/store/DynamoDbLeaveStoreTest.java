package io.leavebot.store;

import io.leavebot.testing.SampleLeaves;
import java.util.Optional;
import java.util.List;
import java.util.HashMap;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.leavebot.leave.AuditEntry;
import io.leavebot.leave.Decision;
import io.leavebot.leave.LeaveRequest;
import io.leavebot.leave.LeaveStatus;
import io.leavebot.leave.Person;
import io.leavebot.notify.ChatAddress;
import io.leavebot.notify.SentNotification;
import io.leavebot.LeaveBotNames;
import io.leavebot.testing.Dynalite;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The {@link LeaveStore} contract on dynalite, one new table per test, plus the table's own layout. */
class DynamoDbLeaveStoreTest extends LeaveStoreContract {
    @RegisterExtension
    static final Dynalite DYNALITE = new Dynalite();

    private String table;

    @Override
    Store newStore() {
        table = Dynalite.uniqueTableName(LeaveBotNames.LEAVES_TABLE);
        DynamoDbLeaveStore.createTable(DYNALITE.client(), table);
        return new DynamoDbLeaveStore(DYNALITE.client(), table);
    }

    @Test
    void aRequestIsListedForWhoItWaitsOnByWaitingItemsThatGoWhenItIsDecided() {
        store.create(leave("r-1"));
        Map<String, AttributeValue> created = rawItem("r-1");
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
        Map<String, AttributeValue> old = new HashMap<>(DynamoDbLeaveItems.toItem(leave("r-old")));
        old.remove(DynamoDbLeaveItems.SCHEMA_VERSION);
        old.remove(DynamoDbLeaveItems.CHAIN);
        old.put(DynamoDbLeaveItems.CALLBACK_ID, AttributeValue.fromS("cb-old"));
        old.put(LeaveBotNames.APPROVER_INDEX_PARTITION_KEY, AttributeValue.fromS("APPROVER#bea@example.com"));
        old.put(LeaveBotNames.APPROVER_INDEX_SORT_KEY, AttributeValue.fromS("2026-03-02T09:00:00.123456789Z#r-old"));
        DYNALITE.client().putItem(b -> b.tableName(table).item(old));

        LeaveRequest read = store.get("r-old").orElseThrow();
        assertEquals(List.of("cb-old"), read.openCallbacks());
        assertEquals(Optional.of("cb-old"), read.callbackFor(BEA));
        assertEquals(List.of("r-old"), store.listPendingByApprover(BEA).stream().map(LeaveRequest::id).toList());

        store.updateChain("r-old", SampleLeaves.askedWith(read, "cb-new").chain());

        Map<String, AttributeValue> now = rawItem("r-old");
        assertEquals("2", now.get(DynamoDbLeaveItems.SCHEMA_VERSION).n());
        assertFalse(now.containsKey(LeaveBotNames.APPROVER_INDEX_PARTITION_KEY));
        assertFalse(now.containsKey(DynamoDbLeaveItems.CALLBACK_ID));
        assertEquals(List.of("r-old"), store.listPendingByApprover(BEA).stream().map(LeaveRequest::id).toList(), "listed once");
        assertEquals(Optional.of("cb-new"), store.get("r-old").orElseThrow().callbackFor(BEA));
    }

    private List<Map<String, AttributeValue>> waitingItems(Person person) {
        return DYNALITE.client().query(b -> b.tableName(table).keyConditionExpression("pk = :pk")
                .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(DynamoDbLeaveItems.WAITING + person.key())))).items();
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

        DynamoDbLeaveStore.createTable(DYNALITE.client(), table);

        assertEquals(leave("r-1"), store.get("r-1").orElseThrow());
    }

    private Map<String, AttributeValue> rawItem(String id) {
        return DYNALITE.client().getItem(b -> b.tableName(table).key(DynamoDbLeaveItems.requestKey(id)).consistentRead(true)).item();
    }
}
