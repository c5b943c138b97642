package io.leavebot.local;

import io.leavebot.chat.ExportCommands;
import io.leavebot.http.WebRequest;
import io.leavebot.http.WebResponse;
import io.leavebot.http.WebServer;
import io.leavebot.notify.ChatAddressBook;
import io.leavebot.leave.LeavePolicy;
import io.leavebot.local.Settings.SettingsException;
import io.leavebot.notify.ChatChannel;
import io.leavebot.notify.NotificationTexts;
import io.leavebot.teams.TeamsApp;
import io.leavebot.teams.TeamsEndpoint;
import io.leavebot.teams.TeamsSettings;
import io.leavebot.workflow.AwayPeriods;
import io.leavebot.workflow.DigestChannel;
import io.leavebot.workflow.LeaveRequests;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Microsoft Teams for the local launcher, when {@code TEAMS_APP_ID} is set: cards in people's chats with the bot as a
 * chat channel, and the Bot Connector's requests at {@value #MESSAGES_PATH} on the web server, which the Azure
 * Bot's messaging endpoint must reach over https (a tunnel or a TLS proxy in front of LeaveBot).
 * {@code TEAMS_OPENID_URL} and {@code TEAMS_TOKEN_URL}, for tests and emulators only, point the bot at stand-ins for
 * Bot Framework's OpenID metadata (whose key set signs inbound tokens) and the tenant's token endpoint; the Bot
 * Connector's address comes with each activity.
 */
final class LocalTeams {
    /** The messaging endpoint's path, as the Azure Bot's configuration names it. */
    static final String MESSAGES_PATH = "/api/messages";
    private static final List<String> VARIABLES = List.of("TEAMS_APP_ID", "TEAMS_APP_PASSWORD", "TEAMS_TENANT_ID");

    private final TeamsApp app;

    private LocalTeams(TeamsApp app) {
        this.app = app;
    }

    /**
     * Teams as the settings configure it, or empty when no Teams variable is set.
     *
     * @throws SettingsException naming the variable that is missing
     */
    static Optional<LocalTeams> from(Settings settings, ChatAddressBook addresses, NotificationTexts texts, Clock clock) {
        List<String> missing = VARIABLES.stream().filter(name -> settings.optional(name).isEmpty()).toList();
        if (missing.size() == VARIABLES.size()) {
            return Optional.empty();
        }
        if (!missing.isEmpty()) {
            throw new SettingsException("Teams needs " + String.join(", ", VARIABLES) + "; " + String.join(" and ", missing)
                    + (missing.size() == 1 ? " is" : " are") + " missing (the Azure Bot's Configuration page shows the App ID "
                    + "and tenant; the secret is made under Manage Password)");
        }
        TeamsSettings microsoft = TeamsSettings.of(settings.optional("TEAMS_APP_ID").orElseThrow(),
                settings.optional("TEAMS_APP_PASSWORD").orElseThrow(), settings.optional("TEAMS_TENANT_ID").orElseThrow());
        TeamsSettings teams = new TeamsSettings(microsoft.appId(), microsoft.appPassword(), microsoft.tenantId(),
                url(settings, "TEAMS_OPENID_URL").orElse(microsoft.openIdMetadata()),
                url(settings, "TEAMS_TOKEN_URL").orElse(microsoft.tokenEndpoint()));
        return Optional.of(new LocalTeams(TeamsApp.connect(teams, addresses, texts, clock)));
    }

    private static Optional<URI> url(Settings settings, String name) {
        return settings.optional(name).map(value -> {
            try {
                URI uri = new URI(value);
                if (uri.isAbsolute() && uri.getHost() != null && uri.getScheme().startsWith("http")) {
                    return uri;
                }
            } catch (URISyntaxException e) {
                // fall through to the message
            }
            throw new SettingsException(name + " must be an http(s) URL, but was '" + value + "'");
        });
    }

    /** The workflow's chat channel: cards in people's chats with the bot. */
    ChatChannel chat() {
        return app.chat();
    }

    /** The Teams channel or group chat the who's-out digest is posted to, at {@code serviceUrl}. */
    DigestChannel digestChannel(String serviceUrl, String conversationId) {
        return app.digestChannel(serviceUrl, conversationId);
    }

    /** Serves the Bot Connector's requests at {@value #MESSAGES_PATH} on {@code web}. */
    void connect(LeaveRequests leaves, AwayPeriods away, LeavePolicy policy, Clock today, WebServer.Builder web,
            ExportCommands exports) {
        TeamsEndpoint endpoint = app.endpoint(leaves, away, policy, today, exports);
        web.mount(MESSAGES_PATH, request -> serve(endpoint, request));
    }

    /** One line for the welcome message. */
    static String describe(String webUri) {
        return "messaging endpoint " + webUri + MESSAGES_PATH + " (TEAMS_APP_ID)";
    }

    private static WebResponse serve(TeamsEndpoint endpoint, WebRequest request) {
        var reply = endpoint.handle(request.headers(), new String(request.body(), StandardCharsets.UTF_8));
        return new WebResponse(reply.status(), Map.of("Content-Type", reply.contentType()), reply.body());
    }
}
