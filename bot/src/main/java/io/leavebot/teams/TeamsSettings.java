package io.leavebot.teams;

import java.net.URI;
import java.util.Objects;

/**
 * What the Teams front end needs to know: the bot's Microsoft App ID and client secret (an Azure Bot of the
 * single-tenant type, registered in {@code tenantId}), and where Bot Framework's published keys and Microsoft's
 * token endpoint are ({@link #of} uses the real ones; tests point them at stand-ins). {@link #toString()} hides the
 * secret.
 *
 * @param appId          the Microsoft App ID: the audience of every token Teams sends, and the client id of ours
 * @param appPassword    the app's client secret
 * @param tenantId       the Microsoft Entra tenant the single-tenant app is registered in
 * @param openIdMetadata Bot Framework's OpenID metadata, which names the key set inbound tokens are signed with
 * @param tokenEndpoint  where the bot gets its token for the Bot Connector (OAuth client credentials)
 */
public record TeamsSettings(String appId, String appPassword, String tenantId, URI openIdMetadata, URI tokenEndpoint) {
    /** Bot Framework's OpenID metadata for tokens from the channels (Teams among them). */
    public static final URI BOT_FRAMEWORK_OPENID = URI.create("https://login.botframework.com/v1/.well-known/openidconfiguration");
    /** The issuer of those tokens. */
    static final String BOT_FRAMEWORK_ISSUER = "https://api.botframework.com";
    /** What the bot's own token is for: the Bot Connector. */
    static final String CONNECTOR_SCOPE = "https://api.botframework.com/.default";

    public TeamsSettings {
        require(appId, "the Microsoft App ID");
        require(appPassword, "the app's client secret");
        require(tenantId, "the tenant id");
        Objects.requireNonNull(openIdMetadata, "openIdMetadata");
        Objects.requireNonNull(tokenEndpoint, "tokenEndpoint");
    }

    /** The settings of a single-tenant bot, against Bot Framework and Microsoft Entra ID themselves. */
    public static TeamsSettings of(String appId, String appPassword, String tenantId) {
        return new TeamsSettings(appId, appPassword, tenantId, BOT_FRAMEWORK_OPENID,
                URI.create("https://login.microsoftonline.com/" + tenantId + "/oauth2/v2.0/token"));
    }

    @Override
    public String toString() {
        return "TeamsSettings[appId=" + appId + ", tenantId=" + tenantId + ", appPassword hidden]";
    }

    private static void require(String value, String what) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("Teams needs " + what);
        }
    }
}
