package io.leavebot.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.leavebot.leave.LeaveStatus;
import io.leavebot.leave.Person;
import io.leavebot.notify.ChatChannel;
import io.leavebot.notify.NotificationTexts;
import io.leavebot.slack.SlackApp;
import io.leavebot.slack.SlackEndpoint;
import io.leavebot.slack.SlackPeople;
import io.leavebot.slack.SlackSettings;
import io.leavebot.teams.TeamsApp;
import io.leavebot.teams.TeamsEndpoint;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * LeaveBot's Teams front end in front of a whole bot ({@link LeaveBotHarness}: the embedded engine on a test clock,
 * SQLite, the real workflow), with Microsoft on WireMock ({@link TeamsApi}) and activities signed like Bot
 * Framework's ({@link TeamsRequests}), sent through {@link TeamsEndpoint} as the web server and the Lambda handler
 * do. The workflow reaches people through the real Teams channel. {@link #withSlack()} adds Slack in front of the
 * same bot, as the real channel and {@link SlackEndpoint} over the WireMock {@link SlackApi}: Slack is tried first,
 * then Teams, then e-mail. Register with {@code @RegisterExtension}.
 */
public final class TeamsHarness implements BeforeEachCallback, AfterEachCallback {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final NotificationTexts TEXTS = new NotificationTexts(ZoneId.of("UTC"));

    private final TeamsApi teams = new TeamsApi();
    private final boolean withSlack;
    private final LeaveBotHarness bot;
    private SlackApi slack;
    private TeamsApp app;
    private TeamsRequests requests;
    private SlackRequests slackRequests;
    private SlackEndpoint slackEndpoint;

    public TeamsHarness() {
        this(false);
    }

    private TeamsHarness(boolean withSlack) {
        this.withSlack = withSlack;
        this.slack = withSlack ? new SlackApi() : null;
        this.bot = new LeaveBotHarness((store, time) -> {
            app = TeamsApp.connect(teams.settings(), store, TEXTS, time);
            List<ChatChannel> chats = new ArrayList<>();
            if (withSlack) {
                chats.add(slack.chatChannel(store));
            }
            chats.add(app.chat());
            return chats;
        });
    }

    /** Slack and Teams in front of the same bot. */
    public static TeamsHarness withSlack() {
        return new TeamsHarness(true);
    }

    /** Everyone's approver (Grace by default); call it when the harness is built. */
    public TeamsHarness withApprover(Person approver) {
        bot.withApprover(approver);
        return this;
    }

    @Override
    public void beforeEach(ExtensionContext context) throws Exception {
        bot.beforeEach(context);
        requests = new TeamsRequests(bot::now, teams);
        if (withSlack) {
            var sdk = SlackSettings.sdk(slack.config());
            var settings = new SlackSettings(SlackApi.BOT_TOKEN, SlackRequests.SIGNING_SECRET, sdk);
            var people = new SlackPeople(settings.webApi(), bot.store(), bot.time(), Duration.ofMinutes(10));
            var slackApp = SlackApp.create(settings, bot.leaves(), bot.away(), people, LeaveBotHarness.POLICY, TEXTS, bot.time());
            slackEndpoint = new SlackEndpoint(slackApp, SlackRequests.SIGNING_SECRET, bot.time());
            slackRequests = new SlackRequests(bot::now, slack.responseUrl());
        }
    }

    @Override
    public void afterEach(ExtensionContext context) throws IOException {
        try {
            teams.close();
            if (slack != null) {
                slack.close();
            }
        } finally {
            bot.afterEach(context);
        }
    }

    /** Who the bot's admins are; before the test starts (nobody by default). */
    public TeamsHarness withAdmins(Person... people) {
        bot.withAdmins(people);
        return this;
    }

    public LeaveBotHarness bot() {
        return bot;
    }

    public TeamsApi teams() {
        return teams;
    }

    public TeamsRequests requests() {
        return requests;
    }

    public SlackApi slack() {
        return slack;
    }

    public SlackRequests slackRequests() {
        return slackRequests;
    }

    /** The messaging endpoint of the bot as it is now. */
    public TeamsEndpoint endpoint() {
        return app.endpoint(bot.leaves(), bot.away(), LeaveBotHarness.POLICY, bot.time(), bot.exports());
    }

    /** Sends the activity as the web server would, and returns what the Bot Connector is told. */
    public TeamsEndpoint.Reply send(TeamsRequests.Signed request) {
        return endpoint().handle(request.headers(), request.body());
    }

    /** Sends an invoke and expects 200; its body as JSON ({@code statusCode}, {@code type}, {@code value}). */
    public JsonNode invoke(TeamsRequests.Signed request) {
        TeamsEndpoint.Reply reply = send(request);
        if (reply.status() != 200) {
            throw new AssertionError("expected 200, got " + reply.status() + ": " + reply.body());
        }
        try {
            return JSON.readTree(reply.body());
        } catch (IOException e) {
            throw new UncheckedIOException("the invoke response is not JSON: " + reply.body(), e);
        }
    }

    /** Sends a Slack request through {@link SlackEndpoint}. */
    public SlackEndpoint.Reply sendToSlack(SlackRequests.Signed request) {
        return slackEndpoint.handle(request.headers(), request.body());
    }

    /** {@code person} messages the bot in Teams for the first time (Teams knows them; the bot saves their chat). */
    public void joinsTeams(Person person) {
        teams.member(person);
        TeamsEndpoint.Reply reply = send(requests.installed(person));
        if (reply.status() != 200) {
            throw new AssertionError("installing the bot answered " + reply.status());
        }
    }

    /** Lets the workflow run, then reads where the request stands. */
    public LeaveStatus settledStatus(String requestId) {
        bot.settle();
        return bot.leave(requestId).status();
    }
}
