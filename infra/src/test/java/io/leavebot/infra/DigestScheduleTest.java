package io.leavebot.infra;

import static io.leavebot.LeaveBotNames.DIGEST_FUNCTION_ENV;
import static io.leavebot.LeaveBotNames.DIGEST_SLACK_CHANNEL_ENV;
import static io.leavebot.LeaveBotNames.DIGEST_TEAMS_CONVERSATION_ENV;
import static io.leavebot.LeaveBotNames.DIGEST_TIME_ENV;
import static io.leavebot.LeaveBotNames.ROUTING_ENV;
import static io.leavebot.LeaveBotNames.TIME_ZONE_ENV;
import static io.leavebot.infra.DigestSchedule.DIGEST_HANDLER;
import static io.leavebot.infra.DigestSchedule.SCHEDULE_HANDLER;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.leavebot.infra.testing.ExampleDeployment;
import io.leavebot.infra.testing.TemplateJson;
import io.leavebot.infra.testing.TemplateJson.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

/** The example deployment with the digest on (a Slack channel and a Teams channel, at 08:30), one synth for the class. */
class DigestScheduleTest {
    static final Map<String, String> DIGEST_ON = Map.of(DigestProps.SLACK_CHANNEL, "C0DIGEST",
            DigestProps.TEAMS_CONVERSATION, "19:digest@thread.tacv2", DigestProps.TIME, "08:30");
    static final String DIGEST_ALIAS = "arn:${AWS::Partition}:lambda:${AWS::Region}:${AWS::AccountId}:function:LeaveBot-digest:live";

    private final ExampleDeployment example = ExampleDeployment.with(DIGEST_ON);
    private final Template template = example.template();
    private final TemplateJson json = example.json();

    @Test
    void theScheduleFiresDailyAtTheDigestsTimeInTheStacksZoneAndSendsItsScheduledTime() {
        template.resourceCountIs("AWS::Scheduler::Schedule", 1);
        template.hasResourceProperties("AWS::Scheduler::Schedule", Map.of(
                "ScheduleExpression", "cron(30 8 * * ? *)",
                "ScheduleExpressionTimezone", "Europe/Berlin",
                "FlexibleTimeWindow", Map.of("Mode", "OFF"),
                "Target", Match.objectLike(Map.of(
                        "Input", "{\"scheduledTime\": \"<aws.scheduler.scheduled-time>\"}",
                        "Arn", Map.of("Fn::GetAtt", List.of(json.functionId(SCHEDULE_HANDLER), "Arn")),
                        "RetryPolicy", Map.of("MaximumEventAgeInSeconds", 4 * 3600, "MaximumRetryAttempts", 20)))));
    }

    @Test
    void theSchedulersRoleMayInvokeTheStarterAndNothingElse() {
        String starter = json.functionId(SCHEDULE_HANDLER);
        List<Statement> statements = json.allStatements().stream()
                .filter(s -> s.resources().stream().anyMatch(r -> r.contains(starter))).toList();
        assertEquals(Set.of("lambda:InvokeFunction"), statements.stream().flatMap(s -> s.actions().stream())
                .collect(java.util.stream.Collectors.toSet()));
        template.hasResourceProperties("AWS::IAM::Role", Map.of("AssumeRolePolicyDocument", Match.objectLike(Map.of(
                "Statement", List.of(Match.objectLike(Map.of("Principal", Map.of("Service", "scheduler.amazonaws.com"),
                        "Condition", Map.of("StringEquals", Map.of("aws:SourceAccount", Map.of("Ref", "AWS::AccountId"))))))))));
    }

    @Test
    void theStarterMayOnlyStartExecutionsOfTheDigestsAlias() {
        assertEquals(Map.of("lambda:InvokeFunction", Set.of(DIGEST_ALIAS)), json.grantsOf(SCHEDULE_HANDLER, "lambda:"));
        assertEquals(Map.of(), json.grantsOf(SCHEDULE_HANDLER, "dynamodb:"));
        Map<String, String> env = json.environment(SCHEDULE_HANDLER);
        assertEquals(DIGEST_ALIAS, env.get(DIGEST_FUNCTION_ENV));
        assertEquals("08:30", env.get(DIGEST_TIME_ENV));
        assertEquals("Europe/Berlin", env.get(TIME_ZONE_ENV));
    }

    @Test
    void theDigestIsADurableFunctionThatWritesOnlyItsClaimsAndItsPosts() {
        assertTrue(json.function(DIGEST_HANDLER).containsKey("DurableConfig"));
        List<Statement> writes = json.statementsOf(DIGEST_HANDLER).stream().filter(s -> s.actions().stream()
                .anyMatch(a -> a.startsWith("dynamodb:") && !a.equals("dynamodb:GetItem") && !a.equals("dynamodb:Query"))).toList();
        assertEquals(1, writes.size(), writes.toString());
        assertEquals(List.of("dynamodb:PutItem"), writes.get(0).actions());
        assertEquals(Map.of("ForAllValues:StringLike", Map.of("dynamodb:LeadingKeys", List.of("DIGEST#*", "NOTIFY#digest-*"))),
                writes.get(0).condition());
        assertEquals(Set.of("lambda:CheckpointDurableExecution", "lambda:GetDurableExecutionState"),
                json.grantsOf(DIGEST_HANDLER, "lambda:").keySet());
        Map<String, String> env = json.environment(DIGEST_HANDLER);
        assertEquals("C0DIGEST", env.get(DIGEST_SLACK_CHANNEL_ENV));
        assertEquals("19:digest@thread.tacv2", env.get(DIGEST_TEAMS_CONVERSATION_ENV));
        assertEquals(ExampleDeployment.ROUTING, env.get(ROUTING_ENV));
    }

    @Test
    void withoutAChannelThereIsNoDigest() {
        Template plain = ExampleDeployment.get().template();
        plain.resourceCountIs("AWS::Scheduler::Schedule", 0);
        assertFalse(ExampleDeployment.get().json().idsOf("AWS::Lambda::Function").stream()
                .anyMatch(id -> DIGEST_HANDLER.equals(ExampleDeployment.get().json().properties(id).get("Handler"))));
    }

    @Test
    void aSlackChannelThatIsNotAnIdIsRefusedNamingTheSetting() {
        Map<String, Object> context = new HashMap<>(ExampleDeployment.CONTEXT);
        context.put(DigestProps.SLACK_CHANNEL, "#general");

        var refused = assertThrows(StackInputException.class, () -> LeaveBotProps.fromContext(context::get));

        assertTrue(refused.getMessage().contains("digestSlackChannel must be a Slack channel's id such as C0123ABCD "
                + "(the channel's details show it), but was '#general'."), refused.getMessage());
    }
}
