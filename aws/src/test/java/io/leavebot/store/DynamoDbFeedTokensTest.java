package io.leavebot.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.leavebot.LeaveBotNames;
import io.leavebot.exports.FeedTokens;
import io.leavebot.testing.Dynalite;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The {@link FeedTokens} contract on dynalite, one new table per test, plus what a rotation stopped halfway leaves. */
class DynamoDbFeedTokensTest extends FeedTokensContract {
    @RegisterExtension
    static final Dynalite DYNALITE = new Dynalite();

    private String table;

    @Override
    FeedTokens newTokens() {
        table = Dynalite.uniqueTableName(LeaveBotNames.LEAVES_TABLE);
        DynamoDbLeaveTable.create(DYNALITE.client(), table);
        return new DynamoDbLeaveStore(DYNALITE.dynamoDb(), table);
    }

    /** As a rotation that stopped after writing the feed, before deleting the old token's item. */
    @Test
    void anOldTokenItemLeftBehindOpensNothing() {
        tokens.replaceToken(OWN, "hash-1", T0);
        tokens.replaceToken(OWN, "hash-2", T0.plusSeconds(60));
        DYNALITE.dynamoDb().putItem(b -> b.tableName(table).item(Map.of(
                LeaveBotNames.PARTITION_KEY, DynamoDbValue.fromS("FEEDTOKEN#hash-1"),
                LeaveBotNames.SORT_KEY, DynamoDbValue.fromS("FEEDTOKEN"),
                "feed", DynamoDbValue.fromS(OWN))));

        assertEquals(Optional.empty(), tokens.feedWithToken("hash-1"));
        assertEquals(Optional.of(OWN), tokens.feedWithToken("hash-2"));
    }
}
