package io.leavebot.aws;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import io.leavebot.durable.InvocationLogContext;
import io.leavebot.http.WebRequest;
import io.leavebot.http.WebResponse;
import io.leavebot.logging.Logs;
import io.leavebot.notify.NotificationTexts;
import io.leavebot.ops.EmfMetrics;
import io.leavebot.store.Store;
import io.leavebot.teams.TeamsApp;
import io.leavebot.teams.TeamsEndpoint;
import io.leavebot.teams.TeamsSettings;
import io.leavebot.workflow.LeaveRequests;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;

/**
 * The handler of the Teams front end's function ({@code io.leavebot.aws.TeamsFunction::handleRequest}), whose Function
 * URL followed by {@code /api/messages} is the Azure Bot's messaging endpoint: {@link TeamsEndpoint} over DynamoDB
 * (leave requests, and people's Teams conversations) and the deployed workflow function. The secret must hold
 * {@code teamsAppId}, {@code teamsAppPassword} and {@code teamsTenantId}.
 *
 * <p>As for {@link SlackFunction}: everything is built once, in the constructor, and each request is served before
 * its answer; an {@code adaptiveCard/action} invoke is answered in the response, which Teams waits for (a few
 * seconds at most). Bot Framework's keys and the bot's token are fetched on first use and kept for the life of
 * the container.
 */
public final class TeamsFunction implements RequestStreamHandler {
    /** The route its requests are counted under, whatever their path: the Bot Connector sends everything to the messaging endpoint. */
    static final String ROUTE = "/api/messages";

    static {
        Logs.start(); // before anything logs: every line in Lambda's JSON format, masked
        CrtHttps.install(); // its native library loads while the handler starts
    }

    private final TeamsEndpoint teams;
    /** Requests by status, written before each invocation returns. */
    private final EmfMetrics metrics = new EmfMetrics("teams");

    /** Lambda's constructor: settings from the environment, the region's services and Microsoft's. */
    public TeamsFunction() {
        this(AwsSettings.fromEnvironment());
    }

    private TeamsFunction(AwsSettings settings) {
        this(settings, AwsClients.inRegion(settings.region()), Clock.system(settings.zone()), null);
    }

    /**
     * The Teams front end on {@code aws}'s services.
     *
     * @param clock     now, in the deployment's time zone, which decides what "today" is in {@code leave today}
     * @param microsoft Bot Framework's and Entra ID's endpoints for tests; null for the secret's, against Microsoft
     */
    TeamsFunction(AwsSettings settings, AwsClients aws, Clock clock, TeamsSettings microsoft) {
        Store store = FrontEnds.store(settings, aws);
        LeaveRequests leaves = FrontEnds.leaveRequests(settings, aws, store, clock);
        var texts = new NotificationTexts(settings.zone());
        // the settings first: a missing one fails the start without a call to Secrets Manager
        Secrets secrets = aws.secrets(settings.secretArn());
        TeamsSettings bot = microsoft != null ? microsoft : secrets.teams().orElseThrow(() ->
                new SettingsException("The secret " + settings.secretArn() + " has no Teams keys; add teamsAppId, "
                        + "teamsAppPassword and teamsTenantId."));
        this.teams = TeamsApp.connect(bot, store, texts, clock).endpoint(leaves,
                FrontEnds.awayPeriods(settings, store, leaves, clock), settings.policy(), clock,
                FrontEnds.exports(settings, secrets, store, leaves, clock));
    }

    /** One request from the Bot Connector in, its answer out; a failure is answered, never thrown at Lambda. */
    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        try (var logContext = InvocationLogContext.request(context == null ? null : context.getAwsRequestId())) {
            FunctionUrl.serve(input, output, "teams", this::answer, metrics, ROUTE);
        } finally {
            metrics.flush(context);
        }
    }

    private WebResponse answer(WebRequest request) {
        TeamsEndpoint.Reply reply = teams.handle(request.headers(), new String(request.body(), StandardCharsets.UTF_8));
        return new WebResponse(reply.status(), Map.of("Content-Type", reply.contentType()), reply.body());
    }
}
