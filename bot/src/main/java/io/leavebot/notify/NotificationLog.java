package io.leavebot.notify;

import java.util.Optional;

/**
 * Which notifications were delivered, and how, by idempotency key: what makes the {@link Notifier} send each one
 * once, and lets it update a chat message later. Kept by the store adapters beside the leave requests.
 */
public interface NotificationLog {
    /** The delivery recorded under this notification key, if it was already sent. */
    Optional<SentNotification> sent(String notificationKey);

    /**
     * Records that a notification was delivered, and how; the first record for a key wins. A step re-run after a
     * crash checks {@link #sent} first, so a person is not told twice (the moment between sending and recording
     * is the only place a duplicate can slip through).
     *
     * @return the record that stands: {@code sent}, or the one recorded before it under the same key (read back
     *         only then, so the usual first record costs one write)
     */
    SentNotification recordSent(SentNotification sent);
}
