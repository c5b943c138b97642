package io.leavebot.aws;

import io.leavebot.durable.lambda.AwsCredentials;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.leavebot.LeaveBotNames;
import io.leavebot.durable.engine.DurableCredentials;
import io.leavebot.durable.engine.DurableRestServer;
import io.leavebot.durable.engine.EmbeddedEngine;
import io.leavebot.durable.engine.TestClock;
import io.leavebot.store.DynamoDbLeaveStore;
import io.leavebot.store.DynamoDbLeaveTable;
import io.leavebot.leave.LeaveRequest;
import io.leavebot.leave.Person;
import io.leavebot.testing.Dynalite;
import io.leavebot.testing.EngineTime;
import io.leavebot.testing.SampleLeaves;
import io.leavebot.testing.SecretsManagerStub;
import io.leavebot.testing.SesLocal;
import io.leavebot.testing.SesLocal.StoredEmail;
import io.leavebot.testing.SlackApi;
import io.leavebot.testing.SlackRequests;
import io.leavebot.testing.TeamsApi;
import io.leavebot.testing.TeamsRequests;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;

/**
 * LeaveBot's AWS functions, offline, fresh for each test (register it once per class:
 * {@code @RegisterExtension static final AwsFunctions aws = new AwsFunctions();}, or {@link #inSlack()}):
 * {@link WorkflowFunction} registered as the durable function of an embedded engine (on a test clock) whose Lambda
 * REST façade the front ends reach through a real {@code LambdaClient}; DynamoDB on dynalite (started for the class,
 * a new table per test), SES on aws-ses-v2-local (started for the class, emptied before each test), the secret from
 * a {@link SecretsManagerStub}. The Lambda calls pass through a WireMock proxy that records them, so a test sees
 * each {@code Invoke} and callback on the wire ({@link #lambdaWire()}). {@link #api} drives {@link ApiFunction} with
 * Function URL events. The workflow function is deployed as {@value #WORKFLOW}, not under LeaveBot's own name for
 * it, and invoked through its alias, as on AWS. {@link #inSlack()} adds Slack: its Web API on WireMock
 * ({@link #slackApi()}, where Ada, Grace and Alan are members), the workflow's DMs sent there, and {@link #slack}
 * driving {@link SlackFunction} with requests signed like Slack's ({@link #slackRequests()}). {@link #inTeams()} adds
 * Teams instead: Microsoft on WireMock ({@link #teamsApi()}), the secret with the Teams keys, the workflow's cards
 * sent there, and {@link #teams} driving {@link TeamsFunction} with activities signed like Bot Framework's
 * ({@link #teamsRequests()}).
 */
final class AwsFunctions implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, AfterEachCallback {
    static final String WORKFLOW = "leavebot-workflow";
    /** The front ends' names in {@link #tableCalls} (the workflow's is {@link #WORKFLOW}). */
    static final String API = "api";
    static final String SLACK = "slack";
    static final String TEAMS = "teams";
    /** The functions' static credentials, which the engine's Lambda API accepts (the other stand-ins take any). */
    static final DurableCredentials LAMBDA_KEY = new DurableCredentials("AKIDLOCALTEST", "local-test-secret-0123456789");
    static final String WORKFLOW_ALIAS_ARN = "arn:aws:lambda:us-east-1:123456789012:function:" + WORKFLOW + ":live";
    static final String SECRET_ARN = "arn:aws:secretsmanager:us-east-1:123456789012:secret:leavebot-Ab12Cd";
    static final String PUBLIC_URL = "https://abc123def.lambda-url.us-east-1.on.aws/";
    static final String LINK_KEY = "decision-link-key-7c0f2a9e4b81d3566a0e";
    static final String API_KEY = "api-key-from-the-secret-93b1e07d";
    static final String BOT_TOKEN = "xoxb-000111222-333444555-SeCrEtBoTtOkEn";
    /** The one {@link SlackRequests} signs with. */
    static final String SIGNING_SECRET = SlackRequests.SIGNING_SECRET;
    /** The Lambda API path of an {@code Invoke} of the workflow function's alias. */
    static final String INVOKE_THE_ALIAS = "/2015-03-31/functions/"
            + "arn%3Aaws%3Alambda%3Aus-east-1%3A123456789012%3Afunction%3Aleavebot-workflow%3Alive/invocations";
    /** The Lambda API path that completes a callback with success. */
    static final String CALLBACK_SUCCESS = "/2025-12-01/durable-execution-callbacks/.+/succeed";
    private static final Pattern REQUEST_ID = Pattern.compile("Its id is ([0-9a-z-]+)\\.");
    /** Every value of the secret, to look for where none may appear. */
    static final List<String> SECRET_VALUES = List.of(LINK_KEY, API_KEY, BOT_TOKEN, SIGNING_SECRET, TeamsApi.APP_PASSWORD);
    /** The secret as stored: every key LeaveBot reads. */
    static final String SECRET = "{\"decisionLinkKey\": \"" + LINK_KEY + "\", \"apiKey\": \"" + API_KEY
            + "\", \"slackBotToken\": \"" + BOT_TOKEN + "\", \"slackSigningSecret\": \"" + SIGNING_SECRET + "\"}";
    /** The secret of {@link #inTeams()}: every key LeaveBot reads, the Teams keys those of {@link TeamsApi}. */
    static final String TEAMS_SECRET = SECRET.substring(0, SECRET.length() - 1) + ", \"teamsAppId\": \"" + TeamsApi.APP_ID
            + "\", \"teamsAppPassword\": \"" + TeamsApi.APP_PASSWORD + "\", \"teamsTenantId\": \"" + TeamsApi.TENANT + "\"}";
    /** The one admin (LEAVEBOT_ADMINS): she adjusts balances and cancels anyone's leave. */
    static final String ADMIN = "hr@example.org";
    /** Grace approves everyone; she has a Slack id, which only a workflow with a chat channel uses. */
    static final String ROUTING = "{\"default\": {\"email\": \"grace@example.org\", \"slack\": \"U02GRACE\", "
            + "\"name\": \"Grace Hopper\"}}";

