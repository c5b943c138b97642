package io.leavebot.slack;

import com.fasterxml.jackson.databind.JsonNode;
import io.leavebot.chat.AwayCommands;
import io.leavebot.leave.Person;
import io.leavebot.notify.ChatAddress;
import io.leavebot.notify.ChatAddressBook;
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
 * id is turned into a person with {@code users.info} (needs {@code users:read.email}), and their user id is kept in
 * the chat address book (channel {@value #CHANNEL}) to reach them later. A person Slack has not shown LeaveBot
 * (such as an approver from the routing file) is found with {@code users.lookupByEmail}. Answers are cached for a
 * while: a slash command must be acked within 3 s, and names and addresses rarely change.
 */
public final class SlackPeople {
    /** The channel name of Slack user ids in the chat address book and in {@link Person#chatUserId}. */
    public static final String CHANNEL = "slack";

    private record Cached<T>(T value, Instant until) {
    }

    /** A user as slash command text carries them once escaped: {@code <@U123ABC>} or {@code <@U123ABC|name>}. */
    private static final Pattern MENTION = Pattern.compile("<@([UW][A-Z0-9]+)(?:\\|[^>]*)?>");

    /** What {@code users.lookupByEmail} answers for an address nobody in the workspace has. */
    private static final Set<String> NOT_FOUND = Set.of("users_not_found", "user_not_found");

    private final SlackWebApi slack;
    private final ChatAddressBook addresses;
    private final Clock clock;
    private final Duration ttl;
    private final Map<String, Cached<Person>> byUserId = new ConcurrentHashMap<>();
    private final Map<String, Cached<Optional<String>>> byEmail = new ConcurrentHashMap<>();

    /**
     * @param slack     the Web API with the bot token
     * @param addresses where the user ids of people known by e-mail are kept
     */
    public SlackPeople(SlackWebApi slack, ChatAddressBook addresses, Clock clock, Duration ttl) {
        this.slack = slack;
        this.addresses = addresses;
        this.clock = clock;
        this.ttl = ttl;
    }

    /**
     * The person behind a Slack user id: known by the e-mail of their Slack profile, whose user id is then saved in
     * the address book; known by the user id when Slack shows no e-mail.
     *
     * @throws ChatUnavailableException if Slack cannot be asked or does not know the user
     */
    public Person person(String userId) {
        Cached<Person> cached = byUserId.get(userId);
        if (cached != null && clock.instant().isBefore(cached.until())) {
            return cached.value();
        }
        JsonNode user = slack.userInfo(userId);
        String email = user.path("profile").path("email").asText(null);
        Person person;
        if (email == null || email.isBlank()) {
            person = Person.ofChatUser(CHANNEL, userId, nameOf(user));
        } else {
            person = Person.ofEmail(email, nameOf(user));
            addresses.saveAddress(new ChatAddress(CHANNEL, person.key(), userId, clock.instant()));
            byEmail.put(person.key(), new Cached<>(Optional.of(userId), clock.instant().plus(ttl)));
        }
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
     * The Slack user id to reach this person at: the one they are known by, else the one the address book keeps for
     * them, else looked up by e-mail; empty when Slack has nobody with that address.
     *
     * @throws ChatUnavailableException if Slack cannot be asked
     */
    public Optional<String> userIdOf(Person person) {
        Optional<String> known = person.chatUserId(CHANNEL);
        if (known.isPresent() || person.email() == null) {
            return known;
        }
        Cached<Optional<String>> cached = byEmail.get(person.email());
        if (cached != null && clock.instant().isBefore(cached.until())) {
            return cached.value();
        }
        Optional<String> id = addresses.addressOf(CHANNEL, person).map(ChatAddress::address).or(() -> lookUp(person.email()));
        byEmail.put(person.email(), new Cached<>(id, clock.instant().plus(ttl)));
        return id;
    }

    /** The user id Slack has for {@code email}; empty when it has nobody with that address. */
    private Optional<String> lookUp(String email) {
        try {
            return Optional.of(slack.userByEmail(email).path("id").asText());
        } catch (SlackCalls.Refused e) {
            if (NOT_FOUND.contains(e.error())) {
                return Optional.empty();
            }
            throw e;
        }
    }

    /** The profile's real name, else the user's, else their handle. */
    private static String nameOf(JsonNode user) {
        for (JsonNode name : new JsonNode[] {user.path("profile").path("real_name"), user.path("real_name")}) {
            if (name.isTextual() && !name.asText().isBlank()) {
                return name.asText();
            }
        }
        return user.path("name").asText(null);
    }
}
