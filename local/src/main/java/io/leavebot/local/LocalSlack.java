package io.leavebot.local;

import com.slack.api.SlackConfig;
import com.slack.api.bolt.App;
import com.slack.api.bolt.socket_mode.SocketModeApp;
import io.leavebot.chat.ExportCommands;
import io.leavebot.http.MessagePage;
import io.leavebot.http.WebRequest;
import io.leavebot.http.WebResponse;
import io.leavebot.http.WebServer;
import io.leavebot.leave.LeavePolicy;
import io.leavebot.local.Settings.SettingsException;
import io.leavebot.notify.ChatAddressBook;
import io.leavebot.notify.ChatChannel;
import io.leavebot.notify.NotificationTexts;
import io.leavebot.notify.ChatStatus;
import io.leavebot.notify.UserTokens;
import io.leavebot.slack.ConnectPage;
import io.leavebot.slack.SlackApp;
import io.leavebot.slack.SlackConnect;
import io.leavebot.slack.SlackStatus;
import io.leavebot.slack.TokenSeal;
import io.leavebot.slack.SlackChatChannel;
import io.leavebot.slack.SlackDigestChannel;
import io.leavebot.slack.SlackEndpoint;
import io.leavebot.slack.SlackPeople;
import io.leavebot.slack.SlackSettings;
import io.leavebot.workflow.AwayPeriods;
import io.leavebot.workflow.DigestChannel;
import io.leavebot.workflow.LeaveRequests;
import io.leavebot.workspace.People;
import io.leavebot.workspace.Workspace;
import java.net.InetAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Slack for the local launcher, when {@code SLACK_BOT_TOKEN} is set: the bot's DMs as the workflow's chat channel,
 * and Slack's requests over Socket Mode ({@code SLACK_APP_TOKEN}, no public URL needed) or over HTTP at
 * {@value #EVENTS_PATH} ({@code SLACK_SIGNING_SECRET}). With both, Socket Mode is used. Without a Slack token, the
 * local {@link Workspace} plays Slack, over HTTP at {@value #EVENTS_PATH} like Slack itself.
 */
final class LocalSlack implements AutoCloseable {
    /** Where Slack's HTTP requests (commands, clicks, events) arrive. */
    static final String EVENTS_PATH = "/slack/events";
    static final String CLIENT_ID = "SLACK_CLIENT_ID";
    static final String CLIENT_SECRET = "SLACK_CLIENT_SECRET";
    /** How long a Slack user's name and e-mail are trusted before asking Slack again. */
    private static final Duration PEOPLE_TTL = Duration.ofMinutes(10);

    private final SlackSettings settings;
    private final String appToken;
    private final SlackPeople people;
    private final ChatChannel chat;
    private final Workspace workspace;
    private SocketModeApp socketMode;

    private LocalSlack(SlackSettings settings, String appToken, Workspace workspace, ChatAddressBook addresses, Clock clock,
            NotificationTexts texts) {
        this.settings = settings;
        this.appToken = appToken;
        this.workspace = workspace;
        var methods = settings.webApi();
        this.people = new SlackPeople(methods, addresses, clock, PEOPLE_TTL);
        this.chat = new SlackChatChannel(methods, people, texts);
    }

    /**
     * Slack as the settings configure it, or empty when no Slack variable is set.
     *
     * @throws SettingsException naming the variable that is missing or malformed
     */
    static Optional<LocalSlack> from(Settings settings, ChatAddressBook addresses, Clock clock, NotificationTexts texts) {
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
        return Optional.of(new LocalSlack(slack, app.orElse(null), null, addresses, clock, texts));
    }

    /**
     * The local workspace, unless a Slack setting is set, {@code LEAVEBOT_WORKSPACE=false}, or LeaveBot listens beyond
     * loopback and {@code LEAVEBOT_WORKSPACE=true} does not say that is meant (anyone reaching the page acts as anyone).
     * {@code LEAVEBOT_WORKSPACE_PEOPLE} names its people file; {@code LEAVEBOT_FAST_CLOCK} (or {@code --fast-clock})
     * gives it the time control.
     *
     * @param outbox the outbox folder, whose e-mail the page lists; null when e-mail goes out by SMTP
     * @throws SettingsException when a setting contradicts the workspace
     */
    static Optional<Workspace> workspace(Settings settings, Path dataDir, Path outbox, InetAddress bind) {
        boolean wanted = settings.optional("LEAVEBOT_WORKSPACE").map(v -> settings.flag("LEAVEBOT_WORKSPACE")).orElse(bind.isLoopbackAddress());
        boolean realSlack = Stream.of("SLACK_BOT_TOKEN", "SLACK_APP_TOKEN", "SLACK_SIGNING_SECRET").anyMatch(name -> settings.optional(name).isPresent());
        if (realSlack || !wanted) {
            if (settings.flag("LEAVEBOT_FAST_CLOCK")) {
                throw new SettingsException("--fast-clock (LEAVEBOT_FAST_CLOCK) is the local workspace's time control, and the "
                        + "workspace is off: it plays Slack only when no SLACK_ setting is set, on a loopback address unless "
                        + "LEAVEBOT_WORKSPACE=true, and not with LEAVEBOT_WORKSPACE=false");
            }
            return Optional.empty();
        }
        if (settings.optional("LEAVEBOT_ROUTING_FILE").isPresent()) {
            throw new SettingsException("the local workspace takes who approves whom from its people (LEAVEBOT_WORKSPACE_PEOPLE, "
                    + "or the built-in team), so LEAVEBOT_ROUTING_FILE cannot apply; unset it, or set LEAVEBOT_WORKSPACE=false");
        }
        People people = settings.optional("LEAVEBOT_WORKSPACE_PEOPLE").map(file -> People.fromFile(Path.of(file))).orElseGet(People::defaults);
        return Optional.of(Workspace.builder(dataDir).people(people).fastClock(settings.flag("LEAVEBOT_FAST_CLOCK"))
                .outbox(outbox).loopbackOnly(bind.isLoopbackAddress()).start());
    }

    /** Slack played by the local workspace: LeaveBot configured as for real Slack over HTTP, with the workspace's credentials. */
    static LocalSlack playedBy(Workspace workspace, ChatAddressBook addresses, Clock clock, NotificationTexts texts) {
        return new LocalSlack(workspace.slack(), null, workspace, addresses, clock, texts);
    }

    /**
     * {@code /leave connect}'s flow: with the workspace's own credentials, else with {@code SLACK_CLIENT_ID} and
     * {@code SLACK_CLIENT_SECRET} (both or neither); empty without them.
     *
     * @param publicUrl how people's browsers reach LeaveBot: the redirect URL is under it
     * @throws SettingsException when only one of the two is set
     */
    Optional<SlackConnect> statusLink(Settings env, String publicUrl, String linkSecret, TokenSeal seal, UserTokens tokens,
            Clock clock) {
        Optional<SlackConnect.Settings> oauth;
        if (workspace != null) {
            oauth = Optional.of(workspace.slackConnect(publicUrl));
        } else {
            Optional<String> id = env.optional(CLIENT_ID);
            Optional<String> secret = env.optional(CLIENT_SECRET);
            if (id.isPresent() != secret.isPresent()) {
                throw new SettingsException("Slack status needs both " + CLIENT_ID + " and " + CLIENT_SECRET + " (Basic "
                        + "Information → App Credentials), but " + (id.isPresent() ? CLIENT_SECRET : CLIENT_ID) + " is not set");
            }
            oauth = id.map(clientId -> new SlackConnect.Settings(clientId, secret.get(),
                    publicUrl.replaceAll("/+$", "") + SlackConnect.CALLBACK_PATH, SlackConnect.SLACK_AUTHORIZE_URL));
        }
        return oauth.map(o -> new SlackConnect(o, settings.webApi(), linkSecret, seal, tokens, clock));
    }

    /** People's Slack status while on leave, with the tokens they granted through {@link #statusLink}. */
    ChatStatus status(UserTokens tokens, TokenSeal seal, Clock clock) {
        return new SlackStatus(settings.webApi(), tokens, seal, clock);
    }

    /** The workflow's chat channel: DMs from the bot. */
    ChatChannel chat() {
        return chat;
    }

    /** The Slack channel ({@code C…}) the who's-out digest is posted to by the bot. */
    DigestChannel digestChannel(String channel) {
        return new SlackDigestChannel(settings.webApi(), channel);
    }

    /**
     * Makes Slack's requests reach LeaveBot: serves them at {@value #EVENTS_PATH} on {@code web}, or connects over
     * Socket Mode once {@link #start} is called.
     */
    void connect(LeaveRequests leaves, AwayPeriods away, LeavePolicy policy, NotificationTexts texts, Clock today,
            WebServer.Builder web, ExportCommands exports, Optional<SlackConnect> statusLink) {
        App app = SlackApp.create(settings, leaves, away, people, policy, texts, today, exports, statusLink.orElse(null));
        statusLink.map(ConnectPage::new).ifPresent(page -> web.mount(SlackConnect.CALLBACK_PATH, MessagePage.serving(query -> {
            ConnectPage.Answer answer = page.answer(query);
            return new MessagePage(answer.status(), answer.title(), answer.paragraphs());
        })));
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

    /** Opens the Socket Mode connection, or points the workspace at LeaveBot's web server, if that is how Slack reaches LeaveBot. */
    void start(URI web) {
        if (workspace != null) {
            workspace.sendTo(web.resolve(EVENTS_PATH));
        }
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
        if (workspace != null) {
            return "the local workspace, Slack played in your browser: open " + webUri + "/"
                    + (workspace.hasFastClock() ? " (with the time control of --fast-clock)" : "");
        }
        return socketMode != null ? "Socket Mode (SLACK_APP_TOKEN)" : "HTTP at " + webUri + EVENTS_PATH + " (SLACK_SIGNING_SECRET)";
    }

    private static WebResponse serve(SlackEndpoint endpoint, WebRequest request) {
        Map<String, List<String>> headers = request.headers().entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> List.of(e.getValue())));
        var reply = endpoint.handle(headers, new String(request.body(), StandardCharsets.UTF_8));
        return new WebResponse(reply.status(), Map.of("Content-Type", reply.contentType()), reply.body());
    }

    /** Whether the local workspace plays Slack. */
    boolean isWorkspace() {
        return workspace != null;
    }

    @Override
    public void close() {
        if (workspace != null) {
            workspace.close();
        }
        if (socketMode != null) {
            try {
                socketMode.stop();
            } catch (Exception e) {
                // shutting down: the connection goes with the process
            }
        }
    }
}
