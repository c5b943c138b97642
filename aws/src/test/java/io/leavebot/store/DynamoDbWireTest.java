package io.leavebot.store;

import static io.leavebot.LeaveBotNames.PARTITION_KEY;
import static io.leavebot.LeaveBotNames.SORT_KEY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.leavebot.durable.lambda.AwsApiException;
import io.leavebot.leave.LeaveRequest;
import io.leavebot.leave.LeaveStatus;
import io.leavebot.testing.Dynalite;
import io.leavebot.testing.SampleLeaves;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;

/**
 * The lean client and the AWS SDK's on the same dynalite table: what one writes the other reads, value for value
 * and type for type, and a refusal carries the same status and error code from both. Items written before this
 * client (by the SDK's, in LeaveBot until now) so read as they did.
 */
class DynamoDbWireTest {
    @RegisterExtension
    static final Dynalite DYNALITE = new Dynalite();

    private final DynamoDbClient sdk = DYNALITE.client();
    private final DynamoDb lean = DYNALITE.dynamoDb();
    private String table;

    @BeforeEach
    void newTable() {
        table = Dynalite.uniqueTableName("wire");
        DynamoDbLeaveTable.create(sdk, table);
    }

    @Test
    void anItemOfEveryTypeWrittenByTheSdkReadsTheSameHere() {
        Map<String, AttributeValue> written = everyTypeBySdk("by-sdk");
        sdk.putItem(b -> b.tableName(table).item(written));

        Map<String, DynamoDbValue> read = lean.getItem(b -> b.tableName(table).key(key("by-sdk")).consistentRead(true));

        assertEquals(lean(written), read);
        assertEquals("12345678901234567890.125", read.get("number").n(), "a number stays text: no double loses digits");
        assertEquals(List.of("a", "b"), read.get("strings").ss().stream().sorted().toList());
    }

    @Test
    void anItemOfEveryTypeWrittenHereReadsTheSameByTheSdk() {
        Map<String, DynamoDbValue> written = lean(everyTypeBySdk("by-lean"));
        lean.putItem(b -> b.tableName(table).item(written));

        Map<String, AttributeValue> read = sdk.getItem(b -> b.tableName(table).key(sdk(key("by-lean"))).consistentRead(true)).item();

        assertEquals(written, lean(read));
    }

    @Test
    void aLeaveRequestItemMakesTheRoundTripBothWays() {
        LeaveRequest decided = SampleLeaves.decided(LeaveStatus.APPROVED, SampleLeaves.GRACE, "enjoy");
        sdk.putItem(b -> b.tableName(table).item(sdk(DynamoDbLeaveItems.toItem(decided))));

        Map<String, DynamoDbValue> read = lean.getItem(b -> b.tableName(table)
                .key(DynamoDbLeaveItems.requestKey(decided.id())).consistentRead(true));
        assertEquals(decided, DynamoDbLeaveItems.fromItem(read));
        lean.putItem(b -> b.tableName(table).item(read));
        assertEquals(read, lean(sdk.getItem(b -> b.tableName(table).key(sdk(DynamoDbLeaveItems.requestKey(decided.id())))
                .consistentRead(true)).item()));
    }

    @Test
    void aRefusalHasTheStatusAndErrorCodeTheSdkReports() {
        sdk.putItem(b -> b.tableName(table).item(sdk(key("taken"))));
        String notThere = "attribute_not_exists(" + PARTITION_KEY + ")";
        assertSameRefusal(b -> b.tableName(table).item(key("taken")).conditionExpression(notThere),
                s -> sdk.putItem(b -> b.tableName(table).item(sdk(key("taken"))).conditionExpression(notThere)));
        assertSameRefusal(b -> b.tableName("no-such-table").item(key("x")),
                s -> sdk.putItem(b -> b.tableName("no-such-table").item(sdk(key("x")))));
        assertSameRefusal(b -> b.tableName(table).item(Map.of(PARTITION_KEY, DynamoDbValue.fromS("no sort key"))),
                s -> sdk.putItem(b -> b.tableName(table).item(Map.of(PARTITION_KEY, AttributeValue.fromS("no sort key")))));
    }

