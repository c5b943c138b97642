package io.leavebot.infra;

import static io.leavebot.infra.LeaveBotStack.API_HANDLER;
import static io.leavebot.infra.LeaveBotStack.SLACK_HANDLER;
import static io.leavebot.infra.LeaveBotStack.TEAMS_HANDLER;
import static io.leavebot.infra.LeaveBotStack.WORKFLOW_HANDLER;
import static io.leavebot.infra.LeaveBotStackTest.FRONT_ENDS;
import static io.leavebot.infra.LeaveBotStackTest.WORKFLOW_ALIAS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.leavebot.LeaveBotNames;
import io.leavebot.infra.testing.ExampleDeployment;
import io.leavebot.infra.testing.TemplateJson;
import io.leavebot.infra.testing.TemplateJson.Statement;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

/** What each function's role may do in the example deployment: exactly what its handler calls, on what it calls. */
class LeaveBotPermissionsTest {
    private static final String WORKFLOW = WORKFLOW_ALIAS.substring(0, WORKFLOW_ALIAS.lastIndexOf(':'));
    private static final String ANY_WORKFLOW_VERSION = WORKFLOW + ":*";
    private static final List<String> ALL = List.of(WORKFLOW_HANDLER, API_HANDLER, SLACK_HANDLER, TEAMS_HANDLER);
    private static final Set<String> READS = Set.of("dynamodb:GetItem", "dynamodb:Query");

    private final Template template = ExampleDeployment.get().template();
    private final TemplateJson json = ExampleDeployment.get().json();
    private final String tableArn = "${" + template.getResourceId("AWS::DynamoDB::GlobalTable") + ".Arn}";
    private final Set<String> tableAndIndexes = Set.of(tableArn, tableArn + "/index/*");

    @Test
    void noStatementHasAWildcardAction() {
        for (Statement statement : json.allStatements()) {
            assertFalse(statement.actions().stream().anyMatch(action -> action.contains("*")), statement.toString());
        }
    }

    @Test
    void noStatementIsOnEveryResource() {
        for (Statement statement : json.allStatements()) {
            assertFalse(statement.resources().contains("*"), statement.toString());
        }
    }

    @Test
    void rolesHaveNoManagedPolicies() {
        template.resourceCountIs("AWS::IAM::Role", 4);
        template.allResourcesProperties("AWS::IAM::Role", Map.of(
                "ManagedPolicyArns", Match.absent(),
                "AssumeRolePolicyDocument", Match.objectLike(Map.of("Statement", List.of(Map.of(
                        "Action", "sts:AssumeRole", "Effect", "Allow",
                        "Principal", Map.of("Service", "lambda.amazonaws.com")))))));
    }

    @Test
    void frontEndsInvokeOnlyTheWorkflowsAliasAndAnswerOnlyItsCallbacks() {
        Map<String, Set<String>> expected = Map.of(
                "lambda:InvokeFunction", Set.of(WORKFLOW_ALIAS),
                "lambda:ListDurableExecutionsByFunction", Set.of(WORKFLOW),
                "lambda:GetDurableExecution", Set.of(ANY_WORKFLOW_VERSION),
                "lambda:SendDurableExecutionCallbackSuccess", Set.of(ANY_WORKFLOW_VERSION),
                "lambda:SendDurableExecutionCallbackFailure", Set.of(ANY_WORKFLOW_VERSION));
        for (String frontEnd : FRONT_ENDS) {
            assertEquals(expected, json.grantsOf(frontEnd, "lambda:"), frontEnd);
        }
    }

    @Test
    void workflowOnlyCheckpointsAndReadsItsOwnExecutions() {
        assertEquals(Map.of(
                "lambda:CheckpointDurableExecution", Set.of(ANY_WORKFLOW_VERSION),
                "lambda:GetDurableExecutionState", Set.of(ANY_WORKFLOW_VERSION)),
                json.grantsOf(WORKFLOW_HANDLER, "lambda:"));
    }

    @Test
    void frontEndsReadTheTableAndWriteOnlyAwayPeriodsChatAddressesAndTheApiAdjustments() {
        for (String frontEnd : FRONT_ENDS) {
            Map<String, Set<String>> expected = new HashMap<>(Map.of("dynamodb:GetItem", tableAndIndexes,
                    "dynamodb:Query", tableAndIndexes, "dynamodb:PutItem", Set.of(tableArn), "dynamodb:DeleteItem", Set.of(tableArn)));
            if (frontEnd.equals(API_HANDLER)) {
                expected.put("dynamodb:UpdateItem", Set.of(tableArn));
            }
            assertEquals(expected, json.grantsOf(frontEnd, "dynamodb:"), frontEnd);
        }
    }

