package io.leavebot.notify;

import java.time.Instant;

/**
 * A notification that was delivered.
 *
 * @param key        idempotency key: execution name and step, e.g. {@code leave-42/send-receipt}
 * @param channel    "slack", "teams" or "email"
 * @param messageRef where the chat message is (to update it later); null for e-mail
 */
public record SentNotification(String key, String requestId, String channel, String messageRef, Instant at) {
}
