package io.leavebot.store;

import static io.leavebot.store.LeaveStoreContract.ANN;
import static io.leavebot.store.LeaveStoreContract.BEA;
import static io.leavebot.store.LeaveStoreContract.CLEO;
import static io.leavebot.store.LeaveStoreContract.DAN;
import static io.leavebot.store.LeaveStoreContract.MAY_4;
import static io.leavebot.store.LeaveStoreContract.T0;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.leavebot.LeaveBotNames;
import io.leavebot.leave.Decision;
import io.leavebot.leave.LeaveRequest;
import io.leavebot.leave.LeaveStatus;
import io.leavebot.testing.Dynalite;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@link OverlappingLeaveContract} on dynalite, and the open-leave index's life: its keys go with the decision that
 * closes a request, and requests written before it existed get them from the backfill.
 */
class DynamoDbOverlappingLeaveTest extends OverlappingLeaveContract {
    @RegisterExtension
    static final Dynalite DYNALITE = new Dynalite();

    private String table;

    @Override
    Store newStore() {
        table = Dynalite.uniqueTableName(LeaveBotNames.LEAVES_TABLE);
        DynamoDbLeaveTable.create(DYNALITE.client(), table);
        return new DynamoDbLeaveStore(DYNALITE.dynamoDb(), table);
    }

    @Test
    void theIndexKeysAreTheStartMonthAndEmployeeStartAndIdAndGoWhenTheRequestCloses() {
        approve(leave("r-approved", ANN, MAY_4, MAY_4));
        store.create(leave("r-rejected", DAN, MAY_4, MAY_4));
        assertEquals("OPEN#2026-05", raw("r-rejected").get(LeaveBotNames.OPEN_INDEX_PARTITION_KEY).s());
        assertEquals("dan@example.com#2026-05-04#r-rejected", raw("r-rejected").get(LeaveBotNames.OPEN_INDEX_SORT_KEY).s());

        store.decide("r-rejected", LeaveStatus.REJECTED, new Decision(BEA, T0, null), T0);
        store.cancel("r-approved", new Decision(ANN, T0, null), MAY_4.minusDays(1));

        assertFalse(raw("r-rejected").containsKey(LeaveBotNames.OPEN_INDEX_PARTITION_KEY));
        assertFalse(raw("r-approved").containsKey(LeaveBotNames.OPEN_INDEX_SORT_KEY));
    }

    /** Items as LeaveBot wrote them before the index: no {@code gsi4} keys, and no recorded longest leave. */
    @Test
    void requestsWrittenBeforeTheIndexAreFoundOnceTheBackfillGaveThemKeys() {
        putWithoutIndexKeys(approve(leave("r-old-approved", ANN, LocalDate.of(2026, 2, 2), MAY_4.plusDays(2))));
        putWithoutIndexKeys(store.create(leave("r-old-pending", DAN, MAY_4, MAY_4)));
        LeaveRequest rejected = leave("r-old-rejected", CLEO, MAY_4, MAY_4).withStatus(LeaveStatus.REJECTED, new Decision(BEA, T0, null), T0);
        putWithoutIndexKeys(rejected);
        DYNALITE.dynamoDb().deleteItem(b -> b.tableName(table).key(Map.of(LeaveBotNames.PARTITION_KEY,
                DynamoDbValue.fromS("INDEX#" + LeaveBotNames.OPEN_INDEX), LeaveBotNames.SORT_KEY, DynamoDbValue.fromS("SPAN"))));
        assertEquals(List.of(), store.listOverlapping(MAY_4, MAY_4));

        int given = ((DynamoDbLeaveStore) store).indexOpenLeave();

        assertEquals(2, given);
        assertEquals(List.of("r-old-approved", "r-old-pending"),
                store.listOverlapping(MAY_4, MAY_4).stream().map(LeaveRequest::id).toList(), "three months back, the span says");
        assertFalse(raw("r-old-rejected").containsKey(LeaveBotNames.OPEN_INDEX_PARTITION_KEY));
        assertEquals(0, ((DynamoDbLeaveStore) store).indexOpenLeave(), "once per table");
    }

    private void putWithoutIndexKeys(LeaveRequest request) {
        Map<String, DynamoDbValue> old = new HashMap<>(DynamoDbLeaveItems.toItem(request));
        old.remove(LeaveBotNames.OPEN_INDEX_PARTITION_KEY);
        old.remove(LeaveBotNames.OPEN_INDEX_SORT_KEY);
        DYNALITE.dynamoDb().putItem(b -> b.tableName(table).item(old));
    }

    private Map<String, DynamoDbValue> raw(String id) {
        return DYNALITE.dynamoDb().getItem(b -> b.tableName(table).key(DynamoDbLeaveItems.requestKey(id)).consistentRead(true));
    }
}
