package io.leavebot.aws;

import static io.leavebot.testing.SampleLeaves.ADA;
import static io.leavebot.testing.SampleLeaves.ALAN;
import static io.leavebot.testing.SampleLeaves.GRACE;
import static io.leavebot.testing.SampleLeaves.slackIdOf;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.leavebot.LeaveBotNames;
import io.leavebot.aws.FunctionUrlEvents.Answer;
import io.leavebot.leave.Person;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Every DynamoDB call the Slack function makes is one the stack grants it ({@link TableGrants}): Ada asks for leave,
 * Grace declares an away period, names a standing stand-in, clears it and cancels the period, all with
 * {@code /leave}; Ada asks for her balance, and Alan who is out (the open-leave index, month by month); the workflow
 * function's start scanned for requests written before that index. The test clock is on Mon 5 Jan 2026.
 */
class SlackTableGrantsTest {
    @RegisterExtension
    static final AwsFunctions aws = AwsFunctions.inSlack();

    @Test
    void theSlackFunctionCallsOnlyWhatTheStackGrantsIt() {
        command(ADA, "2026-01-12 2026-01-16 Family trip");
        String alan = "<@" + slackIdOf(ALAN) + "|alan>";
        command(GRACE, "away 2026-01-05 2026-01-09 " + alan);
        command(GRACE, "standin " + alan);
        command(GRACE, "standin none");
        command(GRACE, "away cancel 2026-01-05");
        command(ADA, "balance");
        command(ALAN, "whosout 2026-01-12");

        TableGrants.assertGranted(aws, AwsFunctions.SLACK);
        TableGrants.assertGranted(aws, AwsFunctions.WORKFLOW);
        TableGrants.assertMade(aws, AwsFunctions.SLACK, "dynamodb:PutItem", LeaveBotNames.AWAY_KEY_PREFIX);
        TableGrants.assertMade(aws, AwsFunctions.SLACK, "dynamodb:DeleteItem", LeaveBotNames.AWAY_KEY_PREFIX);
        TableGrants.assertMade(aws, AwsFunctions.SLACK, "dynamodb:PutItem", LeaveBotNames.ADDRESS_KEY_PREFIX + "slack#");
        TableGrants.assertMade(aws, AwsFunctions.SLACK, "dynamodb:Query", LeaveBotNames.LEDGER_KEY_PREFIX);
        TableGrants.assertMade(aws, AwsFunctions.SLACK, "dynamodb:Query", LeaveBotNames.OPEN_INDEX_KEY_PREFIX + "2026-01");
        TableGrants.assertScanned(aws, AwsFunctions.WORKFLOW);
    }

    /** {@code /leave text} from {@code person}, acknowledged; then the engine settles. */
    private static void command(Person person, String text) {
        Answer ack = aws.slack(aws.slackRequests().command(slackIdOf(person), text), false);
        assertEquals(200, ack.status(), ack::body);
        aws.settle();
    }
}