    private final Dynalite dynalite = new Dynalite();
    private final SesLocal ses = new SesLocal();
    private final ChatChannels chat;
    private final boolean inSlack;
    private final boolean inTeams;
    private Path dir;
    private TestClock clock;
    private String table;
    private SecretsManagerStub secrets;
    private EmbeddedEngine engine;
    private DurableRestServer rest;
    private WireMockServer lambdaWire;
    private ApiFunction api;
    private SlackApi slackApi;
    private SlackRequests slackRequests;
    private SlackFunction slackFunction;
    private TeamsApi teamsApi;
    private TeamsRequests teamsRequests;
    private TeamsFunction teamsFunction;
    private final Map<String, TableCalls> tableCalls = new HashMap<>();

    /** Everyone is reached by e-mail. */
    AwsFunctions() {
        this(ChatChannels.EMAIL_ONLY);
    }

    /** The workflow function opens its chat channel with {@code chat}. */
    AwsFunctions(ChatChannels chat) {
        this(chat, false, false);
    }

    private AwsFunctions(ChatChannels chat, boolean inSlack, boolean inTeams) {
        this.chat = chat;
        this.inSlack = inSlack;
        this.inTeams = inTeams;
    }

    /** LeaveBot in Slack as well: the Slack function, and the workflow's DMs to Slack (on WireMock). */
    static AwsFunctions inSlack() {
        return new AwsFunctions(null, true, false);
    }

    /**
     * LeaveBot in Teams as well (not in Slack): the Teams function, and the workflow's cards to Teams, with the
     * secret's Teams keys and Microsoft on WireMock.
     */
    static AwsFunctions inTeams() {
        return new AwsFunctions(ChatChannels.EMAIL_ONLY, false, true);
    }

