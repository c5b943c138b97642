package io.leavebot.teams;

import com.fasterxml.jackson.databind.JsonNode;
import io.leavebot.LeaveBotNames;
import io.leavebot.notify.ChatAddress;
import io.leavebot.notify.ChatAddressBook;
import io.leavebot.leave.Person;
import io.leavebot.notify.ChatUnavailableException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Who is who in Teams. Activities name a Teams user id, not an e-mail address, and LeaveBot matches people across
 * channels by e-mail ({@link Person#key()}), so the sender is read from the Bot Connector's members API (its
 * {@code email}, else its {@code userPrincipalName}, which in Microsoft 365 is the sign-in address) and cached for a
 * while. Each person's one-to-one conversation with the bot is saved in the {@link ChatAddressBook} under
 * {@value #CHANNEL}, so the workflow can message them later; it is written only when it changed.
 */
final class TeamsPeople {
    /** The channel name of Teams addresses and notifications. */
    static final String CHANNEL = LeaveBotNames.TEAMS_CHANNEL;

    private record Cached(Person person, Instant until) {
    }

    private final BotConnector connector;
    private final ChatAddressBook addresses;
    private final Clock clock;
    private final Duration ttl;
    private final Map<String, Cached> byUserId = new ConcurrentHashMap<>();
    /** person key → the conversation last saved for them by this process, to save only changes. */
    private final Map<String, ConversationRef> saved = new ConcurrentHashMap<>();

    TeamsPeople(BotConnector connector, ChatAddressBook addresses, Clock clock, Duration ttl) {
        this.connector = connector;
        this.addresses = addresses;
        this.clock = clock;
        this.ttl = ttl;
    }

    /**
     * The person who sent {@code activity}; empty when Teams shares no e-mail address for them (LeaveBot cannot
     * tell who they are on other channels, nor route their requests).
     *
     * @throws ChatUnavailableException if the Bot Connector cannot be asked
     */
    Optional<Person> sender(Activity activity) {
        Cached cached = byUserId.get(activity.fromId());
        if (cached != null && clock.instant().isBefore(cached.until())) {
            return Optional.of(cached.person());
        }
        JsonNode member = connector.member(activity.conversation());
        String email = text(member, "email").or(() -> text(member, "userPrincipalName")).filter(e -> e.contains("@")).orElse(null);
        if (email == null) {
            return Optional.empty();
        }
        Person person = Person.ofEmail(email, text(member, "name").orElse(null));
        byUserId.put(activity.fromId(), new Cached(person, clock.instant().plus(ttl)));
        return Optional.of(person);
    }

    /** Saves the conversation of a one-to-one {@code activity} as the way to reach {@code person} in Teams. */
    void remember(Person person, Activity activity) {
        if (!activity.isPersonal() || activity.serviceUrl() == null || activity.conversationId() == null) {
            return;
        }
        ConversationRef conversation = activity.conversation();
        if (conversation.equals(saved.get(person.key()))) {
            return;
        }
        addresses.saveAddress(new ChatAddress(CHANNEL, person.key(), conversation.encode(), clock.instant()));
        saved.put(person.key(), conversation);
    }

    /** The conversation to message {@code person} in; empty if they never talked to the bot in Teams. */
    Optional<ConversationRef> conversationWith(Person person) {
        return addresses.addressOf(CHANNEL, person).map(a -> ConversationRef.decode(a.address()));
    }

    private static Optional<String> text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isTextual() && !value.asText().isBlank() ? Optional.of(value.asText().strip()) : Optional.empty();
    }
}
