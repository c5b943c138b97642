package io.leavebot.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.leavebot.LeaveBotNames;
import io.leavebot.leave.AwayCalendar;
import io.leavebot.leave.AwayPeriod;
import io.leavebot.testing.Dynalite;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The {@link AwayCalendar} contract on dynalite, one new table per test, plus its items' layout. */
class DynamoDbAwayCalendarTest extends AwayCalendarContract {
    @RegisterExtension
    static final Dynalite DYNALITE = new Dynalite();

    private String table;

    @Override
    AwayCalendar newCalendar() {
        table = Dynalite.uniqueTableName(LeaveBotNames.LEAVES_TABLE);
        DynamoDbLeaveTable.create(DYNALITE.client(), table);
        return new DynamoDbLeaveStore(DYNALITE.dynamoDb(), table);
    }

    @Test
    void aPeriodIsOneItemUnderTheApproversKeyWithASchemaVersion() {
        calendar.save(away(JAN_10, JAN_20, CARL, T0));

        Map<String, DynamoDbValue> item = item("AWAY#bea@example.com", "PERIOD#2027-01-10");
        assertEquals("1", item.get("schemaVersion").n());
        assertEquals("carl@example.com", item.get("standIn").m().get("email").s());
        assertEquals("2027-01-20", item.get("to").s());
    }

    /** As a save that stopped after its put, before deleting the period it replaced. */
    @Test
    void wherePeriodsStillOverlapTheOneSavedLastWins() {
        AwayPeriod newer = calendar.save(away(JAN_10, JAN_20, DORA, T0.plusSeconds(5)));
        Map<String, DynamoDbValue> older = new HashMap<>(item("AWAY#bea@example.com", "PERIOD#2027-01-10"));
        older.put(LeaveBotNames.SORT_KEY, DynamoDbValue.fromS("PERIOD#2027-01-08"));
        older.put("from", DynamoDbValue.fromS("2027-01-08"));
        older.put("savedAt", DynamoDbValue.fromS(T0.toString()));
        DYNALITE.dynamoDb().putItem(b -> b.tableName(table).item(older));

        assertEquals(List.of(newer), calendar.periodsOf(BEA, JAN_10.minusDays(5)));
        assertEquals(newer, calendar.covering(BEA, JAN_10).orElseThrow());
        assertEquals(List.of(), calendar.covering(BEA, JAN_10.minusDays(2)).stream().toList());
    }

    private Map<String, DynamoDbValue> item(String pk, String sk) {
        return DYNALITE.dynamoDb().getItem(b -> b.tableName(table).consistentRead(true).key(Map.of(
                LeaveBotNames.PARTITION_KEY, DynamoDbValue.fromS(pk), LeaveBotNames.SORT_KEY, DynamoDbValue.fromS(sk))));
    }
}
