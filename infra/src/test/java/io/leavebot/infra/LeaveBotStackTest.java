package io.leavebot.infra;

import static io.leavebot.LeaveBotNames.ADMINS_ENV;
import static io.leavebot.LeaveBotNames.APPROVAL_TIMEOUT_ENV;
import static io.leavebot.LeaveBotNames.APPROVER_INDEX;
import static io.leavebot.LeaveBotNames.APPROVER_INDEX_PARTITION_KEY;
import static io.leavebot.LeaveBotNames.APPROVER_INDEX_SORT_KEY;
import static io.leavebot.LeaveBotNames.EMPLOYEE_INDEX;
import static io.leavebot.LeaveBotNames.EMPLOYEE_INDEX_PARTITION_KEY;
import static io.leavebot.LeaveBotNames.EMPLOYEE_INDEX_SORT_KEY;
import static io.leavebot.LeaveBotNames.LEAVES_TABLE_ENV;
import static io.leavebot.LeaveBotNames.MAIL_FROM_ENV;
import static io.leavebot.LeaveBotNames.OPEN_INDEX;
import static io.leavebot.LeaveBotNames.OPEN_INDEX_PARTITION_KEY;
import static io.leavebot.LeaveBotNames.OPEN_INDEX_SORT_KEY;
import static io.leavebot.LeaveBotNames.PARTITION_KEY;
import static io.leavebot.LeaveBotNames.PUBLIC_URL_ENV;
import static io.leavebot.LeaveBotNames.ROUTING_ENV;
import static io.leavebot.LeaveBotNames.SECRET_ARN_ENV;
import static io.leavebot.LeaveBotNames.SORT_KEY;
import static io.leavebot.LeaveBotNames.TEAM_INDEX;
import static io.leavebot.LeaveBotNames.TEAM_INDEX_PARTITION_KEY;
import static io.leavebot.LeaveBotNames.TEAM_INDEX_SORT_KEY;
import static io.leavebot.LeaveBotNames.TIME_ZONE_ENV;
import static io.leavebot.LeaveBotNames.WORKFLOW_FUNCTION_ENV;
import static io.leavebot.infra.LeaveBotStack.API_HANDLER;
import static io.leavebot.infra.LeaveBotStack.SLACK_HANDLER;
import static io.leavebot.infra.LeaveBotStack.TEAMS_HANDLER;
import static io.leavebot.infra.LeaveBotStack.WORKFLOW_HANDLER;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.leavebot.balance.PolicyFile;
import io.leavebot.infra.testing.ExampleDeployment;
import io.leavebot.infra.testing.TemplateJson;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.zip.ZipFile;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

/**
 * The example deployment's resources, one synth for the class (see {@link ExampleDeployment}), and one more for
 * each chat front end's switch, for what it leaves out.
 */
class LeaveBotStackTest {
    static final String WORKFLOW_ALIAS =
            "arn:${AWS::Partition}:lambda:${AWS::Region}:${AWS::AccountId}:function:LeaveBot-workflow:live";
    static final List<String> FRONT_ENDS = List.of(API_HANDLER, SLACK_HANDLER, TEAMS_HANDLER);

    private final ExampleDeployment example = ExampleDeployment.get();
    private final Template template = example.template();
    private final TemplateJson json = example.json();

    @Test
    void synthesizesIntoCdkOutWithTheJarAsAsset() throws IOException {
        Path outdir = example.outdir();
        assertEquals("cdk.out", outdir.getFileName().toString());
        assertTrue(Files.isRegularFile(outdir.resolve("LeaveBot.template.json")));
        assertTrue(Files.isRegularFile(outdir.resolve("manifest.json")));
        try (var files = Files.list(outdir)) {
            assertEquals(1, files.filter(f -> f.getFileName().toString().matches("asset\\.\\w+\\.jar")).count(),
                    "the functions share one asset, the bot jar");
        }
    }

    @Test
    void synthesizesWithoutErrorsWarningsOrInfos() {
        assertEquals(List.of(), example.messages());
    }

