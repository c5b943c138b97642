package io.leavebot.infra;

import static io.leavebot.LeaveBotNames.ADMINS_ENV;
import static io.leavebot.LeaveBotNames.APPROVAL_TIMEOUT_ENV;
import static io.leavebot.LeaveBotNames.EMAIL_CHANNEL;
import static io.leavebot.LeaveBotNames.LEAVES_TABLE_ENV;
import static io.leavebot.LeaveBotNames.MAIL_FROM_ENV;
import static io.leavebot.LeaveBotNames.PUBLIC_URL_ENV;
import static io.leavebot.LeaveBotNames.ROUTING_ENV;
import static io.leavebot.LeaveBotNames.SECRET_ARN_ENV;
import static io.leavebot.LeaveBotNames.SLACK_CHANNEL;
import static io.leavebot.LeaveBotNames.TEAMS_CHANNEL;
import static io.leavebot.LeaveBotNames.TIME_ZONE_ENV;
import static io.leavebot.LeaveBotNames.WORKFLOW_FUNCTION_ENV;

import io.leavebot.balance.PolicyFile;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import software.amazon.awscdk.ArnComponents;
import software.amazon.awscdk.ArnFormat;
import software.amazon.awscdk.CfnOutput;
import software.amazon.awscdk.Duration;
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
 * LeaveBot on AWS: the leave table, the durable workflow function, the decision-page front end and the chat front
 * ends switched on ({@link ChatFrontEnd}: Slack unless {@code -c slack=false}, Teams with {@code -c teams=true})
 * behind Function URLs, what each may call, alarms, and the URLs to hand out. The secret with Slack's, Microsoft's
 * and LeaveBot's keys is made beforehand and only named here ({@link LeaveBotProps#secretArn()}): its values never
 * pass through CloudFormation, and SnapStart front ends can only be published once it holds them. The balance
 * policy file, when given, is a layer of every function ({@link PolicyLayer}).
 */
public final class LeaveBotStack extends Stack {
    /** The alias every caller goes through, on the newest version; a deploy moves it. */
    static final String LIVE = "live";
    static final String WORKFLOW_HANDLER = "io.leavebot.aws.WorkflowFunction::handleRequest";
    static final String API_HANDLER = "io.leavebot.aws.ApiFunction::handleRequest";
    static final String SLACK_HANDLER = "io.leavebot.aws.SlackFunction::handleRequest";
    static final String TEAMS_HANDLER = "io.leavebot.aws.TeamsFunction::handleRequest";
    /**
     * The chat front ends, Slack and Teams: a full vCPU (Lambda gives CPU in proportion to memory, one vCPU at
     * 1,769 MB). The first request after a SnapStart restore still loads classes and runs unoptimized code, and
     * someone is waiting in the chat: Slack gives 3 seconds; Teams shows an error on a card button not answered
     * within a few, and its first request also fetches Bot Framework's signing keys and the bot's token.
     */
    static final int CHAT_MEMORY_MB = 1769;
    /** Decision pages and the JSON API: people clicking a link, where a second more on a cold start is fine. */
    static final int API_MEMORY_MB = 1024;
    /** Slack wants its answer within 3 seconds, people their page soon: a request running 10 s is stuck, not slow. */
    static final Duration FRONT_END_TIMEOUT = Duration.seconds(10);
    /** Teams waits about 15 seconds for the answer to a message; after that nobody reads it. */
    static final Duration TEAMS_TIMEOUT = Duration.seconds(15);
    /** Where Slack sends requests under the Slack function's URL; the function serves any path. */
    static final String SLACK_PATH = "slack/events";
    /** Where Slack sends people back from /leave connect, under the API function's URL. */
    static final String SLACK_REDIRECT_PATH = "slack/oauth/callback";
    /** Where the Bot Connector sends Teams activities under the Teams function's URL: the Azure Bot's endpoint. */
    static final String TEAMS_PATH = "api/messages";
    /** The construct id of the alarm on a channel's failed notifications starts so, the channel after it. */
    static final String NOTIFICATION_ALARM_PREFIX = "NotificationFailures-";

