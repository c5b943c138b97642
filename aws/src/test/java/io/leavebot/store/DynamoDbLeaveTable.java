package io.leavebot.store;

import static io.leavebot.LeaveBotNames.APPROVER_INDEX;
import static io.leavebot.LeaveBotNames.APPROVER_INDEX_PARTITION_KEY;
import static io.leavebot.LeaveBotNames.APPROVER_INDEX_SORT_KEY;
import static io.leavebot.LeaveBotNames.EMPLOYEE_INDEX;
import static io.leavebot.LeaveBotNames.EMPLOYEE_INDEX_PARTITION_KEY;
import static io.leavebot.LeaveBotNames.EMPLOYEE_INDEX_SORT_KEY;
import static io.leavebot.LeaveBotNames.OPEN_INDEX;
import static io.leavebot.LeaveBotNames.OPEN_INDEX_PARTITION_KEY;
import static io.leavebot.LeaveBotNames.OPEN_INDEX_SORT_KEY;
import static io.leavebot.LeaveBotNames.PARTITION_KEY;
import static io.leavebot.LeaveBotNames.SORT_KEY;
import static io.leavebot.LeaveBotNames.TEAM_INDEX;
import static io.leavebot.LeaveBotNames.TEAM_INDEX_PARTITION_KEY;
import static io.leavebot.LeaveBotNames.TEAM_INDEX_SORT_KEY;

import java.time.Duration;
import java.util.stream.Stream;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.IndexStatus;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;

/**
 * Creates the leave table with its four indexes (on-demand billing) as the tests need it, with the AWS SDK's client
 * (the functions never create tables: on AWS the CDK stack creates the same table from
 * {@link io.leavebot.LeaveBotNames}); an existing table is left as it is. Waits by polling {@code DescribeTable} itself: the SDK waiter's first poll
 * comes only after 20 seconds.
 */
public final class DynamoDbLeaveTable {
    private static final Duration GIVE_UP_AFTER = Duration.ofMinutes(5);

    private DynamoDbLeaveTable() {
    }

    /** Creates the table unless it exists, and waits until it and its indexes are ACTIVE. */
    public static void create(DynamoDbClient client, String table) {
        try {
            client.createTable(b -> b.tableName(table)
                    .billingMode(BillingMode.PAY_PER_REQUEST)
                    .attributeDefinitions(Stream.of(PARTITION_KEY, SORT_KEY, EMPLOYEE_INDEX_PARTITION_KEY,
                            EMPLOYEE_INDEX_SORT_KEY, APPROVER_INDEX_PARTITION_KEY, APPROVER_INDEX_SORT_KEY,
                            TEAM_INDEX_PARTITION_KEY, TEAM_INDEX_SORT_KEY, OPEN_INDEX_PARTITION_KEY, OPEN_INDEX_SORT_KEY)
                            .map(DynamoDbLeaveTable::text).toList())
                    .keySchema(key(PARTITION_KEY, KeyType.HASH), key(SORT_KEY, KeyType.RANGE))
                    .globalSecondaryIndexes(
                            index(EMPLOYEE_INDEX, EMPLOYEE_INDEX_PARTITION_KEY, EMPLOYEE_INDEX_SORT_KEY),
                            index(APPROVER_INDEX, APPROVER_INDEX_PARTITION_KEY, APPROVER_INDEX_SORT_KEY),
                            index(TEAM_INDEX, TEAM_INDEX_PARTITION_KEY, TEAM_INDEX_SORT_KEY),
                            index(OPEN_INDEX, OPEN_INDEX_PARTITION_KEY, OPEN_INDEX_SORT_KEY)));
        } catch (ResourceInUseException alreadyThere) {
            // created before (or being created): waiting for it below is all that is left to do
        }
        awaitActive(client, table);
    }

    private static void awaitActive(DynamoDbClient client, String table) {
        long deadline = System.nanoTime() + GIVE_UP_AFTER.toNanos();
        long pauseMs = 20;
        while (!isActive(client.describeTable(b -> b.tableName(table)).table())) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the DynamoDB table " + table + " is not ACTIVE after " + GIVE_UP_AFTER);
            }
            try {
                Thread.sleep(pauseMs);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for the DynamoDB table " + table, e);
            }
            pauseMs = Math.min(pauseMs * 2, 1000);
        }
    }

    private static boolean isActive(TableDescription t) {
        return t.tableStatus() == TableStatus.ACTIVE
                && t.globalSecondaryIndexes().stream().allMatch(i -> i.indexStatus() == IndexStatus.ACTIVE);
    }

    private static AttributeDefinition text(String name) {
        return AttributeDefinition.builder().attributeName(name).attributeType(ScalarAttributeType.S).build();
    }

    private static KeySchemaElement key(String name, KeyType type) {
        return KeySchemaElement.builder().attributeName(name).keyType(type).build();
    }

    private static GlobalSecondaryIndex index(String name, String partitionKey, String sortKey) {
        return GlobalSecondaryIndex.builder().indexName(name)
                .keySchema(key(partitionKey, KeyType.HASH), key(sortKey, KeyType.RANGE))
                .projection(p -> p.projectionType(ProjectionType.ALL))
                .build();
    }
}
