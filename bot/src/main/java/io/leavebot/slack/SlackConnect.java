package io.leavebot.slack;

import com.fasterxml.jackson.databind.JsonNode;
import io.leavebot.leave.Person;
import io.leavebot.notify.ChatUnavailableException;
import io.leavebot.notify.UserToken;
import io.leavebot.notify.UserTokens;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Objects;

/**
 * Linking a person's Slack account, so that LeaveBot may set their status ({@link SlackStatus}): Slack's OAuth v2
 * flow for a user token with the one user scope {@value #USER_SCOPE}. {@code /leave connect} gives a link to
 * Slack's authorize page with a signed {@code state} ({@link ConnectState}: who asked, valid 10 minutes); Slack
 * sends the person back to {@value #CALLBACK_PATH} ({@link ConnectPage}), where the state is checked, the code
 * exchanged with {@code oauth.v2.access}, and the token kept sealed ({@link TokenSeal}) once Slack confirms it is
 * the user who asked. {@code /leave disconnect} revokes it ({@code auth.revoke}, best effort) and forgets it.
 * Tokens are never logged.
 */
public final class SlackConnect {
    /** Where Slack sends people back: add it under OAuth &amp; Permissions → Redirect URLs. */
    public static final String CALLBACK_PATH = "/slack/oauth/callback";
    public static final String USER_SCOPE = "users.profile:write";
    /** Slack's authorize page. */
    public static final String SLACK_AUTHORIZE_URL = "https://slack.com/oauth/v2/authorize";
    private static final System.Logger LOG = System.getLogger(SlackConnect.class.getName());

    /**
     * The Slack app's OAuth credentials.
     *
     * @param redirectUri  LeaveBot's public URL followed by {@value #CALLBACK_PATH}; null where links are not made
     *                     (the AWS API function, which completes the flow with the URL signed in the state)
     * @param authorizeUrl {@link #SLACK_AUTHORIZE_URL}, or the local workspace's
     */
    public record Settings(String clientId, String clientSecret, String redirectUri, String authorizeUrl) {
        public Settings {
            Objects.requireNonNull(clientId, "clientId");
            Objects.requireNonNull(clientSecret, "clientSecret");
            Objects.requireNonNull(authorizeUrl, "authorizeUrl");
        }

        @Override
        public String toString() {
            return "SlackConnect.Settings[clientId=" + clientId + ", clientSecret=<hidden>, redirectUri=" + redirectUri + "]";
        }
    }

    /** How a return from Slack's authorize page ended, each with its page. */
    public enum Outcome { CONNECTED, DENIED, EXPIRED, INVALID_LINK, OTHER_USER, SLACK_FAILED }

    private final Settings settings;
    private final SlackWebApi slack;
    private final ConnectState states;
    private final TokenSeal seal;
    private final UserTokens tokens;
    private final Clock clock;

    /**
     * @param slack      the Web API, slack.com's or a stand-in's (the app authenticates itself; a token it has is not used)
     * @param linkSecret LeaveBot's link secret, which signs the state
     */
    public SlackConnect(Settings settings, SlackWebApi slack, String linkSecret, TokenSeal seal, UserTokens tokens, Clock clock) {
        this.settings = settings;
        this.slack = slack;
        this.states = new ConnectState(linkSecret);
        this.seal = seal;
        this.tokens = tokens;
        this.clock = clock;
    }

    /** The authorize link for the Slack user {@code userId} of {@code teamId}, who is {@code person} to LeaveBot. */
    String authorizeUrl(String userId, String teamId, Person person) {
        if (settings.redirectUri() == null) {
            throw new IllegalStateException("connect links are made where the redirect URL is known");
        }
        String state = states.issue(userId, teamId, person.key(), settings.redirectUri(), clock.instant());
        return settings.authorizeUrl() + "?client_id=" + encode(settings.clientId()) + "&user_scope=" + encode(USER_SCOPE)
                + "&redirect_uri=" + encode(settings.redirectUri()) + "&state=" + encode(state)
                + (teamId == null ? "" : "&team=" + encode(teamId));
    }

    /**
     * Finishes the flow Slack redirected back with.
     *
     * @param error Slack's {@code error} parameter ({@code access_denied} when the person cancelled), or null
     */
    public Outcome complete(String code, String state, String error) {
        ConnectState.Checked checked = states.check(state, clock.instant());
        if (checked.status() == ConnectState.Status.TAMPERED) {
            return Outcome.INVALID_LINK;
        }
        if (error != null && !error.isBlank()) {
            return Outcome.DENIED;
        }
        if (checked.status() == ConnectState.Status.EXPIRED) {
            return Outcome.EXPIRED;
        }
        if (code == null || code.isBlank() || checked.redirectUri() == null) {
            return Outcome.INVALID_LINK;
        }
        JsonNode access;
        try {
            access = slack.oauthV2Access(settings.clientId(), settings.clientSecret(), code, checked.redirectUri());
        } catch (ChatUnavailableException e) {
            LOG.log(System.Logger.Level.WARNING, "connecting the Slack account of " + checked.personKey() + " failed: " + e.getMessage());
            return Outcome.SLACK_FAILED;
        }
        JsonNode user = access.path("authed_user");
        String userId = user.path("id").asText(null);
        String accessToken = user.path("access_token").asText(null);
        if (accessToken == null || !checked.userId().equals(userId)) {
            LOG.log(System.Logger.Level.WARNING, "a /leave connect link of Slack user " + checked.userId() + " was used by "
                    + (userId == null ? "nobody Slack named" : "Slack user " + userId) + "; nothing kept");
            if (accessToken != null) {
                revoke(accessToken); // granted by someone who did not ask: not kept, so not left valid either
            }
            return Outcome.OTHER_USER;
        }
        String teamId = access.path("team").path("id").asText(checked.teamId());
        tokens.saveUserToken(new UserToken(checked.personKey(), userId, teamId,
                seal.seal(checked.personKey(), accessToken), null, clock.instant()));
        LOG.log(System.Logger.Level.INFO, "Slack user " + userId + " connected their account for " + checked.personKey());
        return Outcome.CONNECTED;
    }

    /** Revokes the person's token (best effort: it is forgotten whatever Slack says); false when they had none. */
    boolean disconnect(Person person) {
        var stored = tokens.userTokenOf(person);
        if (stored.isEmpty()) {
            return false;
        }
        try {
            revoke(seal.open(person.key(), stored.get().sealedToken()));
        } catch (IllegalArgumentException e) {
            LOG.log(System.Logger.Level.WARNING, e.getMessage() + "; forgotten without revoking it");
        }
        return tokens.forgetUserToken(person);
    }

    private void revoke(String token) {
        try {
            slack.withToken(token).revoke();
        } catch (ChatUnavailableException e) {
            LOG.log(System.Logger.Level.INFO, "revoking a Slack user token failed (" + e.getMessage() + "); it is forgotten anyway");
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