    public LeaveBotStack(Construct scope, String id, LeaveBotProps props) {
        super(scope, id, StackProps.builder()
                .description("LeaveBot: leave requests decided through Lambda durable functions, DynamoDB and SES")
                .build());
        var table = new LeaveTable(this, "Leaves");
        ISecret secret = Secret.fromSecretCompleteArn(this, "Secret", props.secretArn());
        Code jar = Code.fromAsset(props.botJar().toString());
        var workflowArns = WorkflowArns.of(this, getStackName() + "-workflow", LIVE);
        var settings = frontEndSettings(props, table, workflowArns);
        var api = new FrontEnd(this, "Api", jar, API_HANDLER, API_MEMORY_MB, FRONT_END_TIMEOUT, settings,
                props.secretRevision());
        Map<ChatFrontEnd, FrontEnd> chats = new EnumMap<>(ChatFrontEnd.class);
        for (ChatFrontEnd chat : ChatFrontEnd.values()) {
            if (props.deploys(chat)) {
                chats.put(chat, new FrontEnd(this, chat.id(), jar, chat.handler(), CHAT_MEMORY_MB, chat.timeout(),
                        chatSettings(settings, api), props.secretRevision()));
            }
        }
        var workflow = new DurableWorkflow(this, "Workflow", jar, WORKFLOW_HANDLER, workflowArns,
                props.executionTimeout(), props.historyRetentionDays(), workflowSettings(props, table, api));

        Optional<DigestSchedule> digest = props.digest().on() ? Optional.of(new DigestSchedule(this, "WhosOutDigest", jar,
                WorkflowArns.of(this, getStackName() + "-digest", LIVE), props.digest(), props.timeZone(),
                props.historyRetentionDays(), digestSettings(props, table), withPlace(props, Map.of()))) : Optional.empty();

        var frontEnds = new ArrayList<>(List.of(api));
        frontEnds.addAll(chats.values());
        if (props.policyFile() != null) {
            var policy = new PolicyLayer(this, "Policy", props.policyFile());
            policy.addTo(workflow.function());
            frontEnds.forEach(frontEnd -> policy.addTo(frontEnd.function()));
            digest.ifPresent(d -> d.functions().forEach(policy::addTo));
        }
        // every front end saves the routing's Slack ids when it starts; a chat front end also the addresses it learns
        table.grantAddressWrites(api.role(), List.of(SLACK_CHANNEL));
        table.grantLedgerAdjustments(api.role()); // an admin's balance adjustments come through the API
        table.grantUserTokens(api.role(), "dynamodb:PutItem"); // Slack's redirect back from /leave connect
        if (chats.containsKey(ChatFrontEnd.SLACK)) {
            table.grantUserTokens(chats.get(ChatFrontEnd.SLACK).role(), "dynamodb:DeleteItem"); // /leave disconnect
            output("SlackRedirectUrl", api.url() + SLACK_REDIRECT_PATH, "Slack's Redirect URL for /leave connect: "
                    + "paste it into manifest.yml where it says REDIRECT_URL");
        }
        chats.forEach((chat, frontEnd) -> table.grantAddressWrites(frontEnd.role(),
                Stream.of(SLACK_CHANNEL, chat.addressChannel()).distinct().toList()));
        chats.values().forEach(frontEnd -> table.grantFeedWrites(frontEnd.role())); // people make feed links in chat
        for (FrontEnd frontEnd : frontEnds) {
            table.grantReads(frontEnd.role());
            table.grantAwayWrites(frontEnd.role());
            secret.grantRead(frontEnd.role());
            workflowArns.grantStartAndAnswer(frontEnd.role());
        }
        table.grantReads(workflow.role());
        table.grantWrites(workflow.role());
        table.grantOpenLeaveBackfill(workflow.role());
        secret.grantRead(workflow.role());
        workflowArns.grantCheckpoints(workflow.role());
        grantSendingAs(workflow.role(), props.sesIdentity(), props.senderAddress());

        digest.ifPresent(d -> {
            table.grantReads(d.digestRole());
            table.grantDigestWrites(d.digestRole());
            secret.grantRead(d.digestRole());
        });

        var alarms = alarms(props.alarmEmail(), workflow, api, chats);
        digest.ifPresent(d -> alarms.onAny("DigestFailed", d.digest().failedExecutions(), "A morning's who's-out digest "
                + "failed: look up its execution (digest-<day>) in the digest function's durable executions."));
        chats.forEach((chat, frontEnd) -> output(chat.outputId(), frontEnd.url() + chat.path(),
                chat.outputDescription()));
        output("DecisionLinkBaseUrl", api.url(), "Base of the e-mail decision links (decide) and of the JSON API "
                + "(api/leaves)");
        output("AlarmTopicArn", alarms.topicArn(), "SNS topic of LeaveBot's alarms");
    }

