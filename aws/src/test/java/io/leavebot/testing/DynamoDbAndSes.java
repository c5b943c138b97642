package io.leavebot.testing;

import io.leavebot.durable.lambda.AwsCredentials;
import io.leavebot.LeaveBotNames;
import io.leavebot.email.Mailer;
import io.leavebot.email.SesMailer;
import io.leavebot.store.DynamoDbLeaveStore;
import io.leavebot.store.DynamoDbLeaveTable;
import io.leavebot.store.Store;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** The AWS shape of {@link StoreAndMail}, on stand-ins the test class starts; a new table per test. */
public final class DynamoDbAndSes extends StoreAndMail {
    private final Dynalite dynalite;
    private final SesLocal ses;
    private String table;

    public DynamoDbAndSes(Dynalite dynalite, SesLocal ses) {
        this.dynalite = dynalite;
        this.ses = ses;
    }

    @Override
    void beforeEach() throws IOException, InterruptedException {
        ses.clear();
        table = Dynalite.uniqueTableName(LeaveBotNames.LEAVES_TABLE);
        DynamoDbLeaveTable.create(dynalite.client(), table);
    }

    @Override
    Store openStore(Path dir) {
        return new DynamoDbLeaveStore(dynalite.dynamoDb(), table);
    }

    @Override
    Mailer openMailer() {
        return new SesMailer("us-east-1", ses.endpoint(), AwsCredentials.of("dummy", "dummy"));
    }

    @Override
    List<ReceivedMail> mail() {
        try {
            return ses.emails().stream().map(e -> new ReceivedMail(e.to().get(0), e.subject(), e.text())).toList();
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException("cannot read what aws-ses-v2-local stored: " + e, e);
        }
    }

    @Override
    void afterEach() {
    }
}
