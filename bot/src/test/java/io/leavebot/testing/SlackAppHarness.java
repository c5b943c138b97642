package io.leavebot.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.slack.api.bolt.App;
import io.leavebot.durable.model.ExecutionQuery;
import io.leavebot.leave.LeaveRequest;
import io.leavebot.leave.LeaveStatus;
import io.leavebot.leave.Person;
import io.leavebot.notify.NotificationTexts;
import io.leavebot.slack.SlackApp;
import io.leavebot.slack.SlackEndpoint;
import io.leavebot.slack.SlackEndpoint.Reply;
import io.leavebot.slack.SlackPeople;
import io.leavebot.slack.SlackSettings;
import io.leavebot.workflow.LeaveRequests;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * LeaveBot's Slack app in front of a whole bot ({@link LeaveBotHarness}: the embedded engine on a test clock,
 * SQLite, the real workflow), with Slack's Web API on WireMock ({@link SlackApi}, where Ada, Grace and Alan are
 * members) and requests signed like Slack's ({@link SlackRequests}), sent through {@link SlackEndpoint} as the
 * web server and the Lambda handler do. The workflow's direct messages are kept by a {@link RecordingChat}. Register
 * with {@code @RegisterExtension}; everything is built before and closed after each test.
 */
public final class SlackAppHarness implements BeforeEachCallback, AfterEachCallback {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final RecordingChat chat = new RecordingChat();
    private final LeaveBotHarness bot = new LeaveBotHarness(chat);
    private SlackApi slack;
    private SlackRequests requests;
    private App app;
    private SlackEndpoint endpoint;

    @Override
    public void beforeEach(ExtensionContext context) throws Exception {
        bot.beforeEach(context);
        slack = new SlackApi();
        for (Person person : List.of(SampleLeaves.ADA, SampleLeaves.GRACE, SampleLeaves.ALAN)) {
            slack.member(SampleLeaves.slackIdOf(person), person.email(), person.displayName());
        }
        // the SDK and the clients as the composition roots build them
        var sdk = SlackSettings.sdk(slack.config());
        var settings = new SlackSettings(SlackApi.BOT_TOKEN, SlackRequests.SIGNING_SECRET, sdk);
        var people = new SlackPeople(settings.webApi(), bot.store(), bot.time(), Duration.ofMinutes(10));
        app = SlackApp.create(settings, bot.leaves(), bot.away(), people, LeaveBotHarness.POLICY, new NotificationTexts(ZoneId.of("UTC")),
                bot.time(), bot.exports());
        endpoint = new SlackEndpoint(app, SlackRequests.SIGNING_SECRET, bot.time());
        requests = new SlackRequests(bot::now, slack.responseUrl());
    }

    @Override
    public void afterEach(ExtensionContext context) throws IOException {
        try {
            slack.close();
        } finally {
            bot.afterEach(context);
        }
    }

    /** Who the bot's admins are; before the test starts (nobody by default). */
    public SlackAppHarness withAdmins(Person... people) {
        bot.withAdmins(people);
        return this;
    }

    public LeaveBotHarness bot() {
        return bot;
    }

    public SlackApi slack() {
        return slack;
    }

    public SlackRequests requests() {
        return requests;
    }

    public RecordingChat chat() {
        return chat;
    }

    public App app() {
        return app;
    }

    /** How many leave workflows were ever started. */
    public int executions() {
        return bot.engine().listExecutions(LeaveRequests.FUNCTION, ExecutionQuery.all()).executions().size();
    }

    /** Sends the request as the web server would, and returns what Slack is told. */
    public Reply send(SlackRequests.Signed request) {
        return endpoint.handle(request.headers(), request.body());
    }

    /** Sends the request and expects 200; the body as JSON (an empty body reads as an empty object). */
    public JsonNode sendOk(SlackRequests.Signed request) {
        Reply reply = send(request);
        if (reply.status() != 200) {
            throw new AssertionError("expected 200, got " + reply.status() + ": " + reply.body());
        }
        try {
            return reply.body().isEmpty() ? JSON.createObjectNode() : JSON.readTree(reply.body());
        } catch (IOException e) {
            throw new UncheckedIOException("the reply is not JSON: " + reply.body(), e);
        }
    }

    /** Submits Ada's sample request (to Grace) and lets the workflow run until Grace has been asked. */
    public LeaveRequest submitted(String requestId) {
        return bot.submitted(requestId);
    }

    /** Lets the workflow run, then reads where the request stands. */
    public LeaveStatus settledStatus(String requestId) {
        bot.settle();
        return bot.leave(requestId).status();
    }

    /** The view of the newest {@code views.publish} call (a Home tab). */
    public JsonNode publishedHome() {
        List<Map<String, String>> calls = slack.calls("views.publish");
        if (calls.isEmpty()) {
            throw new AssertionError("no Home tab was published");
        }
        return SlackApi.json(calls.get(calls.size() - 1), "view");
    }
}
