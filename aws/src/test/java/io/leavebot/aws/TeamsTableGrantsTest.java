package io.leavebot.aws;

import static io.leavebot.testing.SampleLeaves.ADA;
import static io.leavebot.testing.SampleLeaves.GRACE;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.leavebot.LeaveBotNames;
import io.leavebot.aws.FunctionUrlEvents.Answer;
import io.leavebot.leave.Person;
import io.leavebot.testing.TeamsRequests;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Every DynamoDB call the Teams function makes is one the stack grants it ({@link TableGrants}): Ada and Grace
 * install the bot, Ada asks for leave, Grace declares an away period, names a standing stand-in and cancels the
 * period, all typed to the bot. The test clock is on Mon 5 Jan 2026.
 */
class TeamsTableGrantsTest {
    @RegisterExtension
    static final AwsFunctions aws = AwsFunctions.inTeams();

    @Test
    void theTeamsFunctionCallsOnlyWhatTheStackGrantsIt() {
        for (Person person : new Person[] {ADA, GRACE}) {
            aws.teamsApi().member(person);
            send(aws.teamsRequests().installed(person));
        }
        send(aws.teamsRequests().message(ADA, "leave 2026-01-12 2026-01-16 Family trip"));
        send(aws.teamsRequests().message(GRACE, "leave away 2026-01-05 to 2026-01-09 alan@example.org"));
        send(aws.teamsRequests().message(GRACE, "leave standin alan@example.org"));
        send(aws.teamsRequests().message(GRACE, "leave away cancel 2026-01-05"));
        send(aws.teamsRequests().message(ADA, "leave balance"));

        TableGrants.assertGranted(aws, AwsFunctions.TEAMS);
        TableGrants.assertGranted(aws, AwsFunctions.WORKFLOW);
        TableGrants.assertMade(aws, AwsFunctions.TEAMS, "dynamodb:PutItem", LeaveBotNames.AWAY_KEY_PREFIX);
        TableGrants.assertMade(aws, AwsFunctions.TEAMS, "dynamodb:DeleteItem", LeaveBotNames.AWAY_KEY_PREFIX);
        TableGrants.assertMade(aws, AwsFunctions.TEAMS, "dynamodb:PutItem", LeaveBotNames.ADDRESS_KEY_PREFIX + "teams#");
        TableGrants.assertMade(aws, AwsFunctions.TEAMS, "dynamodb:Query", LeaveBotNames.LEDGER_KEY_PREFIX);
    }

    /** An activity, answered 200; then the engine settles. */
    private static void send(TeamsRequests.Signed activity) {
        Answer answer = aws.teams(activity, false);
        assertEquals(200, answer.status(), answer::body);
        aws.settle();
    }
}
