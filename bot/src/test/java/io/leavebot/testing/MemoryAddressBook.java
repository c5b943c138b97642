package io.leavebot.testing;

import io.leavebot.leave.Person;
import io.leavebot.notify.ChatAddress;
import io.leavebot.notify.ChatAddressBook;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** A chat address book in memory, for tests of a chat channel without a store. */
public final class MemoryAddressBook implements ChatAddressBook {
    private final Map<String, ChatAddress> addresses = new ConcurrentHashMap<>();

    /** The book that knows the Slack user ids of Ada, Grace and Alan ({@link SampleLeaves}). */
    public static MemoryAddressBook withSamplePeople() {
        return withSlackIdsOf(SampleLeaves.ADA, SampleLeaves.GRACE, SampleLeaves.ALAN);
    }

    /** The book that knows the Slack user ids of these sample people ({@link SampleLeaves#slackIdOf}). */
    public static MemoryAddressBook withSlackIdsOf(Person... people) {
        MemoryAddressBook book = new MemoryAddressBook();
        for (Person person : people) {
            book.saveAddress(new ChatAddress("slack", person.key(), SampleLeaves.slackIdOf(person), SampleLeaves.CREATED));
        }
        return book;
    }

    @Override
    public void saveAddress(ChatAddress address) {
        addresses.put(address.channel() + " " + address.personKey(), address);
    }

    @Override
    public Optional<ChatAddress> addressOf(String channel, Person person) {
        return Optional.ofNullable(addresses.get(channel + " " + person.key()));
    }
}
