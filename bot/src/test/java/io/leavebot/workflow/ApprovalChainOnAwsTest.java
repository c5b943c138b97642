package io.leavebot.workflow;

import io.leavebot.testing.Dynalite;
import io.leavebot.testing.SesLocal;
import io.leavebot.testing.StoreAndMail;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Approval chains with AWS's store and mail: DynamoDB (dynalite) and SES v2 (aws-ses-v2-local). */
class ApprovalChainOnAwsTest extends ApprovalChainTest {
    @RegisterExtension
    static final Dynalite DYNALITE = new Dynalite();
    @RegisterExtension
    static final SesLocal SES = new SesLocal();

    @Override
    StoreAndMail storeAndMail() {
        return StoreAndMail.dynamoDbAndSes(DYNALITE, SES);
    }

    /**
     * Not run here (no {@code @Test}): a hundred approvers' worth of chain updates once made dynalite, an in-memory
     * Node process, stop answering on a loaded CI machine. The same chain runs through the workflow on SQLite, and
     * through both stores in {@code LeaveStoreContract.fiveStagesOfTwentyApproversReadBack}.
     */
    @Override
    void fiveStagesOfTwentyApproversEach() {
    }
}
