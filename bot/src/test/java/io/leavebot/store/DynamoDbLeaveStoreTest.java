package io.leavebot.store;

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
    void aDecidedRequestLeavesTheApproversSparseIndex() {
        store.create(leave("r-1"));
        assertTrue(rawItem("r-1").containsKey(LeaveBotNames.APPROVER_INDEX_PARTITION_KEY));

        store.decide("r-1", LeaveStatus.APPROVED, new Decision(BEA, T0, null), T0);

        Map<String, AttributeValue> item = rawItem("r-1");
        assertFalse(item.containsKey(LeaveBotNames.APPROVER_INDEX_PARTITION_KEY));
        assertFalse(item.containsKey(LeaveBotNames.APPROVER_INDEX_SORT_KEY));
        assertEquals("EMPLOYEE#ann@example.com", item.get(LeaveBotNames.EMPLOYEE_INDEX_PARTITION_KEY).s());
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