    private void assertSameRefusal(Consumer<DynamoDbRequest> put, Consumer<DynamoDbClient> sdkPut) {
        DynamoDbException bySdk = assertThrows(DynamoDbException.class, () -> sdkPut.accept(sdk));
        RuntimeException byLean = assertThrows(RuntimeException.class, () -> lean.putItem(put));
        AwsApiException refusal = byLean instanceof ConditionalCheckFailedException failed
                ? assertInstanceOf(AwsApiException.class, failed.getCause()) : assertInstanceOf(AwsApiException.class, byLean);
        assertEquals(bySdk.statusCode(), refusal.status(), bySdk.getMessage());
        assertEquals(bySdk.awsErrorDetails().errorCode(), refusal.errorCode());
        assertEquals(bySdk.isThrottlingException(), refusal.isRetryable());
        assertTrue(byLean.getMessage().contains(bySdk.awsErrorDetails().errorMessage()), byLean.getMessage());
        assertEquals(bySdk.awsErrorDetails().errorCode().equals("ConditionalCheckFailedException"),
                byLean instanceof ConditionalCheckFailedException);
    }

    private static Map<String, AttributeValue> everyTypeBySdk(String pk) {
        Map<String, AttributeValue> item = new HashMap<>(sdk(key(pk)));
        item.put("text", AttributeValue.fromS("Ada Lovelace — on leave ✈"));
        item.put("number", AttributeValue.fromN("12345678901234567890.125"));
        item.put("yes", AttributeValue.fromBool(true));
        item.put("nothing", AttributeValue.fromNul(true));
        item.put("map", AttributeValue.fromM(Map.of("email", AttributeValue.fromS("ada@example.com"),
                "inner", AttributeValue.fromM(Map.of("n", AttributeValue.fromN("-3"))))));
        item.put("list", AttributeValue.fromL(List.of(AttributeValue.fromS("x"), AttributeValue.fromN("1"),
                AttributeValue.fromL(List.of()))));
        item.put("strings", AttributeValue.fromSs(List.of("a", "b")));
        item.put("numbers", AttributeValue.fromNs(List.of("1", "2.5")));
        item.put("bytes", AttributeValue.fromB(SdkBytes.fromString("bytes\u0000", StandardCharsets.UTF_8)));
        item.put("byteSets", AttributeValue.fromBs(List.of(SdkBytes.fromByteArray(new byte[] {1, 2}))));
        return item;
    }

    private static Map<String, DynamoDbValue> key(String pk) {
        return Map.of(PARTITION_KEY, DynamoDbValue.fromS(pk), SORT_KEY, DynamoDbValue.fromS("WIRE"));
    }

    /** The SDK's value as this client's (sets sorted: DynamoDB keeps no order in them). */
    private static Map<String, DynamoDbValue> lean(Map<String, AttributeValue> item) {
        return item.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, e -> lean(e.getValue())));
    }

    private static DynamoDbValue lean(AttributeValue v) {
        return switch (v.type()) {
            case S -> DynamoDbValue.fromS(v.s());
            case N -> DynamoDbValue.fromN(v.n());
            case BOOL -> DynamoDbValue.fromBool(v.bool());
            case NUL -> DynamoDbValue.fromNul();
            case M -> DynamoDbValue.fromM(lean(v.m()));
            case L -> DynamoDbValue.fromL(v.l().stream().map(DynamoDbWireTest::lean).toList());
            case SS -> DynamoDbValue.fromSs(v.ss().stream().sorted().toList());
            case NS -> DynamoDbValue.fromNs(v.ns().stream().sorted().toList());
            case B -> DynamoDbValue.fromB(v.b().asByteArray());
            case BS -> DynamoDbValue.fromBs(v.bs().stream().map(SdkBytes::asByteArray).toList());
            default -> throw new IllegalArgumentException("no such DynamoDB type: " + v);
        };
    }

    private static Map<String, AttributeValue> sdk(Map<String, DynamoDbValue> item) {
        return item.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, e -> sdk(e.getValue())));
    }

    private static AttributeValue sdk(DynamoDbValue v) {
        return switch (v.type()) {
            case "S" -> AttributeValue.fromS(v.s());
            case "N" -> AttributeValue.fromN(v.n());
            case "BOOL" -> AttributeValue.fromBool(v.bool());
            case "NULL" -> AttributeValue.fromNul(true);
            case "M" -> AttributeValue.fromM(sdk(v.m()));
            case "L" -> AttributeValue.fromL(v.l().stream().map(DynamoDbWireTest::sdk).toList());
            case "SS" -> AttributeValue.fromSs(v.ss());
            case "NS" -> AttributeValue.fromNs(v.ns());
            case "B" -> AttributeValue.fromB(SdkBytes.fromByteArray(v.b()));
            case "BS" -> AttributeValue.fromBs(v.bs().stream().map(SdkBytes::fromByteArray).toList());
            default -> throw new IllegalArgumentException("no such DynamoDB type: " + v);
        };
    }
}