    /**
     * What {@code io.leavebot.aws.AwsSettings} reads for {@code ApiFunction}, {@code SlackFunction} and
     * {@code TeamsFunction}.
     */
    private static Map<String, String> frontEndSettings(LeaveBotProps props, LeaveTable table, WorkflowArns workflow) {
        Map<String, String> settings = new HashMap<>(withPlace(props, Map.of(
                SECRET_ARN_ENV, props.secretArn(),
                LEAVES_TABLE_ENV, table.tableName(),
                WORKFLOW_FUNCTION_ENV, workflow.alias(),
                TIME_ZONE_ENV, props.timeZone().getId(),
                APPROVAL_TIMEOUT_ENV, props.approvalTimeout().toString(),
                ROUTING_ENV, props.routingJson())));
        if (!props.admins().isEmpty()) {
            settings.put(ADMINS_ENV, String.join(",", props.admins())); // the front ends check who adjusts and cancels
        }
        return Map.copyOf(settings);
    }

    /**
     * A chat function's settings: the front ends', and the API function's URL, where its calendar feed and report
     * links lead and (Slack) its {@code /leave connect} links send people back to.
     */
    private static Map<String, String> chatSettings(Map<String, String> frontEnd, FrontEnd api) {
        Map<String, String> settings = new HashMap<>(frontEnd);
        settings.put(PUBLIC_URL_ENV, api.url());
        return Map.copyOf(settings);
    }

    /** What {@code io.leavebot.aws.AwsSettings} reads for {@code WorkflowFunction}: links lead to the API's URL. */
    private static Map<String, String> workflowSettings(LeaveBotProps props, LeaveTable table, FrontEnd api) {
        return withPlace(props, Map.of(
                SECRET_ARN_ENV, props.secretArn(),
                LEAVES_TABLE_ENV, table.tableName(),
                MAIL_FROM_ENV, props.mailFrom(),
                PUBLIC_URL_ENV, api.url(),
                TIME_ZONE_ENV, props.timeZone().getId(),
                APPROVAL_TIMEOUT_ENV, props.approvalTimeout().toString()));
    }

    /** What {@code io.leavebot.aws.AwsSettings} reads for {@code DigestFunction}, besides the digest's channels. */
    private static Map<String, String> digestSettings(LeaveBotProps props, LeaveTable table) {
        return withPlace(props, Map.of(
                SECRET_ARN_ENV, props.secretArn(),
                LEAVES_TABLE_ENV, table.tableName(),
                TIME_ZONE_ENV, props.timeZone().getId(),
                APPROVAL_TIMEOUT_ENV, props.approvalTimeout().toString(),
                ROUTING_ENV, props.routingJson()));
    }

    /**
     * {@code settings} and the country and region of the default policy when given: every function counts balances,
     * so all of them get the same (a policy file's path comes with its layer, {@link PolicyLayer#addTo}).
     */
    private static Map<String, String> withPlace(LeaveBotProps props, Map<String, String> settings) {
        Map<String, String> all = new HashMap<>(settings);
        if (props.country() != null) {
            all.put(PolicyFile.COUNTRY_ENV, props.country());
        }
        if (props.region() != null) {
            all.put(PolicyFile.REGION_ENV, props.region());
        }
        return Map.copyOf(all);
    }

    /** @param chats the chat front ends deployed */
    private Alarms alarms(String email, DurableWorkflow workflow, FrontEnd api, Map<ChatFrontEnd, FrontEnd> chats) {
        var alarms = new Alarms(this, "Alarms", email);
        alarms.onAny("WorkflowFailed", workflow.failedExecutions(), "A leave request's workflow failed: its request "
                + "is stuck as it was. Look up the execution in the workflow function's durable executions.");
        alarms.onAny("WorkflowTimedOut", workflow.timedOutExecutions(), "A leave request's workflow ran longer than "
                + "the execution timeout and was stopped: raise executionTimeout, or check why it did not end.");
        alarms.onAny("ApiErrors", api.serverErrors(), "The decision pages or the JSON API answered with a server "
                + "error: see the API function's log group.");
        chats.forEach((chat, frontEnd) -> alarms.onAny(chat.id() + "Errors", frontEnd.serverErrors(), "The "
                + chat.id() + " front end answered with a server error: see its log group."));
        // on the functions' own metrics (EmfMetrics): every channel, since the secret, not the stack, says which are used
        for (String channel : List.of(SLACK_CHANNEL, TEAMS_CHANNEL, EMAIL_CHANNEL)) {
            alarms.onAny(NOTIFICATION_ALARM_PREFIX + channel, AppMetrics.notificationFailures(channel), "A notification by "
                    + channel + " failed in the last 15 minutes (people still hear by e-mail when chat fails): see the "
                    + "workflow and digest functions' log groups for the WARNING or ERROR with its reason.");
        }
        alarms.above("CallbackLatency", AppMetrics.callbackLatencyP99(), AppMetrics.CALLBACK_LATENCY_BOUND_MS,
                "Decisions took over a minute (p99, last hour) from the answer to being recorded: the workflow function "
                + "is slow to be invoked again or the leave table to take the write; see its duration and throttles.");
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
