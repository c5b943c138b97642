package io.leavebot.notify;

import io.leavebot.leave.Person;

/**
 * A chat front end that can reach people directly (Slack today, Teams later). The workflow's notifications go
 * here first; {@link io.leavebot.notify.Notifier} falls back to e-mail when this throws or cannot reach someone.
 */
public interface ChatChannel {
    /** Short name recorded with each notification, e.g. "slack". */
    String name();

    /** Whether this person can be reached here at all (e.g. has a Slack user id). */
    boolean canReach(Person person);

    /**
     * Delivers one notification; returns a reference to the posted message (for later updates and replies), or
     * throws {@link ChatUnavailableException}.
     *
     * @param replyTo a reference this channel returned for an earlier message to the same person: the new one is
     *                posted as a reply in that message's thread (a reminder under the approval request); null for a
     *                message of its own. A channel without threads posts a message of its own.
     */
    String deliver(Person to, Notification notification, String replyTo);

    /** Replaces an earlier message (e.g. the approval request, once decided); best effort. */
    void update(String messageRef, Notification notification);
}
