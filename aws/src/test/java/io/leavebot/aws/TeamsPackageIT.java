package io.leavebot.aws;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The Teams function on the lean jar alone, as {@link LambdaPackageIT} runs the others (the secret has the Teams keys). */
class TeamsPackageIT {
    private static final LeanJar LEAN = new LeanJar();

    @RegisterExtension
    static final AwsFunctions aws = AwsFunctions.inTeams();

    @AfterAll
    static void recordColdStarts() {
        ColdStarts.record(LEAN.runs());
    }

    @Test
    void theTeamsFunctionAnswersALeaveMessageAndStartsTheWorkflow() {
        FirstAnswers.teamsLeaveMessage(aws, LEAN);
    }
}
