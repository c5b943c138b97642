package io.leavebot.notify;

import java.time.Instant;
import java.util.Objects;

/**
 * A person's linked Slack account: the user token they granted with {@code /leave connect}, sealed (only
 * {@code io.leavebot.slack.TokenSeal} opens it), and the status LeaveBot last set with it.
 *
 * @param personKey   {@link io.leavebot.leave.Person#key()} of whom it was granted for
 * @param slackUserId the Slack user who granted it
 * @param teamId      their Slack workspace; null if Slack did not say
 * @param sealedToken the token, sealed; never the token itself
 * @param statusText  the status text LeaveBot set and has not cleared yet; null for none
 */
public record UserToken(String personKey, String slackUserId, String teamId, String sealedToken, String statusText,
        Instant connectedAt) {
    public UserToken {
        Objects.requireNonNull(personKey, "personKey");
        Objects.requireNonNull(slackUserId, "slackUserId");
        Objects.requireNonNull(sealedToken, "sealedToken");
        Objects.requireNonNull(connectedAt, "connectedAt");
    }

    public UserToken withStatusText(String value) {
        return new UserToken(personKey, slackUserId, teamId, sealedToken, value, connectedAt);
    }

    /** The sealed token stays out of logs too. */
    @Override
    public String toString() {
        return "UserToken[" + personKey + ", " + slackUserId + ", sealed token hidden]";
    }
}
