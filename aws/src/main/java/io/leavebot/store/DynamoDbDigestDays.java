package io.leavebot.store;

import static io.leavebot.LeaveBotNames.DIGEST_KEY_PREFIX;
import static io.leavebot.LeaveBotNames.PARTITION_KEY;
import static io.leavebot.LeaveBotNames.SORT_KEY;

import io.leavebot.notify.DigestDays;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

/**
 * {@link DigestDays} in the leave table: one item per day and channel ({@code DIGEST#<day>}, {@code <channel>}),
 * written with a condition so that the first claim stands, then read back (consistently) to see who holds it.
 */
final class DynamoDbDigestDays implements DigestDays {
    private static final String CLAIMED_BY = "claimedBy";

    private final DynamoDb client;
    private final String table;

    DynamoDbDigestDays(DynamoDb client, String table) {
        this.client = client;
        this.table = table;
    }

    @Override
    public boolean claim(LocalDate day, String channel, String claimer, Instant at) {
        Map<String, DynamoDbValue> key = Map.of(PARTITION_KEY, DynamoDbValue.fromS(DIGEST_KEY_PREFIX + day),
                SORT_KEY, DynamoDbValue.fromS(channel));
        Map<String, DynamoDbValue> item = new HashMap<>(key);
        item.put(CLAIMED_BY, DynamoDbValue.fromS(claimer));
        item.put("claimedAt", DynamoDbValue.fromS(at.toString()));
        try {
            client.putItem(b -> b.tableName(table).item(item).conditionExpression("attribute_not_exists(" + PARTITION_KEY + ")"));
            return true;
        } catch (ConditionalCheckFailedException claimedBefore) {
            Map<String, DynamoDbValue> holder = client.getItem(b -> b.tableName(table).key(key).consistentRead(true));
            return holder != null && holder.containsKey(CLAIMED_BY) && holder.get(CLAIMED_BY).s().equals(claimer);
        }
    }
}
