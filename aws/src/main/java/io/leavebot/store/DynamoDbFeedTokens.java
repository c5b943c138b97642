package io.leavebot.store;

import static io.leavebot.LeaveBotNames.FEED_KEY_PREFIX;
import static io.leavebot.LeaveBotNames.FEED_TOKEN_KEY_PREFIX;
import static io.leavebot.LeaveBotNames.PARTITION_KEY;
import static io.leavebot.LeaveBotNames.SORT_KEY;

import io.leavebot.exports.FeedTokens;
import io.leavebot.store.DynamoDbRequest.ReturnValue;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * {@link FeedTokens} in the leave table: a feed is {@code pk = FEED#<feed>, sk = FEED} holding its token's hash,
 * and each token is {@code pk = FEEDTOKEN#<hash>, sk = FEEDTOKEN} naming its feed (for the lookup by token); no
 * index keys. Single-item writes, no transactions: a rotation puts the new token item, then the feed item, then
 * deletes the old token item. The feed item decides: a token item whose feed now holds another hash (left behind
 * if the process stopped before the delete) opens nothing.
 */
final class DynamoDbFeedTokens implements FeedTokens {
    static final int SCHEMA_VERSION = 1;
    private static final String TOKEN_HASH = "tokenHash";
    private static final String FEED = "feed";
    private static final String MADE_AT = "madeAt";

    private final DynamoDb client;
    private final String table;

    DynamoDbFeedTokens(DynamoDb client, String table) {
        this.client = client;
        this.table = table;
    }

    @Override
    public void replaceToken(String feed, String tokenHash, Instant at) {
        Map<String, DynamoDbValue> token = new HashMap<>(tokenKey(tokenHash));
        token.put(FEED, DynamoDbValue.fromS(feed));
        token.put("schemaVersion", DynamoDbValue.fromN(Integer.toString(SCHEMA_VERSION)));
        client.putItem(b -> b.tableName(table).item(token));
        Map<String, DynamoDbValue> feedItem = new HashMap<>(feedKey(feed));
        feedItem.put(TOKEN_HASH, DynamoDbValue.fromS(tokenHash));
        feedItem.put(MADE_AT, DynamoDbValue.fromN(Long.toString(at.toEpochMilli())));
        feedItem.put("schemaVersion", DynamoDbValue.fromN(Integer.toString(SCHEMA_VERSION)));
        Map<String, DynamoDbValue> old = client.putItem(b -> b.tableName(table).item(feedItem)
                .returnValues(ReturnValue.ALL_OLD));
        if (old.containsKey(TOKEN_HASH) && !old.get(TOKEN_HASH).s().equals(tokenHash)) {
            client.deleteItem(b -> b.tableName(table).key(tokenKey(old.get(TOKEN_HASH).s())));
        }
    }

    @Override
    public Optional<String> feedWithToken(String tokenHash) {
        Map<String, DynamoDbValue> token = get(tokenKey(tokenHash));
        if (token == null || !token.containsKey(FEED)) {
            return Optional.empty();
        }
        String feed = token.get(FEED).s();
        Map<String, DynamoDbValue> feedItem = get(feedKey(feed));
        boolean current = feedItem != null && feedItem.containsKey(TOKEN_HASH) && feedItem.get(TOKEN_HASH).s().equals(tokenHash);
        return current ? Optional.of(feed) : Optional.empty();
    }

    @Override
    public Optional<Instant> tokenMadeAt(String feed) {
        Map<String, DynamoDbValue> feedItem = get(feedKey(feed));
        return feedItem == null || !feedItem.containsKey(MADE_AT) ? Optional.empty()
                : Optional.of(Instant.ofEpochMilli(Long.parseLong(feedItem.get(MADE_AT).n())));
    }

    private Map<String, DynamoDbValue> get(Map<String, DynamoDbValue> key) {
        Map<String, DynamoDbValue> item = client.getItem(b -> b.tableName(table).key(key).consistentRead(true));
        return item.isEmpty() ? null : item;
    }

    private static Map<String, DynamoDbValue> feedKey(String feed) {
        return Map.of(PARTITION_KEY, DynamoDbValue.fromS(FEED_KEY_PREFIX + feed), SORT_KEY, DynamoDbValue.fromS("FEED"));
    }

    private static Map<String, DynamoDbValue> tokenKey(String tokenHash) {
        return Map.of(PARTITION_KEY, DynamoDbValue.fromS(FEED_TOKEN_KEY_PREFIX + tokenHash), SORT_KEY, DynamoDbValue.fromS("FEEDTOKEN"));
    }
}
