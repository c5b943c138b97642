package io.leavebot.store;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static io.leavebot.LeaveBotNames.PARTITION_KEY;
import static io.leavebot.LeaveBotNames.SORT_KEY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.leavebot.durable.lambda.AwsApiException;
import io.leavebot.notify.TransientFailures;
import io.leavebot.store.DynamoDbRequest.ReturnValue;
import io.leavebot.testing.Dynalite;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The stores' DynamoDB client on dynalite (each operation, pages, failed conditions, refusals), and on WireMock for
 * what dynalite never answers (throttling, 5xx). The requests go through a WireMock proxy, which counts them.
 */
class DynamoDbTest {
    @RegisterExtension
    static final Dynalite DYNALITE = new Dynalite();

    private final WireMockServer wire = new WireMockServer(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"));
    private String table;
    private DynamoDb db;

    @BeforeEach
    void startProxyAndTable() {
        wire.start();
        wire.stubFor(any(anyUrl()).atPriority(10).willReturn(aResponse().proxiedFrom(DYNALITE.endpoint().toString())));
        table = Dynalite.uniqueTableName("client");
        DynamoDbLeaveTable.create(DYNALITE.client(), table);
        db = Dynalite.dynamoDbAt(URI.create(wire.baseUrl()), 3);
    }

    @AfterEach
    void stopProxy() {
        wire.stop();
    }

    @Test
    void putGetUpdateAndDeleteAnswerWhatReturnValuesAskFor() {
        assertEquals(Map.of(), db.getItem(b -> b.tableName(table).key(key("a", "1")).consistentRead(true)), "none yet");
        assertEquals(Map.of(), db.putItem(b -> b.tableName(table).item(item("a", "1", "first"))));
        assertEquals(item("a", "1", "first"), db.putItem(b -> b.tableName(table).item(item("a", "1", "second"))
                .returnValues(ReturnValue.ALL_OLD)), "the item replaced");

        Map<String, DynamoDbValue> updated = db.updateItem(b -> b.tableName(table).key(key("a", "1"))
                .updateExpression("SET #note = :note ADD #count :one").expressionAttributeNames(Map.of("#note", "note", "#count", "count"))
                .expressionAttributeValues(Map.of(":note", DynamoDbValue.fromS("third"), ":one", DynamoDbValue.fromN("1")))
                .returnValues(ReturnValue.ALL_NEW));
        assertEquals("third", updated.get("note").s());
        assertEquals("1", updated.get("count").n());
        assertEquals(updated, db.getItem(b -> b.tableName(table).key(key("a", "1")).consistentRead(true)));

        assertEquals(updated, db.deleteItem(b -> b.tableName(table).key(key("a", "1")).returnValues(ReturnValue.ALL_OLD)));
        assertEquals(Map.of(), db.deleteItem(b -> b.tableName(table).key(key("a", "1")).returnValues(ReturnValue.ALL_OLD)),
                "nothing left to delete");
        wire.verify(1, postRequestedFor(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo("DynamoDB_20120810.UpdateItem"))
                .withHeader("Content-Type", equalTo("application/x-amz-json-1.0")));
    }

    @Test
    void aQueryReadsEveryPageInOrderAndEachOnlyWhenTheStreamGetsThere() {
        IntStream.rangeClosed(1, 5).forEach(i -> db.putItem(b -> b.tableName(table).item(item("p", "s" + i, "n" + i))));
        wire.resetRequests();

        List<String> all = db.query(b -> b.tableName(table).consistentRead(true).limit(2).keyConditionExpression("#pk = :pk")
                .expressionAttributeNames(Map.of("#pk", PARTITION_KEY))
                .expressionAttributeValues(Map.of(":pk", DynamoDbValue.fromS("p")))).map(i -> i.get(SORT_KEY).s()).toList();

        assertEquals(List.of("s1", "s2", "s3", "s4", "s5"), all);
        wire.verify(3, postRequestedFor(urlEqualTo("/")));
        wire.resetRequests();
        assertEquals("s5", db.query(b -> b.tableName(table).limit(2).scanIndexForward(false).keyConditionExpression("#pk = :pk")
                .expressionAttributeNames(Map.of("#pk", PARTITION_KEY))
                .expressionAttributeValues(Map.of(":pk", DynamoDbValue.fromS("p")))).findFirst().orElseThrow().get(SORT_KEY).s());
        wire.verify(1, postRequestedFor(urlEqualTo("/")));
    }

    @Test
    void aScanReadsEveryPageAndKeepsWhatTheFilterKeeps() {
        IntStream.rangeClosed(1, 7).forEach(i -> db.putItem(b -> b.tableName(table).item(item("q" + i, "s", i % 2 == 0 ? "even" : "odd"))));
        wire.resetRequests();

        List<String> odd = db.scan(b -> b.tableName(table).limit(3).filterExpression("note = :odd")
                .expressionAttributeValues(Map.of(":odd", DynamoDbValue.fromS("odd")))).map(i -> i.get(PARTITION_KEY).s()).sorted().toList();

        assertEquals(List.of("q1", "q3", "q5", "q7"), odd);
        assertTrue(wire.findAll(postRequestedFor(urlEqualTo("/"))).size() >= 3, "7 items in pages of 3");
    }

    @Test
    void aFailedConditionIsItsOwnExceptionThatChangesNothingAndIsNeverRetried() {
        db.putItem(b -> b.tableName(table).item(item("a", "1", "first")));
        wire.resetRequests();

        var failed = assertThrows(ConditionalCheckFailedException.class, () -> db.putItem(b -> b.tableName(table)
                .item(item("a", "1", "second")).conditionExpression("attribute_not_exists(" + PARTITION_KEY + ")")));

        AwsApiException refusal = assertInstanceOf(AwsApiException.class, failed.getCause());
        assertEquals(400, refusal.status());
        assertEquals("ConditionalCheckFailedException", refusal.errorCode());
        assertFalse(TransientFailures.mayPass(failed));
        assertTrue(failed.getMessage().contains("PutItem on table " + table), failed.getMessage());
        wire.verify(1, postRequestedFor(urlEqualTo("/")));
        assertEquals("first", db.getItem(b -> b.tableName(table).key(key("a", "1")).consistentRead(true)).get("note").s());
        assertThrows(ConditionalCheckFailedException.class, () -> db.deleteItem(b -> b.tableName(table).key(key("a", "1"))
                .conditionExpression("note = :other").expressionAttributeValues(Map.of(":other", DynamoDbValue.fromS("other")))));
    }

    @Test
    void aRefusalSaysWhichOperationOnWhichTableAndWhatDynamoDbSaid() {
        var missing = assertThrows(AwsApiException.class, () -> db.getItem(b -> b.tableName("no-such-table").key(key("a", "1"))));
        assertEquals("ResourceNotFoundException", missing.errorCode());
        assertEquals(400, missing.status());
        assertTrue(missing.getMessage().startsWith("DynamoDB refused GetItem on table no-such-table (ResourceNotFoundException): "),
                missing.getMessage());
        assertFalse(missing.isRetryable());

        var invalid = assertThrows(AwsApiException.class, () -> db.updateItem(b -> b.tableName(table).key(key("a", "1"))
                .updateExpression("SET note = :missing")));
        assertEquals("ValidationException", invalid.errorCode());
        assertTrue(invalid.getMessage().contains(":missing"), "DynamoDB's own words name the placeholder: " + invalid.getMessage());
        assertFalse(TransientFailures.mayPass(invalid));
    }

    @Test
    void throttlingAndServerFaultsAreRetriedUntilAnAnswerComes() {
        String retried = "throttled, then a fault, then the answer";
        wire.stubFor(post("/").inScenario(retried).whenScenarioStateIs(Scenario.STARTED).willSetStateTo("fault")
                .willReturn(refusal(400, "ProvisionedThroughputExceededException", "The level of configured provisioned throughput for the table was exceeded.")));
        wire.stubFor(post("/").inScenario(retried).whenScenarioStateIs("fault").willSetStateTo("answer")
                .willReturn(refusal(500, "InternalServerError", "Internal server error")));
        wire.stubFor(post("/").inScenario(retried).whenScenarioStateIs("answer")
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/x-amz-json-1.0")
                        .withBody("{\"Item\":{\"pk\":{\"S\":\"a\"},\"sk\":{\"S\":\"1\"},\"note\":{\"S\":\"there\"}}}")));

        assertEquals(item("a", "1", "there"), db.getItem(b -> b.tableName(table).key(key("a", "1"))));
        wire.verify(3, postRequestedFor(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo("DynamoDB_20120810.GetItem")));
    }

