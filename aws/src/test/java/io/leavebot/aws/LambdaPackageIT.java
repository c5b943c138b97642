package io.leavebot.aws;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The lean Lambda jar is complete: each handler but Teams' ({@link TeamsPackageIT}) starts in a fresh JVM on
 * {@code target/leavebot-lambda.jar} alone ({@link LeanJar}) against the stand-ins of {@link AwsFunctions#inSlack()}
 * and gives a first real answer ({@link FirstAnswers}). The durable functions run as the engine's registered
 * functions, so an invocation is the engine calling a fresh JVM, which checkpoints back through the engine's Lambda
 * REST façade. Each handler's cold start goes to {@link ColdStarts}' file.
 */
class LambdaPackageIT {
    private static final LeanJar LEAN = new LeanJar();

    @RegisterExtension
    static final AwsFunctions aws = AwsFunctions.inSlack();

    @AfterAll
    static void recordColdStarts() {
        ColdStarts.record(LEAN.runs());
    }

    @Test
    void theSlackFunctionAcksARequestAndTheWorkflowFunctionRecordsItAndAsksTheApprover() {
        FirstAnswers.slackRequestRecordedByTheWorkflow(aws, LEAN);
    }

    @Test
    void theApproversClickInSlackIsAckedAndTheWorkflowTellsTheRequester() {
        FirstAnswers.approvalClickedInSlack(aws, LEAN);
    }

    @Test
    void theApiFunctionServesTheOrganisationsCalendarFeed() {
        FirstAnswers.apiCalendarFeed(aws, LEAN);
    }

    @Test
    void theDigestScheduleStartsTheDigestFunctionWhichPostsToSlack() {
        FirstAnswers.digestScheduleAndDigest(aws, LEAN);
    }
}
