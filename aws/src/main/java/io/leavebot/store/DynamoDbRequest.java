package io.leavebot.store;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.Objects;

/**
 * The parameters of one {@link DynamoDb} call, each named as in DynamoDB's API reference ({@code TableName},
 * {@code ConditionExpression}, …), so a store reads like the DynamoDB documentation; only those set are sent. Which
 * ones an operation takes is DynamoDB's to check: it refuses the others with a {@code ValidationException} naming
 * them.
 */
public final class DynamoDbRequest {
    /** What a write answers with ({@code ReturnValues}). */
    public enum ReturnValue { NONE, ALL_OLD, UPDATED_OLD, ALL_NEW, UPDATED_NEW }

    private final ObjectNode json = JsonNodeFactory.instance.objectNode();

    DynamoDbRequest() {
    }

    public DynamoDbRequest tableName(String tableName) {
        return with("TableName", Objects.requireNonNull(tableName, "tableName"));
    }

    public DynamoDbRequest item(Map<String, DynamoDbValue> item) {
        json.set("Item", DynamoDbValue.toJson(item));
        return this;
    }

    public DynamoDbRequest key(Map<String, DynamoDbValue> key) {
        json.set("Key", DynamoDbValue.toJson(key));
        return this;
    }

    public DynamoDbRequest consistentRead(boolean consistentRead) {
        return with("ConsistentRead", consistentRead);
    }

    public DynamoDbRequest updateExpression(String updateExpression) {
        return with("UpdateExpression", updateExpression);
    }

    public DynamoDbRequest conditionExpression(String conditionExpression) {
        return with("ConditionExpression", conditionExpression);
    }

    public DynamoDbRequest keyConditionExpression(String keyConditionExpression) {
        return with("KeyConditionExpression", keyConditionExpression);
    }

    public DynamoDbRequest filterExpression(String filterExpression) {
        return with("FilterExpression", filterExpression);
    }

    /** {@code #name} → attribute name, for names an expression cannot spell (reserved words such as {@code status}). */
    public DynamoDbRequest expressionAttributeNames(Map<String, String> names) {
        ObjectNode node = json.putObject("ExpressionAttributeNames");
        names.forEach(node::put);
        return this;
    }

    /** {@code :value} → value, for the expressions' placeholders. */
    public DynamoDbRequest expressionAttributeValues(Map<String, DynamoDbValue> values) {
        json.set("ExpressionAttributeValues", DynamoDbValue.toJson(values));
        return this;
    }

    public DynamoDbRequest returnValues(ReturnValue returnValues) {
        return with("ReturnValues", returnValues.name());
    }

    public DynamoDbRequest indexName(String indexName) {
        return with("IndexName", indexName);
    }

    /** Ascending sort key order (true, DynamoDB's default) or descending. */
    public DynamoDbRequest scanIndexForward(boolean scanIndexForward) {
        return with("ScanIndexForward", scanIndexForward);
    }

    /** At most this many items read per page (before the filter); {@link DynamoDb#query} still reads every page. */
    public DynamoDbRequest limit(int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("a DynamoDB page holds at least 1 item, not " + limit);
        }
        json.put("Limit", limit);
        return this;
    }

    private DynamoDbRequest with(String parameter, String value) {
        json.put(parameter, value);
        return this;
    }

    private DynamoDbRequest with(String parameter, boolean value) {
        json.put(parameter, value);
        return this;
    }

    String tableNameOrNull() {
        return json.path("TableName").asText(null);
    }

    /** The body of one call; a page after the first continues from {@code exclusiveStartKey}. */
    ObjectNode body(ObjectNode exclusiveStartKey) {
        if (exclusiveStartKey == null) {
            return json;
        }
        ObjectNode page = json.deepCopy();
        page.set("ExclusiveStartKey", exclusiveStartKey);
        return page;
    }
}
