package io.leavebot.notify;

import io.leavebot.leave.Person;

/**
 * A chat front end that can reach people directly (Slack, Teams). The workflow's notifications go to the first
 * configured channel that can reach the person; {@link io.leavebot.notify.Notifier} tries the next, then e-mail,
 * when one throws or cannot reach them.
 */
public interface ChatChannel {
    /** Short name recorded with each notification, e.g. "slack"; unique among the configured channels. */
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
