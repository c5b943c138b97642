package io.leavebot.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.leavebot.LeaveBotNames;
import io.leavebot.notify.DigestDays;
import io.leavebot.testing.Dynalite;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The {@link DigestDays} contract on dynalite, one new table per test, plus its item's layout. */
class DynamoDbDigestDaysTest extends DigestDaysContract {
    @RegisterExtension
    static final Dynalite DYNALITE = new Dynalite();

    private String table;

    @Override
    DigestDays newDays() {
        table = Dynalite.uniqueTableName(LeaveBotNames.LEAVES_TABLE);
        DynamoDbLeaveTable.create(DYNALITE.client(), table);
        return new DynamoDbLeaveStore(DYNALITE.dynamoDb(), table).digestDays();
    }

    @Test
    void aClaimIsOneItemUnderTheDaysDigestKey() {
        days.claim(DAY, "teams", FIRST, AT);

        Map<String, DynamoDbValue> item = DYNALITE.dynamoDb().getItem(b -> b.tableName(table).consistentRead(true).key(Map.of(
                LeaveBotNames.PARTITION_KEY, DynamoDbValue.fromS("DIGEST#2026-12-02"),
                LeaveBotNames.SORT_KEY, DynamoDbValue.fromS("teams"))));
        assertEquals(FIRST, item.get("claimedBy").s());
        assertEquals("2026-12-02T09:00:00Z", item.get("claimedAt").s());
    }
}
