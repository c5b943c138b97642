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
    void frontEndsOnlyReadTheTableTeamsAlsoSavesAddressesAndTheWorkflowAlsoRecords() {
        for (String frontEnd : List.of(API_HANDLER, SLACK_HANDLER)) {
            assertEquals(Map.of("dynamodb:GetItem", tableAndIndexes, "dynamodb:Query", tableAndIndexes),
                    json.grantsOf(frontEnd, "dynamodb:"), frontEnd);
        }
        assertEquals(Map.of("dynamodb:GetItem", tableAndIndexes, "dynamodb:Query", tableAndIndexes,
                "dynamodb:PutItem", Set.of(tableArn)), json.grantsOf(TEAMS_HANDLER, "dynamodb:"),
                "Teams conversations are saved with an unconditional PutItem (DynamoDbLeaveStore.saveAddress)");
        Statement put = json.statementsOf(TEAMS_HANDLER).stream().filter(s -> s.grants("dynamodb:PutItem")).findFirst().orElseThrow();
        assertEquals(Map.of("ForAllValues:StringLike", Map.of("dynamodb:LeadingKeys", List.of("ADDRESS#teams#*"))), put.condition(),
                "Teams may write its saved conversations only, never a leave request");
        assertEquals(Map.of("dynamodb:GetItem", tableAndIndexes, "dynamodb:Query", tableAndIndexes,
                "dynamodb:PutItem", tableAndIndexes, "dynamodb:UpdateItem", tableAndIndexes),
                json.grantsOf(WORKFLOW_HANDLER, "dynamodb:"));
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