    /**
     * Away periods and stand-ins ({@code DynamoDbAwayCalendar}: put, conditional delete, delete) and chat addresses
     * (unconditional puts: the routing's Slack ids at start, Slack ids looked up, Teams conversations) are a front
     * end's only writes, each on its own partition keys, and for the API function an admin's balance adjustments
     * (a conditional put of the entry, an update of its sum) in people's ledgers: nothing reachable from the
     * internet can overwrite a request. The chat front ends also keep calendar feeds' tokens ({@code DynamoDbFeedTokens}).
     */
    @Test
    void eachFrontEndWritesOnlyItemsOfItsPartitionKeys() {
        Map<String, List<String>> addresses = Map.of(API_HANDLER, List.of("ADDRESS#slack#*"),
                SLACK_HANDLER, List.of("ADDRESS#slack#*"), TEAMS_HANDLER, List.of("ADDRESS#slack#*", "ADDRESS#teams#*"));
        for (String frontEnd : FRONT_ENDS) {
            Set<Statement> expected = new HashSet<>(Set.of(
                    new Statement(List.of("dynamodb:PutItem", "dynamodb:DeleteItem"), List.of(tableArn), leadingKeys(List.of("AWAY#*"))),
                    new Statement(List.of("dynamodb:PutItem"), List.of(tableArn), leadingKeys(addresses.get(frontEnd)))));
            if (frontEnd.equals(API_HANDLER)) {
                expected.add(new Statement(List.of("dynamodb:PutItem", "dynamodb:UpdateItem"), List.of(tableArn),
                        leadingKeys(List.of("LEDGER#*"))));
                // Slack's redirect back from /leave connect saves the sealed token
                expected.add(new Statement(List.of("dynamodb:PutItem"), List.of(tableArn), leadingKeys(List.of("USERTOKEN#*"))));
            } else {
                // calendar feed links are made and rotated in chat; the API function only reads them
                expected.add(new Statement(List.of("dynamodb:PutItem"), List.of(tableArn), leadingKeys(List.of("FEED#*", "FEEDTOKEN#*"))));
                expected.add(new Statement(List.of("dynamodb:DeleteItem"), List.of(tableArn), leadingKeys(List.of("FEEDTOKEN#*"))));
            }
            if (frontEnd.equals(SLACK_HANDLER)) { // /leave disconnect
                expected.add(new Statement(List.of("dynamodb:DeleteItem"), List.of(tableArn), leadingKeys(List.of("USERTOKEN#*"))));
            }
            assertEquals(expected, Set.copyOf(tableWrites(frontEnd)), frontEnd);
        }
    }

    @Test
    void workflowRecordsAnywhereAndDeletesOnlyWhoARequestWaitsOnAndLedgerEntriesOfALostApproval() {
        // Scan: once per table, the open-leave index's backfill (DynamoDbLeaveStore.indexOpenLeave); front ends never scan
        assertEquals(Map.of("dynamodb:GetItem", tableAndIndexes, "dynamodb:Query", tableAndIndexes,
                "dynamodb:PutItem", tableAndIndexes, "dynamodb:UpdateItem", tableAndIndexes,
                "dynamodb:DeleteItem", Set.of(tableArn), "dynamodb:Scan", tableAndIndexes), json.grantsOf(WORKFLOW_HANDLER, "dynamodb:"));
        assertEquals(List.of(new Statement(List.of("dynamodb:DeleteItem"), List.of(tableArn), leadingKeys(List.of("WAITING#*", "LEDGER#*",
                "USERTOKEN#*")))),
                tableWrites(WORKFLOW_HANDLER).stream().filter(s -> s.grants("dynamodb:DeleteItem")).toList(),
                "DynamoDbLeaveStore deletes WAITING# items (a request no longer waits on someone) and LEDGER# entries "
                        + "(an approval another decision beat) and USERTOKEN# items (a token Slack refused) only");
    }

    /** The role's statements that grant a DynamoDB action other than the reads every function has. */
    private List<Statement> tableWrites(String handler) {
        return json.statementsOf(handler).stream()
                .filter(s -> s.actions().stream().anyMatch(a -> a.startsWith("dynamodb:") && !READS.contains(a))).toList();
    }

    private static Map<String, Object> leadingKeys(List<String> partitionKeys) {
        return Map.of("ForAllValues:StringLike", Map.of("dynamodb:LeadingKeys", partitionKeys));
    }

    @Test
    void onlyTheWorkflowSendsEmailAndOnlyAsTheConfiguredSender() {
        for (String frontEnd : FRONT_ENDS) {
            assertEquals(Map.of(), json.grantsOf(frontEnd, "ses:"), frontEnd);
        }
        List<Statement> sending = json.statementsOf(WORKFLOW_HANDLER).stream()
                .filter(statement -> statement.actions().stream().anyMatch(action -> action.startsWith("ses:")))
                .toList();
        assertEquals(List.of(new Statement(List.of("ses:SendEmail"),
                List.of("arn:${AWS::Partition}:ses:${AWS::Region}:${AWS::AccountId}:identity/example.com"),
                Map.of("StringEquals", Map.of("ses:FromAddress", "leavebot@example.com")))), sending);
    }

    @Test
    void everyFunctionReadsTheOneSecretAndNothingElse() {
        for (String handler : ALL) {
            Set<String> secret = Set.of(ExampleDeployment.SECRET_ARN);
            assertEquals(Map.of("secretsmanager:GetSecretValue", secret, "secretsmanager:DescribeSecret", secret),
                    json.grantsOf(handler, "secretsmanager:"), handler);
        }
    }

    @Test
    void everyFunctionWritesOnlyToItsOwnLogGroup() {
        for (String handler : ALL) {
            Object logGroup = ((Map<?, ?>) json.function(handler).get("LoggingConfig")).get("LogGroup");
            String group = TemplateJson.render(logGroup).replace("}", ".Arn}");
            assertEquals(Map.of("logs:CreateLogStream", Set.of(group), "logs:PutLogEvents", Set.of(group)),
                    json.grantsOf(handler, "logs:"), handler);
        }
    }

    @Test
    void noSecretValueIsInTheTemplate() throws JsonProcessingException {
        template.resourceCountIs("AWS::SecretsManager::Secret", 0);
        String text = new ObjectMapper().writeValueAsString(template.toJSON());
        assertFalse(text.contains("{{resolve:"), "no dynamic reference puts a secret value into a property");
        for (String handler : ALL) {
            for (String name : json.environment(handler).keySet()) {
                assertTrue(name.equals(LeaveBotNames.SECRET_ARN_ENV) || !name.matches(".*(SECRET|TOKEN|KEY).*"), name);
            }
        }
    }
}
