package io.leavebot.infra;

import static io.leavebot.LeaveBotNames.APPROVAL_TIMEOUT_ENV;
import static io.leavebot.LeaveBotNames.LEAVES_TABLE_ENV;
import static io.leavebot.LeaveBotNames.MAIL_FROM_ENV;
import static io.leavebot.LeaveBotNames.PUBLIC_URL_ENV;
import static io.leavebot.LeaveBotNames.ROUTING_ENV;
import static io.leavebot.LeaveBotNames.SECRET_ARN_ENV;
import static io.leavebot.LeaveBotNames.TIME_ZONE_ENV;
import static io.leavebot.LeaveBotNames.WORKFLOW_FUNCTION_ENV;

import java.util.List;
import java.util.Map;
import software.amazon.awscdk.ArnComponents;
import software.amazon.awscdk.ArnFormat;
import software.amazon.awscdk.CfnOutput;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.services.iam.Grant;
import software.amazon.awscdk.services.iam.GrantOnPrincipalOptions;
import software.amazon.awscdk.services.iam.IGrantable;
import software.amazon.awscdk.services.lambda.Code;
import software.amazon.awscdk.services.secretsmanager.ISecret;
import software.amazon.awscdk.services.secretsmanager.Secret;
import software.constructs.Construct;

/**
 * LeaveBot on AWS: the leave table, the durable workflow function, the Slack and decision-page front ends behind
 * Function URLs, what each may call, alarms, and the two URLs to hand out. The secret with Slack's and LeaveBot's
 * keys is made beforehand and only named here ({@link LeaveBotProps#secretArn()}): its values never pass through
 * CloudFormation, and SnapStart front ends can only be published once it holds them.
 */
public final class LeaveBotStack extends Stack {
    /** The alias every caller goes through, on the newest version; a deploy moves it. */
    static final String LIVE = "live";
    static final String WORKFLOW_HANDLER = "io.leavebot.aws.WorkflowFunction::handleRequest";
    static final String API_HANDLER = "io.leavebot.aws.ApiFunction::handleRequest";
    static final String SLACK_HANDLER = "io.leavebot.aws.SlackFunction::handleRequest";
    /**
     * A full vCPU (Lambda gives CPU in proportion to memory, one vCPU at 1,769 MB): the first request after a
     * SnapStart restore still loads classes and runs unoptimized code, and Slack's 3 seconds include that.
     */
    static final int SLACK_MEMORY_MB = 1769;
    /** Decision pages and the JSON API: people clicking a link, where a second more on a cold start is fine. */
    static final int API_MEMORY_MB = 1024;
    /** Where Slack sends requests under the Slack function's URL; the function serves any path. */
    static final String SLACK_PATH = "slack/events";

    public LeaveBotStack(Construct scope, String id, LeaveBotProps props) {
        super(scope, id, StackProps.builder()
                .description("LeaveBot: leave requests decided through Lambda durable functions, DynamoDB and SES")
                .build());
        var table = new LeaveTable(this, "Leaves");
        ISecret secret = Secret.fromSecretCompleteArn(this, "Secret", props.secretArn());
        Code jar = Code.fromAsset(props.botJar().toString());
        var workflowArns = WorkflowArns.of(this, getStackName() + "-workflow", LIVE);
        var api = new FrontEnd(this, "Api", jar, API_HANDLER, API_MEMORY_MB,
                frontEndSettings(props, table, workflowArns), props.secretRevision());
        var slack = new FrontEnd(this, "Slack", jar, SLACK_HANDLER, SLACK_MEMORY_MB,
                frontEndSettings(props, table, workflowArns), props.secretRevision());
        var workflow = new DurableWorkflow(this, "Workflow", jar, WORKFLOW_HANDLER, workflowArns,
                props.executionTimeout(), props.historyRetentionDays(), workflowSettings(props, table, api));

        for (FrontEnd frontEnd : List.of(api, slack)) {
            table.grantReads(frontEnd.role());
            secret.grantRead(frontEnd.role());
            workflowArns.grantStartAndAnswer(frontEnd.role());
        }
        table.grantReads(workflow.role());
        table.grantWrites(workflow.role());
        secret.grantRead(workflow.role());
        workflowArns.grantCheckpoints(workflow.role());
        grantSendingAs(workflow.role(), props.sesIdentity(), props.senderAddress());

        var alarms = alarms(props.alarmEmail(), workflow, slack, api);
        output("SlackRequestUrl", slack.url() + SLACK_PATH, "Slack's Request URL: paste it into manifest.yml "
                + "wherever it says REQUEST_URL");
        output("DecisionLinkBaseUrl", api.url(), "Base of the e-mail decision links (decide) and of the JSON API "
                + "(api/leaves)");
        output("AlarmTopicArn", alarms.topicArn(), "SNS topic of LeaveBot's alarms");
    }

