package io.leavebot.slack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.leavebot.leave.LeaveRequest;
import io.leavebot.leave.Person;
import io.leavebot.notify.ChatStatus;
import io.leavebot.notify.UserToken;
import io.leavebot.notify.UserTokens;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The Slack status of people who linked their account ({@code /leave connect}), with their own user token (scope
 * {@code users.profile:write}): as the leave starts, {@code users.profile.set} makes it
 * ":palm_tree: On leave until Fri 15 Jan" (the leave's last day) expiring by itself at the end of the leave; when the
 * leave is over, {@code users.profile.get} tells whether it is still ours, and only then is it cleared.
 *
 * <p>Slack refusing the token ({@link #REVOKED}) means the person revoked it or left: the token is forgotten, and
 * nothing is retried. Slack answering {@code ok: false} for another reason will not change on a retry either, so it is
 * logged and left. Rate limits, outages and timeouts are thrown as {@link io.leavebot.notify.ChatUnavailableException},
 * and the step retries. Setting the same status twice, or clearing twice, does no harm.
 */
public final class SlackStatus implements ChatStatus {
    static final String EMOJI = ":palm_tree:";
    /** Slack's answers that mean the token is no good any more. */
    static final Set<String> REVOKED = Set.of("token_revoked", "token_expired", "invalid_auth", "account_inactive");
    private static final System.Logger LOG = System.getLogger(SlackStatus.class.getName());
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE d MMM", Locale.ENGLISH);

    private final SlackWebApi slack;
    private final UserTokens tokens;
    private final TokenSeal seal;
    private final Clock clock;

    /** @param slack the Web API, slack.com's or a stand-in's; each call uses the person's own token instead of its own */
    public SlackStatus(SlackWebApi slack, UserTokens tokens, TokenSeal seal, Clock clock) {
        this.slack = slack;
        this.tokens = tokens;
        this.seal = seal;
        this.clock = clock;
    }

    /** The status text for {@code leave}: its last day, so it reads right all through the leave. */
    static String textFor(LeaveRequest leave) {
        return "On leave until " + DAY.format(leave.end());
    }

    @Override
    public void leaveStarts(LeaveRequest leave, Instant over) {
        Person employee = leave.employee();
        if (!over.isAfter(clock.instant())) {
            return; // a retry after the leave ended: a status now would only be cleared at once
        }
        String text = textFor(leave);
        ObjectNode profile = status(text, EMOJI, over.getEpochSecond());
        if (withToken(employee, methods -> setProfile(methods, profile)).isPresent()) {
            tokens.recordStatusText(employee, text);
        }
    }

    @Override
    public void leaveEnds(LeaveRequest leave) {
        Person employee = leave.employee();
        Optional<UserToken> token = tokens.userTokenOf(employee);
        if (token.isEmpty()) {
            return;
        }
        String ours = token.get().statusText() != null ? token.get().statusText() : textFor(leave);
        Optional<JsonNode> current = withToken(employee, SlackWebApi::ownProfile);
        if (current.isEmpty()) {
            return;
        }
        if (ours.equals(current.get().path("status_text").asText(null)) && EMOJI.equals(current.get().path("status_emoji").asText(null))) {
            if (withToken(employee, methods -> setProfile(methods, status("", "", 0))).isEmpty()) {
                return;
            }
        }
        tokens.recordStatusText(employee, null); // cleared, expired, or the person's own since: ours no longer
    }

    /** The profile fields of a status, as {@code users.profile.set} takes them. */
    private static ObjectNode status(String text, String emoji, long expiration) {
        return JsonNodeFactory.instance.objectNode().put("status_text", text).put("status_emoji", emoji)
                .put("status_expiration", expiration);
    }

    private static Boolean setProfile(SlackWebApi methods, ObjectNode profile) {
        methods.setOwnProfile(profile);
        return Boolean.TRUE;
    }

    /**
     * Makes the call with the person's token: Slack's answer; empty when they have none, or Slack refused it (a
     * revoked token, or one that no longer opens with the key, is forgotten).
     */
    private <R> Optional<R> withToken(Person person, Function<SlackWebApi, R> call) {
        Optional<UserToken> stored = tokens.userTokenOf(person);
        if (stored.isEmpty()) {
            return Optional.empty();
        }
        String token;
        try {
            token = seal.open(person.key(), stored.get().sealedToken());
        } catch (IllegalArgumentException e) {
            LOG.log(System.Logger.Level.WARNING, e.getMessage() + "; forgotten, " + person.key() + " can /leave connect again");
            tokens.forgetUserToken(person);
            return Optional.empty();
        }
        try {
            return Optional.of(call.apply(slack.withToken(token)));
        } catch (SlackCalls.Refused e) {
            if (REVOKED.contains(e.error())) {
                LOG.log(System.Logger.Level.INFO, "Slack refused the user token of " + person.key() + " (" + e.error()
                        + "): forgotten; their status is no longer kept until they /leave connect again");
                tokens.forgetUserToken(person);
            } else {
                LOG.log(System.Logger.Level.WARNING, e.getMessage() + ", for the status of " + person.key() + "; left as it is");
            }
            return Optional.empty();
        }
    }
}
