package io.leavebot.teams;

import com.fasterxml.jackson.databind.JsonNode;
import io.leavebot.notify.ChatUnavailableException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * The bot's own token for the Bot Connector: OAuth client credentials (App ID and secret) at the tenant's token
 * endpoint, for the scope {@value TeamsSettings#CONNECTOR_SCOPE}. Kept until five minutes before it expires (tokens
 * last an hour), so a busy bot asks once an hour, and a request never waits for a token about to run out.
 */
final class ConnectorToken {
    private static final Duration RENEW_BEFORE_EXPIRY = Duration.ofMinutes(5);

    private final TeamsSettings settings;
    private final JsonHttp http;
    private final Clock clock;
    private String token;
    private Instant renewAt = Instant.MIN;

    ConnectorToken(TeamsSettings settings, JsonHttp http, Clock clock) {
        this.settings = settings;
        this.http = http;
        this.clock = clock;
    }

    /** @throws ChatUnavailableException when Microsoft Entra ID gives no token (a wrong secret, an outage) */
    synchronized String get() {
        if (token != null && clock.instant().isBefore(renewAt)) {
            return token;
        }
        JsonNode answer = http.postForm("the token endpoint", settings.tokenEndpoint(), Map.of(
                "grant_type", "client_credentials", "client_id", settings.appId(), "client_secret", settings.appPassword(),
                "scope", TeamsSettings.CONNECTOR_SCOPE));
        String issued = answer.path("access_token").asText(null);
        if (issued == null) {
            throw new ChatUnavailableException("the token endpoint answered without an access_token");
        }
        token = issued;
        renewAt = clock.instant().plusSeconds(answer.path("expires_in").asLong(3600)).minus(RENEW_BEFORE_EXPIRY);
        return token;
    }
}