    @Test
    void leaveTableHasTheStoresKeysAndIndexes() {
        template.resourceCountIs("AWS::DynamoDB::GlobalTable", 1);
        template.hasResourceProperties("AWS::DynamoDB::GlobalTable", Map.of(
                "KeySchema", List.of(key(PARTITION_KEY, "HASH"), key(SORT_KEY, "RANGE")),
                "GlobalSecondaryIndexes", List.of(
                        index(EMPLOYEE_INDEX, EMPLOYEE_INDEX_PARTITION_KEY, EMPLOYEE_INDEX_SORT_KEY),
                        index(APPROVER_INDEX, APPROVER_INDEX_PARTITION_KEY, APPROVER_INDEX_SORT_KEY),
                        index(TEAM_INDEX, TEAM_INDEX_PARTITION_KEY, TEAM_INDEX_SORT_KEY),
                        index(OPEN_INDEX, OPEN_INDEX_PARTITION_KEY, OPEN_INDEX_SORT_KEY)),
                "AttributeDefinitions", List.of(text(PARTITION_KEY), text(SORT_KEY),
                        text(EMPLOYEE_INDEX_PARTITION_KEY), text(EMPLOYEE_INDEX_SORT_KEY),
                        text(APPROVER_INDEX_PARTITION_KEY), text(APPROVER_INDEX_SORT_KEY),
                        text(TEAM_INDEX_PARTITION_KEY), text(TEAM_INDEX_SORT_KEY),
                        text(OPEN_INDEX_PARTITION_KEY), text(OPEN_INDEX_SORT_KEY)),
                "BillingMode", "PAY_PER_REQUEST"));
    }

    @Test
    void leaveTableHasPointInTimeRecoveryAndOutlivesTheStack() {
        template.hasResource("AWS::DynamoDB::GlobalTable", Map.of(
                "Properties", Match.objectLike(Map.of("Replicas", List.of(Match.objectLike(Map.of(
                        "PointInTimeRecoverySpecification", Map.of("PointInTimeRecoveryEnabled", true)))))),
                "DeletionPolicy", "Retain",
                "UpdateReplacePolicy", "Retain"));
    }

    @Test
    void workflowIsADurableJavaFunctionWithTheConfiguredTimeoutAndRetention() {
        template.hasResourceProperties("AWS::Lambda::Function", Map.of(
                "FunctionName", "LeaveBot-workflow",
                "Handler", WORKFLOW_HANDLER,
                "Runtime", "java21",
                "MemorySize", DurableWorkflow.MEMORY_MB,
                "Timeout", 120,
                "DurableConfig", Map.of("ExecutionTimeout", 366 * 24 * 3600, "RetentionPeriodInDays", 60)));
        template.resourcePropertiesCountIs("AWS::Lambda::Function",
                Map.of("DurableConfig", Match.anyValue()), 1);
    }

    @Test
    void everyBotFunctionStartsItsJvmWithTheOptionsForShortLivedFunctions() {
        var functions = template.findResources("AWS::Lambda::Function", Map.of("Properties",
                Match.objectLike(Map.of("Handler", Match.stringLikeRegexp("^io\\.leavebot\\..*")))));
        assertTrue(functions.size() >= 4, functions::toString);
        template.resourcePropertiesCountIs("AWS::Lambda::Function", Map.of(
                "Handler", Match.stringLikeRegexp("^io\\.leavebot\\..*"),
                "Environment", Map.of("Variables", Match.objectLike(Map.of(
                        "JAVA_TOOL_OPTIONS", "-XX:+TieredCompilation -XX:TieredStopAtLevel=1")))), functions.size());
    }

    @Test
    void everyBotFunctionRunsOnThePlatformWhoseNativeTlsThePackageCarries() {
        var functions = template.findResources("AWS::Lambda::Function", Map.of("Properties",
                Match.objectLike(Map.of("Handler", Match.stringLikeRegexp("^io\\.leavebot\\..*")))));
        template.resourcePropertiesCountIs("AWS::Lambda::Function", Map.of(
                "Handler", Match.stringLikeRegexp("^io\\.leavebot\\..*"),
                "Architectures", List.of("x86_64")), functions.size());
    }

    @Test
    void everyFunctionLogsInLambdasJsonFormat() {
        int functions = template.findResources("AWS::Lambda::Function").size();
        assertTrue(functions >= 4, "the workflow and the front ends: " + functions);
        template.resourcePropertiesCountIs("AWS::Lambda::Function",
                Map.of("LoggingConfig", Match.objectLike(Map.of("LogFormat", "JSON"))), functions);
    }

