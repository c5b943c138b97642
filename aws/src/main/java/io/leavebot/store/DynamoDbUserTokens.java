package io.leavebot.store;

import static io.leavebot.LeaveBotNames.PARTITION_KEY;
import static io.leavebot.LeaveBotNames.SORT_KEY;
import static io.leavebot.LeaveBotNames.USER_TOKEN_KEY_PREFIX;
import static io.leavebot.store.DynamoDbLeaveItems.s;

import io.leavebot.leave.Person;
import io.leavebot.notify.UserToken;
import io.leavebot.notify.UserTokens;
import io.leavebot.store.DynamoDbRequest.ReturnValue;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * {@link UserTokens} in the leave table: one item per person, {@code pk = USERTOKEN#<person key>, sk = SLACK}, no
 * index keys, with {@code schemaVersion} ({@value #SCHEMA_VERSION}). Reads are strongly consistent, so a token
 * forgotten is never used again.
 */
final class DynamoDbUserTokens implements UserTokens {
    static final int SCHEMA_VERSION = 1;
    private static final String SLACK = "SLACK";

    private final DynamoDb client;
    private final String table;

    DynamoDbUserTokens(DynamoDb client, String table) {
        this.client = client;
        this.table = table;
    }

    @Override
    public void saveUserToken(UserToken token) {
        Map<String, DynamoDbValue> item = new HashMap<>(key(token.personKey()));
        item.put("schemaVersion", DynamoDbValue.fromN(Integer.toString(SCHEMA_VERSION)));
        item.put("slackUserId", s(token.slackUserId()));
        item.put("sealedToken", s(token.sealedToken()));
        item.put("connectedAt", s(token.connectedAt().toString()));
        if (token.teamId() != null) {
            item.put("teamId", s(token.teamId()));
        }
        if (token.statusText() != null) {
            item.put("statusText", s(token.statusText()));
        }
        client.putItem(b -> b.tableName(table).item(item));
    }

    @Override
    public Optional<UserToken> userTokenOf(Person person) {
        Map<String, DynamoDbValue> item = client.getItem(b -> b.tableName(table).key(key(person.key())).consistentRead(true));
        if (item.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new UserToken(person.key(), item.get("slackUserId").s(), text(item, "teamId"), item.get("sealedToken").s(),
                text(item, "statusText"), Instant.parse(item.get("connectedAt").s())));
    }

    /** On condition that the token is there: a status never brings back a forgotten token's item. */
    @Override
    public void recordStatusText(Person person, String statusText) {
        try {
            client.updateItem(b -> {
                b.tableName(table).key(key(person.key())).conditionExpression("attribute_exists(" + PARTITION_KEY + ")");
                if (statusText == null) {
                    b.updateExpression("REMOVE statusText");
                } else {
                    b.updateExpression("SET statusText = :text").expressionAttributeValues(Map.of(":text", s(statusText)));
                }
            });
        } catch (ConditionalCheckFailedException noToken) {
            // disconnected meanwhile: nothing to record
        }
    }

    @Override
    public boolean forgetUserToken(Person person) {
        Map<String, DynamoDbValue> old = client.deleteItem(b -> b.tableName(table).key(key(person.key()))
                .returnValues(ReturnValue.ALL_OLD));
        return !old.isEmpty();
    }

    private static Map<String, DynamoDbValue> key(String personKey) {
        return Map.of(PARTITION_KEY, s(USER_TOKEN_KEY_PREFIX + personKey), SORT_KEY, s(SLACK));
    }

    private static String text(Map<String, DynamoDbValue> item, String name) {
        DynamoDbValue value = item.get(name);
        return value == null ? null : value.s();
    }
}
