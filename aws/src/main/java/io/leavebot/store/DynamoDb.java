package io.leavebot.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.leavebot.durable.lambda.AwsApiException;
import io.leavebot.durable.lambda.AwsHttpCaller;
import io.leavebot.durable.lambda.AwsRequest;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * The DynamoDB API as the stores call it: its JSON protocol ({@code POST /} with
 * {@code X-Amz-Target: DynamoDB_20120810.<operation>}) over {@link AwsHttpCaller}, which signs, retries throttling,
 * 5xx answers and network failures, and throws a refusal as an {@link AwsApiException}. Only the operations the
 * stores use; the tests create tables with the AWS SDK's client. It replaces that client on Lambda because building
 * it and its first call load some 1,600 SDK classes (its endpoint rules and every operation's model), a large part
 * of a cold start. Thread-safe.
 *
 * <p>A failed {@code ConditionExpression} is thrown as {@link ConditionalCheckFailedException}; any other refusal as
 * an {@link AwsApiException} (status, DynamoDB's error code, retryable or not) whose message names the operation and
 * the table; no answer at all, after the retries, as an {@link UncheckedIOException}.
 */
public final class DynamoDb {
    private static final String TARGET = "DynamoDB_20120810.";
    private static final String CONTENT_TYPE = "application/x-amz-json-1.0";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final AwsHttpCaller caller;

    public DynamoDb(AwsHttpCaller caller) {
        this.caller = caller;
    }

    /** {@code GetItem}: the item with the request's key, or an empty map if there is none. */
    public Map<String, DynamoDbValue> getItem(Consumer<DynamoDbRequest> request) {
        return DynamoDbValue.itemFrom(call("GetItem", built(request), null).get("Item"));
    }

    /** {@code PutItem}: what {@code ReturnValues} asked for ({@code ALL_OLD}: the item it replaced), else empty. */
    public Map<String, DynamoDbValue> putItem(Consumer<DynamoDbRequest> request) {
        return DynamoDbValue.itemFrom(call("PutItem", built(request), null).get("Attributes"));
    }

    /** {@code UpdateItem}: what {@code ReturnValues} asked for ({@code ALL_NEW}: the item as written), else empty. */
    public Map<String, DynamoDbValue> updateItem(Consumer<DynamoDbRequest> request) {
        return DynamoDbValue.itemFrom(call("UpdateItem", built(request), null).get("Attributes"));
    }

    /** {@code DeleteItem}: what {@code ReturnValues} asked for ({@code ALL_OLD}: the item deleted), else empty. */
    public Map<String, DynamoDbValue> deleteItem(Consumer<DynamoDbRequest> request) {
        return DynamoDbValue.itemFrom(call("DeleteItem", built(request), null).get("Attributes"));
    }

    /** {@code Query}: every matching item, page after page, each page read only when the stream reaches it. */
    public Stream<Map<String, DynamoDbValue>> query(Consumer<DynamoDbRequest> request) {
        return pages("Query", built(request));
    }

    /** {@code Scan}: every matching item of the table, page after page, each read only when the stream reaches it. */
    public Stream<Map<String, DynamoDbValue>> scan(Consumer<DynamoDbRequest> request) {
        return pages("Scan", built(request));
    }

    private static DynamoDbRequest built(Consumer<DynamoDbRequest> request) {
        DynamoDbRequest built = new DynamoDbRequest();
        request.accept(built);
        return built;
    }

    private Stream<Map<String, DynamoDbValue>> pages(String operation, DynamoDbRequest request) {
        Iterator<Map<String, DynamoDbValue>> items = new Iterator<>() {
            private Iterator<JsonNode> page = List.<JsonNode>of().iterator();
            private ObjectNode next;
            private boolean more = true;

            @Override
            public boolean hasNext() {
                while (!page.hasNext() && more) {
                    JsonNode answer = call(operation, request, next);
                    page = answer.path("Items").iterator();
                    JsonNode last = answer.get("LastEvaluatedKey");
                    more = last instanceof ObjectNode && last.size() > 0; // DynamoDB's sign that another page follows
                    next = more ? (ObjectNode) last : null;
                }
                return page.hasNext();
            }

            @Override
            public Map<String, DynamoDbValue> next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return DynamoDbValue.itemFrom(page.next());
            }
        };
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(items, Spliterator.ORDERED | Spliterator.NONNULL),
                false);
    }

    private JsonNode call(String operation, DynamoDbRequest request, ObjectNode exclusiveStartKey) {
        byte[] body;
        try {
            body = JSON.writeValueAsBytes(request.body(exclusiveStartKey));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the DynamoDB " + operation + " request: " + e.getMessage(), e);
        }
        AwsRequest post = AwsRequest.post("/", CONTENT_TYPE, body).withHeader("X-Amz-Target", TARGET + operation);
        try {
            JsonNode answer = caller.callJson(post, JSON, JsonNode.class);
            return answer == null ? JSON.createObjectNode() : answer;
        } catch (AwsApiException refusal) {
            throw refused(operation, request.tableNameOrNull(), refusal);
        } catch (UncheckedIOException unreachable) {
            throw new UncheckedIOException("DynamoDB " + operation + on(request.tableNameOrNull()) + ": "
                    + unreachable.getMessage(), unreachable.getCause());
        }
    }

    /** The refusal, with the operation and table in its message: DynamoDB's own often names neither. */
    private static RuntimeException refused(String operation, String table, AwsApiException refusal) {
        String message = "DynamoDB refused " + operation + on(table) + " (" + (refusal.errorCode() != null
                ? refusal.errorCode() : "HTTP " + refusal.status()) + "): " + refusal.getMessage();
        if (ConditionalCheckFailedException.ERROR_CODE.equals(refusal.errorCode())) {
            return new ConditionalCheckFailedException(message, refusal);
        }
        return new AwsApiException(refusal.status(), refusal.errorCode(), message, refusal.requestId());
    }

    private static String on(String table) {
        return table == null ? "" : " on table " + table;
    }

    /** For messages and logs: never the items, which hold people's names and tokens. */
    @Override
    public String toString() {
        return "DynamoDb[" + caller.endpoint() + ", " + caller.region() + "]";
    }

}
