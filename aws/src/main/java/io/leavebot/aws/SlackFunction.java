package io.leavebot.aws;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import io.leavebot.durable.InvocationLogContext;
import io.leavebot.http.WebRequest;
import io.leavebot.http.WebResponse;
import io.leavebot.logging.Logs;
import io.leavebot.notify.NotificationTexts;
import io.leavebot.ops.EmfMetrics;
import io.leavebot.slack.SlackApp;
import io.leavebot.slack.SlackConnect;
import io.leavebot.slack.SlackEndpoint;
import io.leavebot.slack.SlackPeople;
import io.leavebot.slack.SlackSettings;
import io.leavebot.slack.SlackWebApi;
import io.leavebot.workflow.LeaveRequests;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The handler of the Slack front end's function ({@code io.leavebot.aws.SlackFunction::handleRequest}), whose Function
 * URL is the Slack app's Request URL for {@code /leave}, interactivity and events: LeaveBot's Bolt app
 * ({@link SlackApp}) over DynamoDB and the deployed workflow function. A command starts an execution with
 * {@code Invoke} (asynchronous, with the durable execution name); a decision resolves the approver's callback with
 * {@code SendDurableExecutionCallbackSuccess} / {@code Failure}. The secret must hold {@code slackBotToken} and
 * {@code slackSigningSecret}.
 *
 * <p>Slack gives an app 3 seconds to answer, cold start included, so nothing here calls Slack before a request needs
 * it: building the app makes no Web API call ({@link SlackApp}), and the SDK comes from {@link SlackSettings#sdk}, so
 * it asks no {@code auth.test} before a token's first call. Lambda makes one instance per execution environment and
 * keeps it, so settings, the secret, the SDK and AWS clients and the app are built once, in the constructor. Every
 * listener does its work before its answer and starts no thread: Lambda freezes the environment once the response is
 * returned, so work left for later would stall until the next request, or never happen; the slow part of a leave
 * request is the workflow's, in its own function.
 *
 * <p>Why not {@code bolt-aws-lambda}'s {@code SlackApiLambdaHandler}: it hands each request straight to the app, so
 * the only check would be the app's own: none in LeaveBot's app, which leaves verification to {@link SlackEndpoint},
 * or else Bolt's {@code RequestVerification}, which lets any future timestamp pass and compares signatures in variable
 * time. Keeping {@link SlackEndpoint}'s check would mean overriding the handler's request path, and then nothing of it
 * is left but reading the event, which {@link FunctionUrl} already does for {@link ApiFunction}. It would also bring
 * answers of its own for bad requests, log the raw body (names, reasons, Slack's verification token) when a listener
 * fails, call {@code app.start()} in its constructor, and keep its older release line (1.45) beside Bolt 1.51.
 */
public final class SlackFunction implements RequestStreamHandler {
    /** The route its requests are counted under, whatever their path: Slack sends everything to one Request URL. */
    static final String ROUTE = "/slack/events";

    static {
        Logs.start(); // before anything logs: every line in Lambda's JSON format, masked
        CrtHttps.install(); // its native library loads while the handler starts
    }

    private final SlackEndpoint slack;
    /** Requests by status, written before each invocation returns. */
    private final EmfMetrics metrics = new EmfMetrics("slack");

    /** Lambda's constructor: settings from the environment, the region's services and slack.com. */
    public SlackFunction() {
        this(AwsSettings.fromEnvironment());
    }

    private SlackFunction(AwsSettings settings) {
        this(settings, AwsClients.inRegion(settings.region()), Clock.system(settings.zone()), new SlackConfig());
    }

    /**
     * The Slack app on {@code aws}'s services and the Web API {@code slackApi} names (tests point both at local
     * stand-ins).
     *
     * @param clock    now, in the deployment's time zone, which decides what "today" is in {@code /leave today}
     * @param slackApi a new configuration: its defaults call slack.com
     */
    SlackFunction(AwsSettings settings, AwsClients aws, Clock clock, SlackConfig slackApi) {
        settings.routing(); // the settings first: a missing one fails the start without a call to Secrets Manager
        Supplier<Secrets> secret = aws.secretsSoon(settings.secretArn());
        // the SDK's Slack class, as it initialises, builds a default client for Slack.getInstance(), whose OkHttp
        // set-up reads the JDK's trust store and makes an SSL context LeaveBot never uses (its calls go over
        // PlainHttp): ~90 ms of the main thread and ~250 ms in all (2026-12-04), made here beside the stores' start
        Supplier<Slack> sdk = Soon.start("slack-sdk", () -> SlackSettings.sdk(slackApi));
        var store = FrontEnds.store(settings, aws);
        LeaveRequests leaves = FrontEnds.leaveRequests(settings, aws, store, clock);
        var policy = settings.policy();
        var texts = new NotificationTexts(settings.zone());
        Secrets secrets = secret.get();
        SlackSettings workspace = secrets.slack(sdk.get());
        var people = new SlackPeople(workspace.webApi(), store, clock, ChatChannels.SLACK_PEOPLE_TTL);
        // /leave connect when the secret has the Slack status keys: the redirect goes to the API function's URL
        SlackConnect connect = secrets.slackStatus(settings::slackRedirectUrl)
                .map(keys -> new SlackConnect(keys.oauth(), SlackWebApi.at(slackApi.getMethodsEndpointUrlPrefix()), keys.linkSecret(), keys.seal(), store, clock)).orElse(null);
        var app = SlackApp.create(workspace, leaves, FrontEnds.awayPeriods(settings, store, leaves, clock), people, policy, texts, clock,
                FrontEnds.exports(settings, secrets, store, leaves, clock), connect);
        this.slack = new SlackEndpoint(app, workspace.signingSecret(), clock);
    }

    /** One request from Slack in, its answer out; a failure is answered, never thrown at Lambda. */
    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        try (var logContext = InvocationLogContext.request(context == null ? null : context.getAwsRequestId())) {
            FunctionUrl.serve(input, output, "slack", this::answer, metrics, ROUTE);
        } finally {
            metrics.flush(context);
        }
    }

    /** Slack signs the raw body, so it goes to {@link SlackEndpoint} as sent; the path does not matter. */
    private WebResponse answer(WebRequest request) {
        Map<String, List<String>> headers = new HashMap<>();
        request.headers().forEach((name, value) -> headers.put(name, List.of(value)));
        SlackEndpoint.Reply reply = slack.handle(headers, new String(request.body(), StandardCharsets.UTF_8));
        return new WebResponse(reply.status(), Map.of("Content-Type", reply.contentType()), reply.body());
    }
}
