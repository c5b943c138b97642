package io.leavebot.infra;

import static io.leavebot.LeaveBotNames.ADDRESS_KEY_PREFIX;
import static io.leavebot.LeaveBotNames.APPROVER_INDEX;
import static io.leavebot.LeaveBotNames.APPROVER_INDEX_PARTITION_KEY;
import static io.leavebot.LeaveBotNames.APPROVER_INDEX_SORT_KEY;
import static io.leavebot.LeaveBotNames.EMPLOYEE_INDEX;
import static io.leavebot.LeaveBotNames.EMPLOYEE_INDEX_PARTITION_KEY;
import static io.leavebot.LeaveBotNames.EMPLOYEE_INDEX_SORT_KEY;
import static io.leavebot.LeaveBotNames.PARTITION_KEY;
import static io.leavebot.LeaveBotNames.SORT_KEY;
import static io.leavebot.LeaveBotNames.TEAM_INDEX;
import static io.leavebot.LeaveBotNames.TEAM_INDEX_PARTITION_KEY;
import static io.leavebot.LeaveBotNames.TEAM_INDEX_SORT_KEY;

import java.util.List;
import java.util.Map;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.services.dynamodb.Attribute;
import software.amazon.awscdk.services.dynamodb.AttributeType;
import software.amazon.awscdk.services.dynamodb.Billing;
import software.amazon.awscdk.services.dynamodb.GlobalSecondaryIndexPropsV2;
import software.amazon.awscdk.services.dynamodb.PointInTimeRecoverySpecification;
import software.amazon.awscdk.services.dynamodb.ProjectionType;
import software.amazon.awscdk.services.dynamodb.TableV2;
import software.amazon.awscdk.services.iam.IGrantable;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.constructs.Construct;

/**
 * The leave records: the table the bot's {@code DynamoDbLeaveStore} reads and writes, with the keys and indexes of
 * {@code DynamoDbLeaveTable} (which creates it for tests) from the same {@link io.leavebot.LeaveBotNames}. On
 * demand, with point-in-time recovery, and kept when the stack is deleted: it holds every decision ever made.
 */
final class LeaveTable extends Construct {
    private final TableV2 table;

    LeaveTable(Construct scope, String id) {
        super(scope, id);
        this.table = TableV2.Builder.create(this, "Table")
                .partitionKey(text(PARTITION_KEY))
                .sortKey(text(SORT_KEY))
                .globalSecondaryIndexes(List.of(
                        index(EMPLOYEE_INDEX, EMPLOYEE_INDEX_PARTITION_KEY, EMPLOYEE_INDEX_SORT_KEY),
                        index(APPROVER_INDEX, APPROVER_INDEX_PARTITION_KEY, APPROVER_INDEX_SORT_KEY),
                        index(TEAM_INDEX, TEAM_INDEX_PARTITION_KEY, TEAM_INDEX_SORT_KEY)))
                .billing(Billing.onDemand())
                .pointInTimeRecoverySpecification(PointInTimeRecoverySpecification.builder()
                        .pointInTimeRecoveryEnabled(true).build())
                .removalPolicy(RemovalPolicy.RETAIN)
                .build();
    }

    String tableName() {
        return table.getTableName();
    }

    /** What every function does: read one request ({@code GetItem}) and list them by an index ({@code Query}). */
    void grantReads(IGrantable grantee) {
        table.grant(grantee, "dynamodb:GetItem", "dynamodb:Query");
    }

    /**
     * What only the workflow does to leave requests: record a request, a callback id, a decision or a sent notification
     * ({@code PutItem} and {@code UpdateItem}, conditional; the store deletes nothing).
     */
    void grantWrites(IGrantable grantee) {
        table.grant(grantee, "dynamodb:PutItem", "dynamodb:UpdateItem");
    }

    /**
     * What the Teams front end writes besides reading: the conversation it has with a person, so that the workflow
     * can message them there later ({@code DynamoDbLeaveStore.saveAddress}, an unconditional {@code PutItem}; the
     * address is read back with {@code GetItem}, which {@link #grantReads} covers). No {@code UpdateItem}: the
     * address book never calls it. Only items whose partition key is that channel's addresses
     * ({@code ADDRESS#<channel>#…}): a front end that can be reached from the internet cannot overwrite a request.
     */
    void grantAddressWrites(IGrantable grantee, String channel) {
        grantee.getGrantPrincipal().addToPrincipalPolicy(PolicyStatement.Builder.create()
                .actions(List.of("dynamodb:PutItem"))
                .resources(List.of(table.getTableArn()))
                .conditions(Map.of("ForAllValues:StringLike",
                        Map.of("dynamodb:LeadingKeys", List.of(ADDRESS_KEY_PREFIX + channel + "#*"))))
                .build());
    }

    private static Attribute text(String name) {
        return Attribute.builder().name(name).type(AttributeType.STRING).build();
    }

    private static GlobalSecondaryIndexPropsV2 index(String name, String partitionKey, String sortKey) {
        return GlobalSecondaryIndexPropsV2.builder().indexName(name)
                .partitionKey(text(partitionKey)).sortKey(text(sortKey))
                .projectionType(ProjectionType.ALL)
                .build();
    }
}