    @Test
    void frontEndsStartExecutionsThroughTheWorkflowsLiveAlias() {
        String workflow = json.functionId(WORKFLOW_HANDLER);
        template.hasResourceProperties("AWS::Lambda::Alias", Map.of(
                "Name", "live",
                "FunctionName", Map.of("Ref", workflow),
                "FunctionVersion", Map.of("Fn::GetAtt", List.of(versionOf(workflow), "Version"))));
        for (String frontEnd : FRONT_ENDS) {
            assertEquals(WORKFLOW_ALIAS, json.environment(frontEnd).get(WORKFLOW_FUNCTION_ENV), frontEnd);
        }
    }

    @Test
    void deploysKeepTheWorkflowVersionsRunningExecutionsAreOn() {
        assertEquals("Retain", json.resource(versionOf(json.functionId(WORKFLOW_HANDLER))).get("DeletionPolicy"));
        for (String frontEnd : FRONT_ENDS) {
            assertEquals(null, json.resource(versionOf(json.functionId(frontEnd))).get("DeletionPolicy"),
                    "nothing runs on a front end's old version once its alias moved");
        }
    }

    @Test
    void frontEndsHaveSnapStartOnPublishedVersionsAndTheWorkflowHasNone() {
        for (String frontEnd : FRONT_ENDS) {
            assertEquals(Map.of("ApplyOn", "PublishedVersions"), json.function(frontEnd).get("SnapStart"));
        }
        assertEquals(null, json.function(WORKFLOW_HANDLER).get("SnapStart"));
    }

    @Test
    void frontEndsArePublicFunctionUrlsOnTheirLiveAlias() {
        for (String frontEnd : FRONT_ENDS) {
            String url = urlOf(frontEnd);
            assertEquals("NONE", json.properties(url).get("AuthType"));
            assertEquals("live", json.properties(url).get("Qualifier"));
            template.hasResourceProperties("AWS::Lambda::Alias", Map.of("Name", "live",
                    "FunctionName", Map.of("Ref", json.functionId(frontEnd)),
                    "FunctionVersion", Map.of("Fn::GetAtt", List.of(versionOf(json.functionId(frontEnd)), "Version"))));
        }
        template.resourceCountIs("AWS::Lambda::Url", 3);
        template.resourcePropertiesCountIs("AWS::Lambda::Permission", Map.of("Action", "lambda:InvokeFunctionUrl",
                "FunctionUrlAuthType", "NONE", "Principal", "*"), 3);
    }

    @Test
    void chatFrontEndsGetAFullVcpuAndEachFrontEndStopsWhenItsCallerStopsWaiting() {
        assertEquals(List.of(1024, 1769, 1769), FRONT_ENDS.stream().map(h -> json.function(h).get("MemorySize"))
                .toList(), "API, Slack, Teams");
        assertEquals(List.of(10, 10, 15), FRONT_ENDS.stream().map(h -> json.function(h).get("Timeout")).toList(),
                "API, Slack, Teams");
    }

    @Test
    void eachFunctionGetsExactlyTheSettingsItsHandlerReads() {
        String table = "${" + template.getResourceId("AWS::DynamoDB::GlobalTable") + "}";
        Map<String, String> frontEnd = Map.of(
                SECRET_ARN_ENV, ExampleDeployment.SECRET_ARN,
                LEAVES_TABLE_ENV, table,
                WORKFLOW_FUNCTION_ENV, WORKFLOW_ALIAS,
                TIME_ZONE_ENV, "Europe/Berlin",
                APPROVAL_TIMEOUT_ENV, "PT120H",
                ROUTING_ENV, ExampleDeployment.ROUTING,
                ADMINS_ENV, "hr@example.com,ops@example.com",
                PolicyFile.POLICY_FILE_ENV, "/opt/example-policy.json");
        for (String handler : FRONT_ENDS) {
            Map<String, String> expected = new java.util.HashMap<>(frontEnd);
            if (!handler.equals(API_HANDLER)) {
                // where the chat functions' calendar feed and report links lead, and /leave connect's redirect goes;
                // the API's own URL would be circular
                expected.put(PUBLIC_URL_ENV, "${" + urlOf(API_HANDLER) + ".FunctionUrl}");
            }
            assertEquals(expected, json.environment(handler), handler);
        }
        assertEquals(Map.of(
                SECRET_ARN_ENV, ExampleDeployment.SECRET_ARN,
                LEAVES_TABLE_ENV, table,
                MAIL_FROM_ENV, "LeaveBot <leavebot@example.com>",
                PUBLIC_URL_ENV, "${" + urlOf(API_HANDLER) + ".FunctionUrl}",
                TIME_ZONE_ENV, "Europe/Berlin",
                APPROVAL_TIMEOUT_ENV, "PT120H",
                PolicyFile.POLICY_FILE_ENV, "/opt/example-policy.json"), json.environment(WORKFLOW_HANDLER),
                "no admins: the workflow's checks of who cancels are the front ends'");
    }