    /** What DynamoDB calls throttling: after the last attempt, a failure that may pass, so the step is retried later. */
    @Test
    void throttlingThatLastsIsThrownAsAFailureThatMayPass() {
        for (String code : List.of("ProvisionedThroughputExceededException", "ThrottlingException", "RequestLimitExceeded")) {
            wire.resetAll();
            wire.stubFor(post("/").willReturn(refusal(400, code, "Rate of requests exceeds the allowed throughput.")));

            var throttled = assertThrows(AwsApiException.class, () -> db.putItem(b -> b.tableName(table).item(item("a", "1", "x"))));

            assertEquals(code, throttled.errorCode());
            assertTrue(throttled.isRetryable(), code);
            assertTrue(TransientFailures.mayPass(new IllegalStateException("recording", throttled)), code);
            wire.verify(3, postRequestedFor(urlEqualTo("/")));
        }
    }

    @Test
    void anEndpointThatDoesNotAnswerSaysSoAndMayPass() throws Exception {
        int closed;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closed = socket.getLocalPort();
        }
        DynamoDb nowhere = Dynalite.dynamoDbAt(URI.create("http://127.0.0.1:" + closed), 2);

        var unreachable = assertThrows(UncheckedIOException.class, () -> nowhere.getItem(b -> b.tableName(table).key(key("a", "1"))));

        assertTrue(unreachable.getMessage().startsWith("DynamoDB GetItem on table " + table + ": "), unreachable.getMessage());
        assertTrue(TransientFailures.mayPass(unreachable));
    }

    private static ResponseDefinitionBuilder refusal(int status, String code, String message) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/x-amz-json-1.0")
                .withBody("{\"__type\":\"com.amazonaws.dynamodb.v20120810#" + code + "\",\"message\":\"" + message + "\"}");
    }

    private static Map<String, DynamoDbValue> key(String pk, String sk) {
        return Map.of(PARTITION_KEY, DynamoDbValue.fromS(pk), SORT_KEY, DynamoDbValue.fromS(sk));
    }

    private static Map<String, DynamoDbValue> item(String pk, String sk, String note) {
        Map<String, DynamoDbValue> item = new HashMap<>(key(pk, sk));
        item.put("note", DynamoDbValue.fromS(note));
        return item;
    }
}
