package io.leavebot.store;

import static io.leavebot.LeaveBotNames.DIGEST_KEY_PREFIX;
import static io.leavebot.LeaveBotNames.PARTITION_KEY;
import static io.leavebot.LeaveBotNames.SORT_KEY;

import io.leavebot.notify.DigestDays;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * {@link DigestDays} in the leave table: one item per day and channel ({@code DIGEST#<day>}, {@code <channel>}),
 * written with a condition so that the first claim stands, then read back (consistently) to see who holds it.
 */
final class DynamoDbDigestDays implements DigestDays {
    private static final String CLAIMED_BY = "claimedBy";

    private final DynamoDbClient client;
    private final String table;

    DynamoDbDigestDays(DynamoDbClient client, String table) {
        this.client = client;
        this.table = table;
    }

    @Override
    public boolean claim(LocalDate day, String channel, String claimer, Instant at) {
        Map<String, AttributeValue> key = Map.of(PARTITION_KEY, AttributeValue.fromS(DIGEST_KEY_PREFIX + day),
                SORT_KEY, AttributeValue.fromS(channel));
        Map<String, AttributeValue> item = new HashMap<>(key);
        item.put(CLAIMED_BY, AttributeValue.fromS(claimer));
        item.put("claimedAt", AttributeValue.fromS(at.toString()));
        try {
            client.putItem(b -> b.tableName(table).item(item).conditionExpression("attribute_not_exists(" + PARTITION_KEY + ")"));
            return true;
        } catch (ConditionalCheckFailedException claimedBefore) {
            Map<String, AttributeValue> holder = client.getItem(b -> b.tableName(table).key(key).consistentRead(true)).item();
            return holder != null && holder.containsKey(CLAIMED_BY) && holder.get(CLAIMED_BY).s().equals(claimer);
        }
    }
}
