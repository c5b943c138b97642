package io.leavebot.aws;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import io.leavebot.durable.InvocationLogContext;
import io.leavebot.email.DecisionLinks;
import io.leavebot.exports.CalendarFeeds;
import io.leavebot.exports.LeaveReport;
import io.leavebot.exports.ReportLinks;
import io.leavebot.http.ChatApp;
import io.leavebot.http.MessagePage;
import io.leavebot.http.WebApp;
import io.leavebot.logging.Logs;
import io.leavebot.ops.EmfMetrics;
import io.leavebot.slack.ConnectPage;
import io.leavebot.slack.SlackConnect;
import io.leavebot.slack.SlackWebApi;
import io.leavebot.store.Store;
import io.leavebot.workflow.LeaveRequests;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Clock;

/**
 * The handler of the function behind the decision-link and JSON API Function URL
 * ({@code io.leavebot.aws.ApiFunction::handleRequest}): the same {@link WebApp} the local server runs, over DynamoDB
 * and the deployed workflow function. {@code /decide} shows and answers e-mail decision links;
 * {@code /api/leaves} is on when the secret has an {@code apiKey}; {@code /calendar/<token>.ics} serves the calendar
 * feeds and {@code /reports/leave.csv} the report links the chat functions sign (with the API key also
 * {@code /api/calendar.ics} and {@code /api/reports/leave.csv}); {@code /slack/oauth/callback} (Slack's redirect
 * back from {@code /leave connect}) is on when the secret has the Slack status keys. Executions are started with {@code Invoke}
 * (asynchronous, with the durable execution name) and approvals sent with
 * {@code SendDurableExecutionCallbackSuccess} / {@code Failure}.
 *
 * <p>Lambda makes one instance per execution environment and keeps it, so settings, the secret and the SDK
 * clients are read and built once, in the constructor; an invocation only serves its request.
 */
public final class ApiFunction implements RequestStreamHandler {
    static {
        Logs.start(); // before anything logs: every line in Lambda's JSON format, masked
        CrtHttps.install(); // its native library loads while the handler starts
    }

    /**
     * The base of the links this function checks. It never makes a link, so the base goes nowhere; and its own
     * Function URL cannot be in its environment (CloudFormation would see a circular reference).
     */
    static final String LINKS_NOT_MADE_HERE = "https://decision-links.invalid" + AwsSettings.DECIDE_PATH;

    private final WebApp web;
    /** Requests by route and status, written before each invocation returns. */
    private final EmfMetrics metrics = new EmfMetrics("api");

    /** Lambda's constructor: settings from the environment, the region's services, the function role's credentials. */
    public ApiFunction() {
        this(AwsSettings.fromEnvironment());
    }

    private ApiFunction(AwsSettings settings) {
        this(settings, AwsClients.inRegion(settings.region()), Clock.systemUTC(), SlackWebApi.slackCom());
    }

    /** The pages and API on {@code aws}'s services (tests point them at local stand-ins), Slack at slack.com. */
    ApiFunction(AwsSettings settings, AwsClients aws, Clock clock) {
        this(settings, aws, clock, SlackWebApi.slackCom());
    }

    /** As above, with Slack's Web API (for {@code oauth.v2.access}) where {@code slackApi} says. */
    ApiFunction(AwsSettings settings, AwsClients aws, Clock clock, SlackWebApi slackApi) {
        Store store = FrontEnds.store(settings, aws);
        LeaveRequests leaves = FrontEnds.leaveRequests(settings, aws, store, clock);
        // the settings first: a missing one fails the start without a call to Secrets Manager
        Secrets secrets = aws.secrets(settings.secretArn());
        DecisionLinks links = secrets.decisionLinks(LINKS_NOT_MADE_HERE);
        var web = WebApp.builder(leaves)
                .countedIn(metrics)
                .clock(clock)
                .zone(settings.zone())
                .decisionLinks(links)
                // feeds by token, the organisation's with the API key, and reports by key or by the chat's signed links
                .calendarFeeds(new CalendarFeeds(store, store, leaves.roles(), FrontEnds.inZone(settings, clock), LINKS_NOT_MADE_HERE))
                .reports(new LeaveReport(store, leaves.balances()), new ReportLinks(links, LINKS_NOT_MADE_HERE, clock))
                .awayPeriods(FrontEnds.awayPeriods(settings, store, leaves, clock));
        secrets.apiKey().ifPresent(web::apiKey);
        // the chat apps the workflow function reaches people in, from the same secret
        secrets.slackBotToken().ifPresent(token -> web.chatApp(ChatApp.SLACK));
        secrets.teams().ifPresent(teams -> web.chatApp(ChatApp.TEAMS));
        // Slack's redirect back from /leave connect: the URL it names is in the signed state (this function cannot know its own)
        secrets.slackStatus(() -> null).map(keys -> new ConnectPage(new SlackConnect(keys.oauth(), slackApi,
                keys.linkSecret(), keys.seal(), store, clock))).ifPresent(page -> web.mount(SlackConnect.CALLBACK_PATH,
                MessagePage.serving(query -> {
                    ConnectPage.Answer answer = page.answer(query);
                    return new MessagePage(answer.status(), answer.title(), answer.paragraphs());
                })));
        this.web = web.build();
    }

    /** One Function URL request in, its response out; a failure is answered, never thrown at Lambda. */
    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        try (var logContext = InvocationLogContext.request(context == null ? null : context.getAwsRequestId())) {
            FunctionUrl.serve(input, output, "api", web::serve);
        } finally {
            metrics.flush(context);
        }
    }
}
