package io.leavebot.store;

import io.leavebot.LeaveBotNames;
import io.leavebot.notify.UserTokens;
import io.leavebot.testing.Dynalite;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The {@link UserTokens} contract on dynalite, one new table per test ({@code USERTOKEN#<person>} items). */
class DynamoDbUserTokensTest extends UserTokensContract {
    @RegisterExtension
    static final Dynalite DYNALITE = new Dynalite();

    @Override
    UserTokens tokens() {
        String table = Dynalite.uniqueTableName(LeaveBotNames.LEAVES_TABLE);
        DynamoDbLeaveTable.create(DYNALITE.client(), table);
        return new DynamoDbLeaveStore(DYNALITE.dynamoDb(), table);
    }
}
