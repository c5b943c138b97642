package io.leavebot.infra;

import static io.leavebot.LeaveBotNames.ADDRESS_KEY_PREFIX;
import static io.leavebot.LeaveBotNames.USER_TOKEN_KEY_PREFIX;
import static io.leavebot.LeaveBotNames.APPROVER_INDEX;
import static io.leavebot.LeaveBotNames.APPROVER_INDEX_PARTITION_KEY;
import static io.leavebot.LeaveBotNames.APPROVER_INDEX_SORT_KEY;
import static io.leavebot.LeaveBotNames.AWAY_KEY_PREFIX;
import static io.leavebot.LeaveBotNames.DIGEST_KEY_PREFIX;
import static io.leavebot.LeaveBotNames.FEED_KEY_PREFIX;
import static io.leavebot.LeaveBotNames.FEED_TOKEN_KEY_PREFIX;
import static io.leavebot.LeaveBotNames.EMPLOYEE_INDEX;
import static io.leavebot.LeaveBotNames.EMPLOYEE_INDEX_PARTITION_KEY;
import static io.leavebot.LeaveBotNames.EMPLOYEE_INDEX_SORT_KEY;
import static io.leavebot.LeaveBotNames.LEDGER_KEY_PREFIX;
import static io.leavebot.LeaveBotNames.NOTIFICATION_KEY_PREFIX;
import static io.leavebot.LeaveBotNames.OPEN_INDEX;
import static io.leavebot.LeaveBotNames.OPEN_INDEX_PARTITION_KEY;
import static io.leavebot.LeaveBotNames.OPEN_INDEX_SORT_KEY;
import static io.leavebot.LeaveBotNames.PARTITION_KEY;
import static io.leavebot.LeaveBotNames.SORT_KEY;
import static io.leavebot.LeaveBotNames.TEAM_INDEX;
import static io.leavebot.LeaveBotNames.TEAM_INDEX_PARTITION_KEY;
import static io.leavebot.LeaveBotNames.TEAM_INDEX_SORT_KEY;
import static io.leavebot.LeaveBotNames.WAITING_KEY_PREFIX;

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
                        index(TEAM_INDEX, TEAM_INDEX_PARTITION_KEY, TEAM_INDEX_SORT_KEY),
                        index(OPEN_INDEX, OPEN_INDEX_PARTITION_KEY, OPEN_INDEX_SORT_KEY)))
                .billing(Billing.onDemand())
                .pointInTimeRecoverySpecification(PointInTimeRecoverySpecification.builder()
                        .pointInTimeRecoveryEnabled(true).build())
                .removalPolicy(RemovalPolicy.RETAIN)
                .build();
    }

    String tableName() {
        return table.getTableName();
    }

    /**
     * What every function does: read one item ({@code GetItem}) and list items of one partition key of the table
     * (who a request waits on, an approver's away periods, a request's audit) or of an index ({@code Query}).
     */
    void grantReads(IGrantable grantee) {
        table.grant(grantee, "dynamodb:GetItem", "dynamodb:Query");
    }

    /**
     * What only the workflow writes: a request, a callback pointer, a decision, an audit entry, a sent notification,
     * a Teams conversation or Slack id it found, the lists of who a request waits on, and the leave ledger's
     * entries and sums for leave taken and refunded ({@code PutItem} and {@code UpdateItem}); and deletions
     * ({@code DeleteItem}) of two kinds only: a request leaves the lists of who it no longer waits on
     * ({@code WAITING#…}), an approval another decision beat takes back the ledger entries it wrote
     * ({@code LEDGER#…}), and a Slack user token Slack refused is forgotten ({@code USERTOKEN#…}). Nothing else of the table is ever deleted by it.
     */
    void grantWrites(IGrantable grantee) {
        table.grant(grantee, "dynamodb:PutItem", "dynamodb:UpdateItem");
        grantOnKeys(grantee, List.of("dynamodb:DeleteItem"), List.of(WAITING_KEY_PREFIX + "*", LEDGER_KEY_PREFIX + "*",
                USER_TOKEN_KEY_PREFIX + "*"));
    }

    /**
     * What a front end does with people's sealed Slack user tokens ({@code DynamoDbUserTokens}): the API function
     * saves one where Slack redirects back from {@code /leave connect} ({@code PutItem}), the Slack function deletes
     * one on {@code /leave disconnect} ({@code DeleteItem}); read with {@code GetItem}, which {@link #grantReads}
     * covers. Only items whose partition key is a person's token ({@code USERTOKEN#…}).
     */
    void grantUserTokens(IGrantable grantee, String action) {
        grantOnKeys(grantee, List.of(action), List.of(USER_TOKEN_KEY_PREFIX + "*"));
    }

    /**
     * What the API function writes where an admin adjusts a balance ({@code DynamoDbLeaveStore.adjust}: a
     * conditional {@code PutItem} of the entry, an {@code UpdateItem} of its year's sum; read back with
     * {@code GetItem}, which {@link #grantReads} covers). Only items of people's ledgers ({@code LEDGER#…}).
     */
    void grantLedgerAdjustments(IGrantable grantee) {
        grantOnKeys(grantee, List.of("dynamodb:PutItem", "dynamodb:UpdateItem"), List.of(LEDGER_KEY_PREFIX + "*"));
    }

    /**
     * What only the workflow function does once per table when it starts: one {@code Scan} for the open requests
     * written before the open-leave index existed, which it then gives the index keys ({@code UpdateItem}, granted
     * by {@link #grantWrites}); {@code DynamoDbLeaveStore.indexOpenLeave}. Nobody else scans.
     */
    void grantOpenLeaveBackfill(IGrantable grantee) {
        table.grant(grantee, "dynamodb:Scan");
    }

    /**
     * What a front end writes of the chat address book besides reading it: the addresses it saves on
     * {@code channels} ({@code DynamoDbLeaveStore.saveAddress}, an unconditional {@code PutItem}; read back with
     * {@code GetItem}, which {@link #grantReads} covers). Every front end saves the routing's Slack ids when it
     * starts, the Slack one the Slack ids of the people it looks up, the Teams one the conversation it has with a
     * person, so that the workflow can message them there later. No {@code UpdateItem}: the address book never calls
     * it. Only items whose partition key is such an address ({@code ADDRESS#<channel>#…}): a front end that can be
     * reached from the internet cannot overwrite a request.
     */
    void grantAddressWrites(IGrantable grantee, List<String> channels) {
        grantOnKeys(grantee, List.of("dynamodb:PutItem"),
                channels.stream().map(channel -> ADDRESS_KEY_PREFIX + channel + "#*").toList());
    }

    /**
     * What a front end writes where approvers declare their away periods and stand-ins
     * ({@code DynamoDbAwayCalendar}: {@code PutItem} of a period or stand-in, {@code DeleteItem} of a period replaced,
     * cancelled or a stand-in removed, some conditional; read with {@code Query} and {@code GetItem}, which
     * {@link #grantReads} covers). Only items whose partition key is an approver's calendar ({@code AWAY#…}).
     */
    void grantAwayWrites(IGrantable grantee) {
        grantOnKeys(grantee, List.of("dynamodb:PutItem", "dynamodb:DeleteItem"), List.of(AWAY_KEY_PREFIX + "*"));
    }

    /**
     * What the digest function writes: the day's claims ({@code DIGEST#…}) and the record of its posts in the
     * notification log ({@code NOTIFY#digest-…}), each a conditional {@code PutItem}; nothing else.
     */
    void grantDigestWrites(IGrantable grantee) {
        grantOnKeys(grantee, List.of("dynamodb:PutItem"), List.of(DIGEST_KEY_PREFIX + "*", NOTIFICATION_KEY_PREFIX + "digest-*"));
    }

    /**
     * Calendar feeds' tokens, which people make and rotate in chat: the feed items and token items are put, an old
     * token item deleted.
     */
    void grantFeedWrites(IGrantable grantee) {
        grantOnKeys(grantee, List.of("dynamodb:PutItem"), List.of(FEED_KEY_PREFIX + "*", FEED_TOKEN_KEY_PREFIX + "*"));
        grantOnKeys(grantee, List.of("dynamodb:DeleteItem"), List.of(FEED_TOKEN_KEY_PREFIX + "*"));
    }

    /** {@code actions} on the table's items whose partition key is like one of {@code partitionKeys}. */
    private void grantOnKeys(IGrantable grantee, List<String> actions, List<String> partitionKeys) {
        grantee.getGrantPrincipal().addToPrincipalPolicy(PolicyStatement.Builder.create()
                .actions(actions)
                .resources(List.of(table.getTableArn()))
                .conditions(Map.of("ForAllValues:StringLike", Map.of("dynamodb:LeadingKeys", partitionKeys)))
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
