package io.leavebot.aws;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import io.leavebot.LeaveBotNames;
import io.leavebot.calendar.TeamCalendar;
import io.leavebot.logging.Logs;
import io.leavebot.notify.NotificationTexts;
import io.leavebot.ops.EmfMetrics;
import io.leavebot.ops.MeteredDigestChannel;
import io.leavebot.slack.SlackDigestChannel;
import io.leavebot.slack.SlackWebApi;
import io.leavebot.store.DynamoDbLeaveStore;
import io.leavebot.teams.TeamsApp;
import io.leavebot.teams.TeamsSettings;
import io.leavebot.workflow.DigestChannel;
import io.leavebot.workflow.DigestWorkflow;
import io.leavebot.workflow.Roles;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * The handler of the who's-out digest's durable function ({@code io.leavebot.aws.DigestFunction::handleRequest}):
 * the {@link DigestWorkflow} over DynamoDB, posting to the Slack channel of
 * {@value LeaveBotNames#DIGEST_SLACK_CHANNEL_ENV} with the secret's bot token and to the Teams conversation of
 * {@value LeaveBotNames#DIGEST_TEAMS_CONVERSATION_ENV} with the secret's Teams keys. {@link DigestScheduleFunction}
 * starts its executions. Built once, in the constructor, like every function; a channel set without its chat's keys
 * in the secret fails the init with a message naming both.
 */
public final class DigestFunction implements RequestStreamHandler {
    static {
        Logs.start(); // before anything logs: every line in Lambda's JSON format, masked
        CrtHttps.install(); // its native library loads while the handler starts
    }

    private final DigestWorkflow workflow;
    /** The posts that failed, written before each invocation returns. */
    private final EmfMetrics metrics = new EmfMetrics("digest");

    /** Lambda's constructor: settings from the environment, the region's services, the function role's credentials. */
    public DigestFunction() {
        this(AwsSettings.fromEnvironment(), SlackWebApi.slackCom());
    }

    private DigestFunction(AwsSettings settings, SlackWebApi slackApi) {
        this(settings, AwsClients.inRegion(settings.region()), Clock.systemUTC(), slackApi, null);
    }

    /**
     * The digest on {@code aws}'s services (tests point them at local stand-ins).
     *
     * @param slackApi  Slack's Web API ({@link SlackWebApi#slackCom()}, or a stand-in)
     * @param microsoft Bot Framework's and Entra ID's endpoints for tests; null for the secret's, against Microsoft
     */
    DigestFunction(AwsSettings settings, AwsClients aws, Clock clock, SlackWebApi slackApi, TeamsSettings microsoft) {
        var store = new DynamoDbLeaveStore(aws.dynamoDb(), settings.leavesTable());
        var balances = FrontEnds.balances(settings, store, settings.policy(), clock);
        // the routing says whose team is whose; a channel sees every team's leave, out only
        var calendar = new TeamCalendar(store::forEachOverlapping, new Roles(settings.admins(), settings.routing()),
                balances::calendarOf);
        // the settings first: a missing one fails the start without a call to Secrets Manager
        Secrets secrets = aws.secrets(settings.secretArn());
        List<DigestChannel> channels = new ArrayList<>();
        settings.digestSlackChannel().ifPresent(channel -> channels.add(new SlackDigestChannel(slackApi
                .withToken(secrets.slackBotToken().orElseThrow(() -> missing(LeaveBotNames.DIGEST_SLACK_CHANNEL_ENV,
                        LeaveBotNames.SECRET_SLACK_BOT_TOKEN))), channel)));
        settings.digestTeamsConversation().ifPresent(conversation -> {
            TeamsSettings teams = secrets.teams().map(keys -> microsoft != null ? microsoft : keys)
                    .orElseThrow(() -> missing(LeaveBotNames.DIGEST_TEAMS_CONVERSATION_ENV, LeaveBotNames.SECRET_TEAMS_APP_ID));
            channels.add(TeamsApp.connect(teams, store, new NotificationTexts(settings.zone()), clock)
                    .digestChannel(settings.digestTeamsServiceUrl(), conversation));
        });
        List<DigestChannel> metered = channels.stream().<DigestChannel>map(channel -> new MeteredDigestChannel(channel, metrics)).toList();
        this.workflow = new DigestWorkflow(calendar, store.digestDays(), store, metered, clock);
    }

    private static SettingsException missing(String setting, String secretKey) {
        return new SettingsException(setting + " is set, but the secret has no \"" + secretKey + "\": the digest "
                + "cannot post there. Add the chat's keys to the secret, or unset " + setting + ".");
    }

    /** One invocation of a digest's durable execution. */
    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        try {
            workflow.handleRequest(input, output, context);
        } finally {
            metrics.flush(context);
        }
    }
}
