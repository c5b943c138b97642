package io.leavebot.aws;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import io.leavebot.durable.execution.WireJsonWarmUp;
import io.leavebot.email.EmailRenderer;
import io.leavebot.leave.LeavePolicy;
import io.leavebot.logging.Logs;
import io.leavebot.notify.ChatChannel;
import io.leavebot.notify.ChatStatus;
import io.leavebot.notify.NotificationTexts;
import io.leavebot.notify.Notifier;
import io.leavebot.ops.EmfMetrics;
import io.leavebot.ops.MeteredChat;
import io.leavebot.ops.MeteredMailer;
import io.leavebot.slack.SlackWebApi;
import io.leavebot.store.DynamoDbLeaveStore;
import io.leavebot.store.Store;
import io.leavebot.teams.TeamsApp;
import io.leavebot.teams.TeamsSettings;
import io.leavebot.workflow.LeaveWorkflow;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * The handler of the durable workflow function ({@code io.leavebot.aws.WorkflowFunction::handleRequest}): the
 * {@link LeaveWorkflow} over DynamoDB ({@link DynamoDbLeaveStore}) and SES ({@code SesMailer}), checkpointing to
 * the Lambda durable API of its region. People are reached in Slack when the secret holds a bot token, in Teams
 * when it holds the Teams keys and they have talked to the bot there, with e-mail as the fallback.
 *
 * <p>Lambda makes one instance per execution environment and keeps it, so everything (settings, the secret, the
 * SDK clients) is read and built once, in the constructor, during the function's init; an invocation only runs
 * the workflow. A missing setting fails the init with a message naming it.
 */
public final class WorkflowFunction implements RequestStreamHandler {
    static {
        Logs.start(); // before anything logs: every line in Lambda's JSON format, masked
        CrtHttps.install(); // its native library loads while the handler starts
        WireJsonWarmUp.start(); // the durable runtime's JSON too: the workflow's handler is made last, after the clients
    }

    private final LeaveWorkflow workflow;
    /** Failed notifications and the decisions' latency and writes, written before each invocation returns. */
    private final EmfMetrics metrics = new EmfMetrics("workflow");

    /** Lambda's constructor: settings from the environment, the region's services, the function role's credentials. */
    public WorkflowFunction() {
        this(AwsSettings.fromEnvironment(), ChatChannels.slack(SlackWebApi.slackCom()));
    }

    private WorkflowFunction(AwsSettings settings, ChatChannels chat) {
        this(settings, AwsClients.inRegion(settings.region()), Clock.systemUTC(), chat, null);
    }

    /**
     * The workflow on {@code aws}'s services (tests point them at local stand-ins).
     *
     * @param microsoft as for {@link TeamsFunction}: the Teams bot with Bot Framework's and Entra ID's endpoints for
     *                  tests, used when the secret has the Teams keys; null for the secret's, against Microsoft
     */
    WorkflowFunction(AwsSettings settings, AwsClients aws, Clock clock, ChatChannels chat, TeamsSettings microsoft) {
        LeavePolicy policy = settings.policy();
        var texts = new NotificationTexts(settings.zone());
        String decisionUrl = settings.decisionUrl();
        String from = settings.mailFrom();
        // the settings first (a missing one fails the start without a call to Secrets Manager), then the secret read
        // while the store starts and reads the open-leave index
        Supplier<Secrets> secret = aws.secretsSoon(settings.secretArn());
        var store = new DynamoDbLeaveStore(aws.dynamoDb(), settings.leavesTable());
        store.observe(metrics.storeObserver());
        store.indexOpenLeave(); // once per table (one GetItem after that): requests from before the index get its keys
        Secrets secrets = secret.get();
        var emails = new EmailRenderer(texts, secrets.decisionLinks(decisionUrl), from, policy.approvalTimeout());
        // Slack first, then Teams: someone in both hears in Slack; someone in one, there
        List<ChatChannel> chats = new ArrayList<>();
        secrets.slackBotToken().map(token -> chat.open(token, store, texts, clock)).ifPresent(chats::add);
        secrets.teams().map(teams -> microsoft != null ? microsoft : teams)
                .map(teams -> TeamsApp.connect(teams, store, texts, clock).chat()).ifPresent(chats::add);
        List<ChatChannel> metered = chats.stream().<ChatChannel>map(channel -> new MeteredChat(channel, metrics)).toList();
        var notifier = new Notifier(store, metered, new MeteredMailer(aws.mailer(), metrics), emails, clock);
        // the workflow only reads who stands in for whom; changes are made through the front ends
        this.workflow = new LeaveWorkflow(store, notifier, policy, FrontEnds.standIns(settings, store, approver -> { }, clock),
                FrontEnds.balances(settings, store, policy, clock), chatStatus(secrets, chat, store, clock), settings.admins(),
                clock.getZone().equals(settings.zone()) ? clock : clock.withZone(settings.zone()));
    }

    /** People's Slack status while on leave, when the secret has the bot token and the Slack status keys; else none. */
    private static ChatStatus chatStatus(Secrets secrets, ChatChannels chat, Store store, Clock clock) {
        if (secrets.slackBotToken().isEmpty()) {
            return ChatStatus.NONE;
        }
        return secrets.slackStatus(() -> null).map(keys -> chat.status(store, keys.seal(), clock)).orElse(ChatStatus.NONE);
    }

    /** One invocation of the durable execution: the envelope in, {@code SUCCEEDED}, {@code FAILED} or {@code PENDING} out. */
    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        try {
            workflow.handleRequest(input, output, context);
        } finally {
            metrics.flush(context);
        }
    }
}
