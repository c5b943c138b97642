package io.leavebot.notify;

import java.util.Objects;
import java.time.Instant;

/**
 * Where a chat platform can reach a person directly, saved when they first talk to the bot there. Teams, for one,
 * lets a bot message someone only in a conversation it already has with them, so the bot must remember it.
 *
 * @param channel   the chat channel's name, e.g. {@code teams}
 * @param personKey {@link io.leavebot.leave.Person#key()}: people are matched across channels by e-mail
 * @param address   the platform's own reference, opaque here (Teams: service URL, conversation, user and tenant)
 * @param savedAt   when it was last saved
 */
public record ChatAddress(String channel, String personKey, String address, Instant savedAt) {
    public ChatAddress {
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(personKey, "personKey");
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(savedAt, "savedAt");
    }
}
