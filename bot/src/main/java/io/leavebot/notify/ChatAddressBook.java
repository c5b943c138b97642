package io.leavebot.notify;

import io.leavebot.leave.Person;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * The chat addresses LeaveBot keeps, one per person and channel; kept by the store adapters beside the leave requests, and all a chat
 * front end that must remember conversations (Teams) gets to see of it.
 */
public interface ChatAddressBook {
    /** Saves {@code address}, replacing the person's earlier one on that channel: the latest conversation is the one to use. */
    void saveAddress(ChatAddress address);

    /** The person's address on {@code channel}, found by {@link Person#key()}; empty if they never talked to the bot there. */
    Optional<ChatAddress> addressOf(String channel, Person person);

    /**
     * Saves addresses a setting gives (such as the Slack ids of the approver routing), by person key, where the book
     * has another or none: read first, so that a start-up with nothing new writes nothing.
     */
    default void saveAll(String channel, Map<String, String> addressesByKey, Instant savedAt) {
        addressesByKey.forEach((key, address) -> {
            if (!addressOf(channel, new Person(key, null)).map(ChatAddress::address).equals(Optional.of(address))) {
                saveAddress(new ChatAddress(channel, key, address, savedAt));
            }
        });
    }
}
