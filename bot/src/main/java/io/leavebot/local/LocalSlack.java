package io.leavebot.local;

import com.slack.api.SlackConfig;
import com.slack.api.bolt.App;
import com.slack.api.bolt.socket_mode.SocketModeApp;
import io.leavebot.http.WebRequest;
import io.leavebot.http.WebResponse;
import io.leavebot.http.WebServer;
import io.leavebot.leave.LeavePolicy;
import io.leavebot.local.Settings.SettingsException;
import io.leavebot.notify.ChatChannel;
import io.leavebot.notify.NotificationTexts;
import io.leavebot.slack.SlackApp;
import io.leavebot.slack.SlackChatChannel;
import io.leavebot.slack.SlackEndpoint;
import io.leavebot.slack.SlackPeople;
import io.leavebot.slack.SlackSettings;
import io.leavebot.workflow.LeaveRequests;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Slack for the local launcher, when {@code SLACK_BOT_TOKEN} is set: the bot's DMs as the workflow's chat channel,
 * and Slack's requests over Socket Mode ({@code SLACK_APP_TOKEN}, no public URL needed) or over HTTP at
 * {@value #EVENTS_PATH} ({@code SLACK_SIGNING_SECRET}). With both, Socket Mode is used.
 */
final class LocalSlack implements AutoCloseable {
    /** Where Slack's HTTP requests (commands, clicks, events) arrive. */
    static final String EVENTS_PATH = "/slack/events";
    /** How long a Slack user's name and e-mail are trusted before asking Slack again. */
    private static final Duration PEOPLE_TTL = Duration.ofMinutes(10);

    private final SlackSettings settings;
    private final String appToken;
    private final SlackPeople people;
    private final ChatChannel chat;
    private SocketModeApp socketMode;

    private LocalSlack(SlackSettings settings, String appToken, Clock clock, NotificationTexts texts) {
        this.settings = settings;
        this.appToken = appToken;
        var methods = settings.slack().methods(settings.botToken());
        this.people = new SlackPeople(methods, clock, PEOPLE_TTL);
        this.chat = new SlackChatChannel(methods, people, texts);
    }

    /**
     * Slack as the settings configure it, or empty when no Slack variable is set.
     *
     * @throws SettingsException naming the variable that is missing or malformed
     */
    static Optional<LocalSlack> from(Settings settings, Clock clock, NotificationTexts texts) {
        Optional<String> bot = settings.optional("SLACK_BOT_TOKEN");
        Optional<String> app = settings.optional("SLACK_APP_TOKEN");
        Optional<String> secret = settings.optional("SLACK_SIGNING_SECRET");
        if (bot.isEmpty()) {
            if (app.isPresent() || secret.isPresent()) {
                throw new SettingsException("Slack needs SLACK_BOT_TOKEN (the Bot User OAuth Token, xoxb-…, under OAuth & "
                        + "Permissions once the app is installed) besides " + (app.isPresent() ? "SLACK_APP_TOKEN" : "SLACK_SIGNING_SECRET"));
            }
            return Optional.empty();
        }
        if (!bot.get().startsWith("xoxb-")) {
            throw new SettingsException("SLACK_BOT_TOKEN must be a bot token starting with xoxb- (OAuth & Permissions → "
                    + "Bot User OAuth Token)");
        }
        if (app.isEmpty() && secret.isEmpty()) {
            throw new SettingsException("SLACK_BOT_TOKEN is set, but Slack cannot reach LeaveBot: set SLACK_APP_TOKEN "
                    + "(xapp-…, for Socket Mode) or SLACK_SIGNING_SECRET (for requests over HTTP at " + EVENTS_PATH + ")");
        }
        if (app.isPresent() && !app.get().startsWith("xapp-")) {
            throw new SettingsException("SLACK_APP_TOKEN must be an app-level token starting with xapp- (Basic "
                    + "Information → App-Level Tokens, with the scope connections:write)");
        }
        SlackConfig config = new SlackConfig();
        settings.optional("SLACK_API_URL").ifPresent(url -> config.setMethodsEndpointUrlPrefix(url.endsWith("/") ? url : url + "/"));
        var slack = new SlackSettings(bot.get(), secret.orElse(null), SlackSettings.sdk(config));
        return Optional.of(new LocalSlack(slack, app.orElse(null), clock, texts));
    }

    /** The workflow's chat channel: DMs from the bot. */
    ChatChannel chat() {
        return chat;
    }

    /**
     * Makes Slack's requests reach LeaveBot: serves them at {@value #EVENTS_PATH} on {@code web}, or connects over
     * Socket Mode once {@link #start} is called.
     */
    void connect(LeaveRequests leaves, LeavePolicy policy, NotificationTexts texts, Clock today, WebServer.Builder web) {
        App app = SlackApp.create(settings, leaves, people, policy, texts, today);
        if (appToken != null) {
            try {
                socketMode = new SocketModeApp(appToken, app);
            } catch (Exception e) {
                throw new SettingsException("Slack's Socket Mode could not be set up with SLACK_APP_TOKEN: " + e.getMessage());
            }
        } else {
            var endpoint = new SlackEndpoint(app, settings.signingSecret(), Clock.systemUTC());
            web.mount(EVENTS_PATH, request -> serve(endpoint, request));
        }
    }

    /** Opens the Socket Mode connection, if that is how Slack reaches LeaveBot. */
    void start() {
        if (socketMode == null) {
            return;
        }
        try {
            socketMode.startAsync();
        } catch (Exception e) {
            throw new SettingsException("Slack's Socket Mode did not connect (check SLACK_APP_TOKEN and that Socket Mode "
                    + "is on in the app's settings): " + e.getMessage());
        }
    }

    /** One line for the welcome message. */
    String describe(String webUri) {
        return socketMode != null ? "Socket Mode (SLACK_APP_TOKEN)" : "HTTP at " + webUri + EVENTS_PATH + " (SLACK_SIGNING_SECRET)";
    }

    private static WebResponse serve(SlackEndpoint endpoint, WebRequest request) {
        Map<String, List<String>> headers = request.headers().entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> List.of(e.getValue())));
        var reply = endpoint.handle(headers, new String(request.body(), StandardCharsets.UTF_8));
        return new WebResponse(reply.status(), Map.of("Content-Type", reply.contentType()), reply.body());
    }

    @Override
    public void close() {
        if (socketMode != null) {
            try {
                socketMode.stop();
            } catch (Exception e) {
                // shutting down: the connection goes with the process
            }
        }
    }
}