    @Test
    void everyFunctionLogsToAGroupOfItsOwnKeptThreeMonths() {
        template.resourcePropertiesCountIs("AWS::Logs::LogGroup", Map.of("RetentionInDays", 90), 4);
        Set<Object> groups = List.of(WORKFLOW_HANDLER, API_HANDLER, SLACK_HANDLER, TEAMS_HANDLER).stream()
                .map(handler -> ((Map<?, ?>) json.function(handler).get("LoggingConfig")).get("LogGroup"))
                .collect(Collectors.toSet());
        assertEquals(Set.copyOf(json.idsOf("AWS::Logs::LogGroup").stream().map(id -> Map.of("Ref", id)).toList()),
                groups);
    }

    @Test
    void alarmsGoOffOnFailedOrTimedOutExecutionsAndOnFrontEndServerErrors() {
        // the alarms on LeaveBot's own metrics are AppMetricAlarmsTest's
        List<Map<String, Object>> lambdaAlarms = json.idsOf("AWS::CloudWatch::Alarm").stream().map(json::properties)
                .filter(alarm -> "AWS/Lambda".equals(alarm.get("Namespace"))).toList();
        Map<String, String> alarmed = lambdaAlarms.stream()
                .collect(Collectors.toMap(alarm -> (String) alarm.get("MetricName") + " of "
                        + TemplateJson.render(((Map<?, ?>) ((List<?>) alarm.get("Dimensions")).get(0)).get("Value")),
                        alarm -> TemplateJson.render(((List<?>) alarm.get("AlarmActions")).get(0))));
        String topic = "${" + template.getResourceId("AWS::SNS::Topic") + "}";
        assertEquals(Map.of(
                "DurableExecutionFailed of ${" + json.functionId(WORKFLOW_HANDLER) + "}", topic,
                "DurableExecutionTimedOut of ${" + json.functionId(WORKFLOW_HANDLER) + "}", topic,
                "Url5xxCount of ${" + json.functionId(API_HANDLER) + "}", topic,
                "Url5xxCount of ${" + json.functionId(SLACK_HANDLER) + "}", topic,
                "Url5xxCount of ${" + json.functionId(TEAMS_HANDLER) + "}", topic), alarmed);
        lambdaAlarms.forEach(alarm -> assertEquals(List.of("Sum", 1, "GreaterThanOrEqualToThreshold"),
                List.of(alarm.get("Statistic"), alarm.get("Threshold"), alarm.get("ComparisonOperator")), alarm::toString));
        template.hasResourceProperties("AWS::SNS::Subscription", Map.of("Protocol", "email",
                "Endpoint", "ops@example.com"));
    }

    @Test
    void outputsTheSlackRequestUrlTheDecisionLinkBaseAndTheTeamsMessagingEndpoint() {
        template.hasOutput("SlackRequestUrl", Map.of("Value", Map.of("Fn::Join", List.of("", List.of(
                Map.of("Fn::GetAtt", List.of(urlOf(SLACK_HANDLER), "FunctionUrl")), "slack/events")))));
        template.hasOutput("SlackRedirectUrl", Map.of("Value", Map.of("Fn::Join", List.of("", List.of(
                Map.of("Fn::GetAtt", List.of(urlOf(API_HANDLER), "FunctionUrl")), "slack/oauth/callback")))));
        template.hasOutput("DecisionLinkBaseUrl", Map.of("Value",
                Map.of("Fn::GetAtt", List.of(urlOf(API_HANDLER), "FunctionUrl"))));
        template.hasOutput("TeamsMessagingEndpoint", Map.of("Value", Map.of("Fn::Join", List.of("", List.of(
                Map.of("Fn::GetAtt", List.of(urlOf(TEAMS_HANDLER), "FunctionUrl")), "api/messages")))));
    }

