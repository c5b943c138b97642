package io.leavebot.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.leavebot.logging.LogLines;
import io.leavebot.logging.LoggedSecrets;
import io.leavebot.testing.CapturedLogs;
import io.leavebot.testing.SampleLeaves;
import io.leavebot.testing.TeamsApi;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@link SecretsNeverLoggedOnAwsTest} for the Teams function: no token, a token not Bot Framework's, a card's bad click. */
class SecretsNeverLoggedInTeamsOnAwsTest {
    private static final String MARKER = LoggedSecrets.BODY_MARKER;

    @RegisterExtension
    static final AwsFunctions aws = AwsFunctions.inTeams();
    @RegisterExtension
    final CapturedLogs ownRecords = new CapturedLogs();

    @Test
    void withDebugOnAFailureInTheTeamsFunctionLogsNoSecretAndNoBody() {
        List<String> written = new ArrayList<>();
        try (var logs = LogLines.json(Map.of("LEAVEBOT_LOG_LEVEL", "DEBUG"))) {
            var message = aws.teamsRequests().message(SampleLeaves.ADA, "leave " + MARKER);
            assertEquals(401, aws.teams(message.withHeader("Authorization", null), false).status());
            assertEquals(401, aws.teams(message.withHeader("Authorization", "Bearer " + TeamsApi.ACCESS_TOKEN), false).status());
            aws.teams(aws.teamsRequests().message(SampleLeaves.ADA, "leave " + MARKER + " to " + MARKER), true);
            LoggedSecrets.logCanary(AwsFunctions.SECRET_VALUES);
            written.addAll(logs.lines());
        }
        LoggedSecrets.assertDebugAndCanary(written);
        LoggedSecrets.assertNone("the JSON lines", written, AwsFunctions.SECRET_VALUES);
        LoggedSecrets.assertNone("LeaveBot's own records", ownRecords.lines(), AwsFunctions.SECRET_VALUES);
    }
}
