package io.leavebot.aws;

import static io.leavebot.aws.AwsFunctionsTest.AUTHORIZED;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.leavebot.LeaveBotNames;
import io.leavebot.aws.FunctionUrlEvents.Answer;
import io.leavebot.leave.LeaveStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Every DynamoDB call the API and workflow functions make is one the stack grants them ({@link TableGrants}): a
 * request waits on Grace, who declares, replaces and cancels away periods and names a standing stand-in through the
 * API (each change asks the waiting request again), then approves; and the balance's calls: Ada's leave approved
 * (the days taken), her balance read, adjusted by an admin, and the leave cancelled (the days refunded). The test
 * clock is on Mon 5 Jan 2026.
 */
class TableGrantsTest {
    private static final String GRACE_S = "/api/people/grace@example.org/";
    private static final String ADA_S = "/api/people/ada@example.org/";

    @RegisterExtension
    static final AwsFunctions aws = new AwsFunctions();

    @Test
    void theApiAndTheWorkflowCallOnlyWhatTheStackGrantsThem() {
        assertEquals(202, aws.api("POST", "/api/leaves", AUTHORIZED, AwsFunctionsTest.ADA_S_LEAVE, false).status());
        aws.settle();
        api(201, "POST", GRACE_S + "away", "{\"from\": \"2026-01-05\", \"to\": \"2026-01-09\", \"stand_in_email\": \"alan@example.org\"}");
        api(201, "POST", GRACE_S + "away", "{\"from\": \"2026-01-06\", \"to\": \"2026-01-20\", \"stand_in_email\": \"alan@example.org\"}");
        api(200, "PUT", GRACE_S + "standin", "{\"stand_in_email\": \"alan@example.org\"}");
        api(200, "PUT", GRACE_S + "standin", "{\"stand_in_email\": null}");
        api(204, "DELETE", GRACE_S + "away/2026-01-06", null);
        api(202, "POST", "/api/leaves/api-hr-7/decision", "{\"decision\": \"approve\", \"decider_email\": \"grace@example.org\"}");
        assertEquals(LeaveStatus.APPROVED, aws.leave("api-hr-7").status());

        TableGrants.assertGranted(aws, AwsFunctions.API);
        TableGrants.assertGranted(aws, AwsFunctions.WORKFLOW);
        // the calls of issue 12 were made, so the check covers them
        TableGrants.assertMade(aws, AwsFunctions.API, "dynamodb:PutItem", LeaveBotNames.AWAY_KEY_PREFIX);
        TableGrants.assertMade(aws, AwsFunctions.API, "dynamodb:DeleteItem", LeaveBotNames.AWAY_KEY_PREFIX);
        TableGrants.assertMade(aws, AwsFunctions.API, "dynamodb:Query", LeaveBotNames.WAITING_KEY_PREFIX);
        TableGrants.assertMade(aws, AwsFunctions.WORKFLOW, "dynamodb:PutItem", LeaveBotNames.WAITING_KEY_PREFIX);
        TableGrants.assertMade(aws, AwsFunctions.WORKFLOW, "dynamodb:DeleteItem", LeaveBotNames.WAITING_KEY_PREFIX);
    }

    @Test
    void approvalsAdjustmentsAndCancellationsOfBalancesCallOnlyWhatTheStackGrants() {
        assertEquals(202, aws.api("POST", "/api/leaves", AUTHORIZED, AwsFunctionsTest.ADA_S_LEAVE, false).status());
        aws.settle();
        int beforeApproval = TableGrants.made(aws, AwsFunctions.WORKFLOW);
        api(202, "POST", "/api/leaves/api-hr-7/decision", "{\"decision\": \"approve\", \"decider_email\": \"grace@example.org\"}");
        TableGrants.assertMadeSince(aws, beforeApproval, AwsFunctions.WORKFLOW, "dynamodb:UpdateItem", LeaveBotNames.LEDGER_KEY_PREFIX);
        TableGrants.assertMadeSince(aws, beforeApproval, AwsFunctions.WORKFLOW, "dynamodb:PutItem", LeaveBotNames.LEDGER_KEY_PREFIX);
        api(200, "GET", ADA_S + "balances", null);
        api(201, "POST", ADA_S + "adjustments", "{\"type\": \"annual\", \"amount\": 2, \"reason\": \"Overtime in December\", "
                + "\"key\": \"overtime-2025-12\", \"by\": \"" + AwsFunctions.ADMIN + "\"}");
        int beforeCancellation = TableGrants.made(aws, AwsFunctions.WORKFLOW);
        api(202, "POST", "/api/leaves/api-hr-7/cancel", "{\"by\": \"ada@example.org\"}");
        assertEquals(LeaveStatus.CANCELLED, aws.leave("api-hr-7").status());
        TableGrants.assertMadeSince(aws, beforeCancellation, AwsFunctions.WORKFLOW, "dynamodb:PutItem", LeaveBotNames.LEDGER_KEY_PREFIX);
        TableGrants.assertMadeSince(aws, beforeCancellation, AwsFunctions.WORKFLOW, "dynamodb:UpdateItem", LeaveBotNames.LEDGER_KEY_PREFIX);

        TableGrants.assertGranted(aws, AwsFunctions.API);
        TableGrants.assertGranted(aws, AwsFunctions.WORKFLOW);
        TableGrants.assertMade(aws, AwsFunctions.API, "dynamodb:Query", LeaveBotNames.LEDGER_KEY_PREFIX);
        TableGrants.assertMade(aws, AwsFunctions.API, "dynamodb:PutItem", LeaveBotNames.LEDGER_KEY_PREFIX);
        TableGrants.assertMade(aws, AwsFunctions.API, "dynamodb:UpdateItem", LeaveBotNames.LEDGER_KEY_PREFIX);
    }

    /** An API call answered {@code status}; then the engine settles. */
    private static void api(int status, String method, String path, String body) {
        Answer answer = aws.api(method, path, AUTHORIZED, body, false);
        assertEquals(status, answer.status(), answer::body);
        aws.settle();
    }
}
