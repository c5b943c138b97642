package io.leavebot.slack;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.leavebot.leave.Person;
import io.leavebot.notify.ChatAddress;
import io.leavebot.testing.MemoryAddressBook;
import io.leavebot.testing.SlackApi;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Slack users become people known by e-mail, with their Slack user ids in the address book. */
class SlackPeopleTest {
    private static final Instant NOW = Instant.parse("2026-01-05T09:00:00Z");

    private final SlackApi slack = new SlackApi().member("U0BEA", "bea@example.com", "Bea Boss");
    private final MemoryAddressBook addresses = new MemoryAddressBook();
    private final SlackPeople people = new SlackPeople(slack.botApi(), addresses,
            Clock.fixed(NOW, ZoneOffset.UTC), Duration.ofMinutes(10));

    @AfterEach
    void stopSlack() {
        slack.close();
    }

    @Test
    void aSlackUserWithAnEmailIsKnownByItAndTheirUserIdIsSavedInTheAddressBook() {
        Person bea = people.person("U0BEA");

        assertEquals(Person.ofEmail("bea@example.com", "Bea Boss"), bea);
        assertEquals(Optional.of(new ChatAddress("slack", "bea@example.com", "U0BEA", NOW)), addresses.addressOf("slack", bea));
        assertEquals(Optional.of("U0BEA"), people.userIdOf(Person.ofEmail("bea@example.com", null)));
        assertEquals(List.of(), slack.calls("users.lookupByEmail"), "the id is known: Slack is not asked for it");
    }

    @Test
    void aSlackUserWithoutAnEmailIsKnownByTheirUserId() {
        slack.answer("users.info", "{\"ok\":true,\"user\":{\"id\":\"U0DAN\",\"name\":\"dan\",\"profile\":{\"real_name\":\"Dan\"}}}");

        Person dan = people.person("U0DAN");

        assertEquals(Person.ofChatUser("slack", "U0DAN", "Dan"), dan);
        assertEquals(Optional.of("U0DAN"), people.userIdOf(dan));
        assertEquals(Optional.empty(), addresses.addressOf("slack", dan));
    }

    @Test
    void someoneKnownByEmailIsReachedAtTheAddressBooksIdElseAtTheOneSlackFindsForTheEmail() {
        Person cleo = Person.ofEmail("cleo@example.com", "Cleo");
        addresses.saveAddress(new ChatAddress("slack", cleo.key(), "U0CLEO", NOW));

        assertEquals(Optional.of("U0CLEO"), people.userIdOf(cleo));
        assertEquals(Optional.of("U0BEA"), people.userIdOf(Person.ofEmail("bea@example.com", null)));
        assertEquals(Optional.empty(), people.userIdOf(Person.ofEmail("nobody@example.com", null)));
        assertEquals(2, slack.calls("users.lookupByEmail").size());
    }
}