    /** What {@code io.leavebot.aws.AwsSettings} reads for {@code ApiFunction} and {@code SlackFunction}. */
    private static Map<String, String> frontEndSettings(LeaveBotProps props, LeaveTable table, WorkflowArns workflow) {
        return Map.of(
                SECRET_ARN_ENV, props.secretArn(),
                LEAVES_TABLE_ENV, table.tableName(),
                WORKFLOW_FUNCTION_ENV, workflow.alias(),
                TIME_ZONE_ENV, props.timeZone().getId(),
                APPROVAL_TIMEOUT_ENV, props.approvalTimeout().toString(),
                ROUTING_ENV, props.routingJson());
    }

    /** What {@code io.leavebot.aws.AwsSettings} reads for {@code WorkflowFunction}: links lead to the API's URL. */
    private static Map<String, String> workflowSettings(LeaveBotProps props, LeaveTable table, FrontEnd api) {
        return Map.of(
                SECRET_ARN_ENV, props.secretArn(),
                LEAVES_TABLE_ENV, table.tableName(),
                MAIL_FROM_ENV, props.mailFrom(),
                PUBLIC_URL_ENV, api.url(),
                TIME_ZONE_ENV, props.timeZone().getId(),
                APPROVAL_TIMEOUT_ENV, props.approvalTimeout().toString());
    }

    private Alarms alarms(String email, DurableWorkflow workflow, FrontEnd slack, FrontEnd api) {
        var alarms = new Alarms(this, "Alarms", email);
        alarms.onAny("WorkflowFailed", workflow.failedExecutions(), "A leave request's workflow failed: its request "
                + "is stuck as it was. Look up the execution in the workflow function's durable executions.");
        alarms.onAny("WorkflowTimedOut", workflow.timedOutExecutions(), "A leave request's workflow ran longer than "
                + "the execution timeout and was stopped: raise executionTimeout, or check why it did not end.");
        alarms.onAny("SlackErrors", slack.serverErrors(), "The Slack front end answered with a server error: "
                + "see its log group.");
        alarms.onAny("ApiErrors", api.serverErrors(), "The decision pages or the JSON API answered with a server "
                + "error: see the API function's log group.");
        return alarms;
    }

    /**
     * SES {@code SendEmail} from the configured identity only, and with the configured From address only (a domain
     * identity would otherwise allow any address of the domain).
     */
    private void grantSendingAs(IGrantable grantee, String sesIdentity, String fromAddress) {
        String identity = formatArn(ArnComponents.builder()
                .service("ses").resource("identity").resourceName(sesIdentity)
                .arnFormat(ArnFormat.SLASH_RESOURCE_NAME)
                .build());
        Grant.addToPrincipal(GrantOnPrincipalOptions.builder()
                .grantee(grantee)
                .actions(List.of("ses:SendEmail"))
                .resourceArns(List.of(identity))
                .conditions(Map.of("StringEquals", Map.of("ses:FromAddress", fromAddress)))
                .build());
    }

    private void output(String id, String value, String description) {
        CfnOutput.Builder.create(this, id).value(value).description(description).build();
    }
}
