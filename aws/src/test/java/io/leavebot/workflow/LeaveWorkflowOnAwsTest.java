package io.leavebot.workflow;

import io.leavebot.testing.Dynalite;
import io.leavebot.testing.SesLocal;
import io.leavebot.testing.DynamoDbAndSes;
import io.leavebot.testing.StoreAndMail;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The leave workflow with AWS's store and mail: DynamoDB (dynalite) and SES v2 (aws-ses-v2-local). */
class LeaveWorkflowOnAwsTest extends LeaveWorkflowContract {
    @RegisterExtension
    static final Dynalite DYNALITE = new Dynalite();
    @RegisterExtension
    static final SesLocal SES = new SesLocal();

    @Override
    StoreAndMail storeAndMail() {
        return new DynamoDbAndSes(DYNALITE, SES);
    }
}