    @Test
    void withoutTheTeamsSwitchNothingOfTheTeamsFrontEndIsDeployed() {
        ExampleDeployment without = ExampleDeployment.with(LeaveBotProps.TEAMS, null);
        assertLeftOut(without, ChatFrontEnd.TEAMS, Set.of("SlackRequestUrl", "SlackRedirectUrl", "DecisionLinkBaseUrl", "AlarmTopicArn"));
        assertEquals(Set.of("dynamodb:GetItem", "dynamodb:Query", "dynamodb:PutItem", "dynamodb:DeleteItem"),
                without.json().grantsOf(SLACK_HANDLER, "dynamodb:").keySet());
        assertEquals(Set.of("dynamodb:GetItem", "dynamodb:Query", "dynamodb:PutItem", "dynamodb:DeleteItem", "dynamodb:UpdateItem"),
                without.json().grantsOf(API_HANDLER, "dynamodb:").keySet(), "with the ledger's adjustments");
    }

    @Test
    void withSlackSwitchedOffNothingOfTheSlackFrontEndIsDeployedAndTheRestIsIntact() {
        ExampleDeployment without = ExampleDeployment.with(LeaveBotProps.SLACK, "false");
        assertLeftOut(without, ChatFrontEnd.SLACK,
                Set.of("DecisionLinkBaseUrl", "TeamsMessagingEndpoint", "AlarmTopicArn"));
        assertEquals(Set.of("dynamodb:GetItem", "dynamodb:Query", "dynamodb:PutItem", "dynamodb:DeleteItem"),
                without.json().grantsOf(TEAMS_HANDLER, "dynamodb:").keySet(), "Teams still saves addresses and away periods");
    }

    /**
     * {@code without} is the example less {@code chat}: no resource of it (they, and its alarm, have its construct
     * id in their logical ids), one function, URL, alias, role, log group and alarm fewer, and every other resource
     * exactly as in the example; its outputs are {@code outputs}.
     */
    private void assertLeftOut(ExampleDeployment without, ChatFrontEnd chat, Set<String> outputs) {
        TemplateJson other = without.json();
        assertThrows(NoSuchElementException.class, () -> other.functionId(chat.handler()));
        assertEquals(List.of(), other.ids().stream().filter(id -> id.contains(chat.id())).toList());
        assertEquals(json.ids().stream().filter(id -> !id.contains(chat.id())).collect(Collectors.toSet()),
                Set.copyOf(other.ids()), "all the rest is there");
        for (String id : other.ids()) {
            assertEquals(json.resource(id), other.resource(id), id + " is as in the example");
        }
        for (String type : List.of("AWS::Lambda::Function", "AWS::Lambda::Url", "AWS::Lambda::Alias", "AWS::IAM::Role",
                "AWS::Logs::LogGroup", "AWS::CloudWatch::Alarm")) {
            assertEquals(json.idsOf(type).size() - 1, other.idsOf(type).size(), type);
        }
        assertEquals(outputs, without.template().findOutputs("*").keySet());
    }

    @Test
    void everyHandlerIsAClassInTheDeployedJar() throws IOException {
        Path jar = Path.of(LeaveBotProps.DEFAULT_BOT_JAR);
        try (var zip = new ZipFile(jar.toFile())) {
            for (String handler : List.of(WORKFLOW_HANDLER, API_HANDLER, SLACK_HANDLER, TEAMS_HANDLER)) {
                String entry = handler.substring(0, handler.indexOf("::")).replace('.', '/') + ".class";
                assertNotNull(zip.getEntry(entry), handler + " names no class of " + jar);
            }
        }
    }

    /** The logical id of the version the function's live alias points to. */
    private String versionOf(String function) {
        return json.idsOf("AWS::Lambda::Version").stream()
                .filter(id -> Map.of("Ref", function).equals(json.properties(id).get("FunctionName")))
                .findFirst().orElseThrow();
    }

    /** The logical id of the Function URL of the function with this handler. */
    private String urlOf(String handler) {
        Map<String, Object> target = Map.of("Fn::GetAtt", List.of(json.functionId(handler), "Arn"));
        return json.idsOf("AWS::Lambda::Url").stream()
                .filter(id -> target.equals(json.properties(id).get("TargetFunctionArn")))
                .findFirst().orElseThrow();
    }

    private static Map<String, String> key(String name, String type) {
        return Map.of("AttributeName", name, "KeyType", type);
    }

    private static Map<String, String> text(String name) {
        return Map.of("AttributeName", name, "AttributeType", "S");
    }

    private static Map<String, Object> index(String name, String partitionKey, String sortKey) {
        return Map.of("IndexName", name, "KeySchema", List.of(key(partitionKey, "HASH"), key(sortKey, "RANGE")),
                "Projection", Map.of("ProjectionType", "ALL"));
    }
}
