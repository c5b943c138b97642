package io.leavebot.slack;

import com.slack.api.methods.MethodsClient;
import com.slack.api.model.User;
import io.leavebot.chat.AwayCommands;
import io.leavebot.leave.Person;
import io.leavebot.notify.ChatUnavailableException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Who is who in Slack. LeaveBot matches people across channels by e-mail ({@link Person#key()}), so a Slack user
 * id is turned into a person with {@code users.info} (needs {@code users:read.email}), and a person known only by
 * e-mail (from the routing file) is found with {@code users.lookupByEmail}. Answers are cached for a while: a
 * slash command must be acked within 3 s, and names and addresses rarely change.
 */
public final class SlackPeople {
    private record Cached<T>(T value, Instant until) {
    }

    /** A user as slash command text carries them once escaped: {@code <@U123ABC>} or {@code <@U123ABC|name>}. */
    private static final Pattern MENTION = Pattern.compile("<@([UW][A-Z0-9]+)(?:\\|[^>]*)?>");

    /** What {@code users.lookupByEmail} answers for an address nobody in the workspace has. */
    private static final Set<String> NOT_FOUND = Set.of("users_not_found", "user_not_found");

    private final MethodsClient slack;
    private final Clock clock;
    private final Duration ttl;
    private final Map<String, Cached<Person>> byUserId = new ConcurrentHashMap<>();
    private final Map<String, Cached<Optional<String>>> byEmail = new ConcurrentHashMap<>();

    /** @param slack a client holding the bot token */
    public SlackPeople(MethodsClient slack, Clock clock, Duration ttl) {
        this.slack = slack;
        this.clock = clock;
        this.ttl = ttl;
    }

    /**
     * The person behind a Slack user id, with e-mail and name.
     *
     * @throws ChatUnavailableException if Slack cannot be asked or does not know the user
     */
    public Person person(String userId) {
        Cached<Person> cached = byUserId.get(userId);
        if (cached != null && clock.instant().isBefore(cached.until())) {
            return cached.value();
        }
        var response = SlackCalls.ok("users.info", () -> slack.usersInfo(r -> r.user(userId)));
        User user = response.getUser();
        Person person = Person.ofSlack(userId, user.getProfile() == null ? null : user.getProfile().getEmail(), nameOf(user));
        byUserId.put(userId, new Cached<>(person, clock.instant().plus(ttl)));
        return person;
    }

    /**
     * The person {@code typed} mentions ({@code <@U123ABC|name>}, as Slack escapes a mention in command text) or
     * names by e-mail address; empty when it is neither, or Slack knows no such user.
     *
     * @throws ChatUnavailableException if Slack cannot be asked
     */
    public Optional<Person> mentioned(String typed) {
        Matcher mention = MENTION.matcher(typed.strip());
        if (!mention.matches()) {
            return AwayCommands.byEmail(typed);
        }
        try {
            return Optional.of(person(mention.group(1)));
        } catch (SlackCalls.Refused e) {
            if (NOT_FOUND.contains(e.error())) {
                return Optional.empty();
            }
            throw e;
        }
    }

    /**
     * The Slack user id to reach this person at: theirs if known, else looked up by e-mail; empty when Slack has
     * nobody with that address.
     *
     * @throws ChatUnavailableException if Slack cannot be asked
     */
    public Optional<String> userIdOf(Person person) {
        if (person.slackUserId() != null) {
            return Optional.of(person.slackUserId());
        }
        if (person.email() == null) {
            return Optional.empty();
        }
        Cached<Optional<String>> cached = byEmail.get(person.email());
        if (cached != null && clock.instant().isBefore(cached.until())) {
            return cached.value();
        }
        Optional<String> id = lookUp(person.email());
        byEmail.put(person.email(), new Cached<>(id, clock.instant().plus(ttl)));
        return id;
    }

    /** The user id Slack has for {@code email}; empty when it has nobody with that address. */
    private Optional<String> lookUp(String email) {
        try {
            return Optional.of(SlackCalls.ok("users.lookupByEmail", () -> slack.usersLookupByEmail(r -> r.email(email))).getUser().getId());
        } catch (SlackCalls.Refused e) {
            if (NOT_FOUND.contains(e.error())) {
                return Optional.empty();
            }
            throw e;
        }
    }

    private static String nameOf(User user) {
        var profile = user.getProfile();
        if (profile != null && profile.getRealName() != null && !profile.getRealName().isBlank()) {
            return profile.getRealName();
        }
        return user.getRealName() != null && !user.getRealName().isBlank() ? user.getRealName() : user.getName();
    }
}