    /** Starts dynalite and aws-ses-v2-local, once for the test class. */
    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        dynalite.start();
        ses.start();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        dynalite.close();
        ses.close();
    }

    @Override
    public void beforeEach(ExtensionContext context) throws Exception {
        dir = Files.createTempDirectory("leavebot-aws");
        clock = new TestClock();
        ses.clear();
        table = Dynalite.uniqueTableName(LeaveBotNames.LEAVES_TABLE);
        DynamoDbLeaveTable.create(dynalite.client(), table);
        secrets = new SecretsManagerStub().secret(SECRET_ARN, inTeams ? TEAMS_SECRET : SECRET);
        engine = EmbeddedEngine.builder(dir.resolve("engine.db")).clock(clock).build();
        rest = DurableRestServer.builder(engine, LAMBDA_KEY).start();
        // the Host header is signed: the proxy passes it on as the functions' SDK sent it
        lambdaWire = new WireMockServer(wireMockConfig().dynamicPort().bindAddress("127.0.0.1").preserveHostHeader(true));
        lambdaWire.start();
        lambdaWire.stubFor(any(anyUrl()).willReturn(aResponse().proxiedFrom(rest.uri().toString())));
        if (inSlack) {
            startSlack();
        }
        if (inTeams) {
            startTeams();
        }
        ChatChannels workflowChat = inSlack ? ChatChannels.slack(slackApi.webApi()) : chat;
        engine.register(WORKFLOW, new WorkflowFunction(settings(Map.of()), clients(WORKFLOW), time(), workflowChat,
                inTeams ? teamsApi.settings() : null)).start();
        api = new ApiFunction(settings(Map.of()), clients(API), time());
    }

    /** Slack's Web API with Ada, Grace and Alan, the Slack function on it, and requests from Slack. */
    private void startSlack() {
        slackApi = new SlackApi();
        for (Person person : List.of(SampleLeaves.ADA, SampleLeaves.GRACE, SampleLeaves.ALAN)) {
            slackApi.member(SampleLeaves.slackIdOf(person), person.email(), person.displayName());
        }
        slackRequests = new SlackRequests(clock::now, slackApi.responseUrl());
        slackFunction = new SlackFunction(settings(Map.of()), clients(SLACK), time(), slackApi.config());
    }

    /** Microsoft's side of Teams, and the Teams function on it. */
    private void startTeams() {
        teamsApi = new TeamsApi();
        teamsRequests = new TeamsRequests(clock::now, teamsApi);
        teamsFunction = new TeamsFunction(settings(Map.of()), clients(TEAMS), time(), teamsApi.settings());
    }

    @Override
    public void afterEach(ExtensionContext context) throws IOException {
        List<AutoCloseable> resources = new ArrayList<>(Arrays.<AutoCloseable>asList(lambdaWire::stop, rest, engine, secrets,
                slackApi, teamsApi));
        resources.addAll(tableCalls.values());
        tableCalls.clear();
        for (AutoCloseable resource : resources) {
            try {
                if (resource != null) {
                    resource.close();
                }
            } catch (Exception e) {
                throw new IllegalStateException("cannot close " + resource + ": " + e, e);
            }
        }
        try (var files = Files.walk(dir)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        }
    }

    /** The functions' environment as the stack sets it, with {@code changes} (a blank value unsets a variable). */
    Map<String, String> environment(Map<String, String> changes) {
        Map<String, String> env = new HashMap<>(Map.of(
                "AWS_REGION", "us-east-1",
                LeaveBotNames.LEAVES_TABLE_ENV, table,
                LeaveBotNames.SECRET_ARN_ENV, SECRET_ARN,
                LeaveBotNames.MAIL_FROM_ENV, "LeaveBot <leavebot@example.org>",
                LeaveBotNames.PUBLIC_URL_ENV, PUBLIC_URL,
                LeaveBotNames.WORKFLOW_FUNCTION_ENV, WORKFLOW_ALIAS_ARN,
                LeaveBotNames.ROUTING_ENV, ROUTING,
                LeaveBotNames.APPROVAL_TIMEOUT_ENV, "P3D",
                LeaveBotNames.ADMINS_ENV, ADMIN));
        env.putAll(changes);
        return env;
    }

    AwsSettings settings(Map<String, String> changes) {
        return AwsSettings.of(environment(changes));
    }

    /** Every service at its stand-in, the Lambda API through the recording proxy. */
    AwsClients clients() {
        var credentials = AwsCredentials.of(LAMBDA_KEY.accessKeyId(), LAMBDA_KEY.secretAccessKey());
        return new AwsClients("us-east-1", credentials, dynalite.endpoint(), ses.endpoint(),
                URI.create(lambdaWire.baseUrl()), secrets.endpoint());
    }

    /**
     * As {@link #clients()}, DynamoDB through {@code function}'s own recording proxy ({@link #tableCalls}): one of
     * {@link #WORKFLOW}, {@link #API}, {@link #SLACK}, {@link #TEAMS}.
     */
    private AwsClients clients(String function) {
        URI table = tableCalls.computeIfAbsent(function, f -> new TableCalls(dynalite.endpoint())).endpoint();
        AwsClients direct = clients();
        return new AwsClients(direct.region(), direct.credentials(), table, direct.sesEndpoint(), direct.lambdaEndpoint(),
                direct.secretsManagerEndpoint());
    }

    /** The DynamoDB calls the function made in this test, oldest first, as IAM sees them; see {@link #clients(String)}. */
    List<TableCalls.Call> tableCalls(String function) {
        return tableCalls.containsKey(function) ? tableCalls.get(function).calls() : List.of();
    }

    /** The engine's test clock as the {@link Clock} the functions read. */
    Clock time() {
        return new EngineTime(clock::now);
    }

    /** Sends a Function URL request to the API function; see {@link FunctionUrlEvents#event}. */
    FunctionUrlEvents.Answer api(String method, String pathAndQuery, Map<String, String> headers, String body, boolean base64) {
        return FunctionUrlEvents.invoke(api, FunctionUrlEvents.event(method, pathAndQuery, headers, body, base64));
    }

    ApiFunction apiFunction() {
        return api;
    }

    /** Sends a request from Slack to {@link SlackFunction}; see {@link #slackEvent}. */
    FunctionUrlEvents.Answer slack(SlackRequests.Signed request, boolean base64) {
        return FunctionUrlEvents.invoke(slackFunction, slackEvent(request, base64));
    }

    /** A request from Slack as the Slack function's Function URL passes it on, the body as text or base64. */
    static String slackEvent(SlackRequests.Signed request, boolean base64) {
        Map<String, String> headers = new HashMap<>();
        request.headers().forEach((name, values) -> headers.put(name, String.join(",", values)));
        return FunctionUrlEvents.event("POST", "/slack/events", headers, request.body(), base64);
    }

    /** Slack's Web API, with the calls both functions made ({@link #inSlack()} only). */
    SlackApi slackApi() {
        return slackApi;
    }

    /** Requests as Slack sends them, signed with the secret's signing secret at the engine clock's now. */
    SlackRequests slackRequests() {
        return slackRequests;
    }

    /** Sends an activity from the Bot Connector to {@link TeamsFunction}; see {@link #teamsEvent}. */
    FunctionUrlEvents.Answer teams(TeamsRequests.Signed request, boolean base64) {
        return FunctionUrlEvents.invoke(teamsFunction, teamsEvent(request, base64));
    }

    /** An activity as the Teams function's Function URL passes it on, at the messaging endpoint's path. */
    static String teamsEvent(TeamsRequests.Signed request, boolean base64) {
        return FunctionUrlEvents.event("POST", "/api/messages", request.headers(), request.body(), base64);
    }

    /** Microsoft's side of Teams, with the calls both functions made ({@link #inTeams()} only). */
    TeamsApi teamsApi() {
        return teamsApi;
    }

    /** Activities as the Bot Connector sends them, signed at the engine clock's now. */
    TeamsRequests teamsRequests() {
        return teamsRequests;
    }

    /** The request id in a chat reply ("… Its id is {@code id}."). */
    static String requestIdIn(String reply) {
        Matcher id = REQUEST_ID.matcher(reply);
        assertTrue(id.find(), reply);
        return id.group(1);
    }

    /** Exactly one execution of request {@code id} was started, with an asynchronous {@code Invoke} of the alias. */
    void verifyStartedAsynchronously(String id) {
        lambdaWire.verify(1, postRequestedFor(urlMatching(INVOKE_THE_ALIAS))
                .withHeader("X-Amz-Invocation-Type", equalTo("Event"))
                .withHeader("X-Amz-Durable-Execution-Name", equalTo("leave-" + id)));
    }

    /** Lets the engine run until nothing is due. */
    void settle() {
        assertTrue(engine.awaitIdle(Duration.ofSeconds(20)), "the engine did not settle");
    }

    void advance(Duration duration) {
        clock.advance(duration);
        settle();
    }

    EmbeddedEngine engine() {
        return engine;
    }

    /** A real {@code LambdaClient} on the engine's REST façade, as an operator's SDK or CLI reaches it. */
    software.amazon.awssdk.services.lambda.LambdaClient lambda() {
        AwsClients clients = clients();
        return software.amazon.awssdk.services.lambda.LambdaClient.builder().region(Region.of(clients.region()))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(
                        clients.credentials().accessKeyId(), clients.credentials().secretAccessKey())))
                .endpointOverride(clients.lambdaEndpoint())
                .httpClientBuilder(software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient.builder()).build();
    }

    /** The request's audit as the table holds it. */
    List<io.leavebot.leave.AuditEntry> audit(String id) {
        return new DynamoDbLeaveStore(dynalite.dynamoDb(), table).audit(id);
    }

    /** The callback approved leave's execution watches, as the table holds it. */
    java.util.Optional<String> watchCallback(String id) {
        return new DynamoDbLeaveStore(dynalite.dynamoDb(), table).watchCallback(id);
    }

    /** The request as the table holds it. */
    LeaveRequest leave(String id) {
        return new DynamoDbLeaveStore(dynalite.dynamoDb(), table).get(id).orElseThrow();
    }

    /** Messages SES received for {@code to} whose subject starts with {@code subjectStart}. */
    List<StoredEmail> mailTo(String to, String subjectStart) {
        try {
            return ses.emails().stream().filter(m -> m.to().contains(to) && m.subject().startsWith(subjectStart)).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    SecretsManagerStub secrets() {
        return secrets;
    }

    /** The Lambda API calls the functions made, as they went over the wire. */
    WireMockServer lambdaWire() {
        return lambdaWire;
    }
}
